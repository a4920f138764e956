"""The `case` commands through the real CLI: a case's whole life on SQLite and PostgreSQL; the
output and bad-input checks, which do not depend on the database, on SQLite only (each CLI run
costs a process start)."""

from __future__ import annotations

import json
from pathlib import Path

from billadvocate.casefile import load_case
from tests.conftest import EXAMPLES

HERE = Path(__file__).parent
ER = EXAMPLES / "er-visit-nonprofit" / "case.yaml"
ER_EVENTS = [e.kind for e in load_case(ER).accounts[0].events]  # the example's own log, oldest first


def ok(r):
    assert r.code == 0, r.err
    return r.json()


def test_a_case_kept_through_its_whole_life(store, tmp_path):
    imported = ok(store.cli("case", "import", ER, "--json"))
    cid = str(imported["id"])
    assert (imported["accounts"], imported["events"], imported["documents"]) == (1, len(ER_EVENTS), 1)

    logged = ok(store.cli("case", "log", cid, "--kind", "call", "--from", "collector", "--note",
                          "promised to hold the account 30 days", "--at", "2026-11-20T20:30", "--json"))
    assert logged["at"] == "2026-11-20T20:30:00-08:00"  # the patient's zone (CA, winter)
    early = ok(store.cli("case", "log", cid, "--kind", "email", "--from", "provider", "--at", "2026-10-14", "--json"))
    assert early["position"] == 1  # kept in time order, between the first two calls

    notice = tmp_path / "notice.pdf"
    notice.write_bytes(b"%PDF-1.4 validation notice")
    doc = ok(store.cli("case", "add-document", cid, notice, "--as", "notice", "--note", "as received", "--json"))
    assert doc["path"] == "documents/notice.pdf" and len(doc["sha256"]) == 64

    reminder = ok(store.cli("case", "remind", cid, "--on", "2026-12-05", "--note", "call back", "--json"))
    sent = ok(store.cli("case", "letter-sent", cid, "--type", "validation_request", "--method", "certified_mail",
                        "--tracking", "9400111899223344556677", "--at", "2026-11-21", "--json"))
    assert sent["tracking"] == "9400111899223344556677" and sent["sent_at"].startswith("2026-11-21")

    review = ok(store.cli("case", "review", cid, "--out", tmp_path / "review", "--json"))
    assert review["accounts"][0]["id"] == "er-visit" and review["as_of"] == "2026-11-28"
    generated = [x["type"] for a in review["accounts"] for x in a["letters"] if x.get("files")]
    due = ok(store.cli("case", "deadlines", "--today", "2026-11-28", "--days", "30", "--json"))
    assert reminder["id"] in [d["id"] for d in due["deadlines"]]

    shown = ok(store.cli("case", "show", cid, "--json"))
    kinds = [e["kind"] for e in shown["log"]]
    # the email of 2026-10-14 sits after the first call; the call and letter of late November at the end
    assert kinds == [ER_EVENTS[0], "email", *ER_EVENTS[1:], "call", "letter"]
    assert [x for x in shown["letters"] if x["sent_at"]][0]["method"] == "certified_mail"
    kept = [x for x in shown["letters"] if x["generated_at"]]
    assert sorted(x["type"] for x in kept) == sorted(generated)
    assert all(x["file"].startswith("documents/") for x in kept)
    engine_deadlines = [d for d in shown["deadlines"] if d["source"] == "engine"]
    assert {d["kind"] for d in engine_deadlines} == {d["kind"] for d in review["accounts"][0]["deadlines"]}

    out = tmp_path / "export"
    ok(store.cli("case", "export", cid, "-o", out, "--json"))
    exported = load_case(out / "case.yaml")
    events = exported.accounts[0].events
    assert [e.note for e in events if e.kind == "call"][-1] == "promised to hold the account 30 days"
    assert exported.documents[0].path == "documents/notice.pdf"
    assert (out / "documents" / "notice.pdf").read_bytes() == notice.read_bytes()

    again = ok(store.cli("case", "import", out, "--json"))
    assert again["events"] == len(ER_EVENTS) + 3 and again["documents"] == shown["documents"].__len__()


def test_human_output_has_tables(sqlite_store):
    sqlite_store.cli("case", "import", ER)
    r = sqlite_store.cli("case", "list")
    assert r.code == 0 and "Jane Doe" in r.out and "$4,830.00" in r.out
    r = sqlite_store.cli("case", "show", "1")
    assert r.code == 0 and "Valley General Hospital" in r.out and "voicemail" in r.out


def test_every_case_command_speaks_json(sqlite_store, tmp_path):
    cid = str(ok(sqlite_store.cli("case", "import", ER, "--json"))["id"])
    for args in (["case", "list"], ["case", "show", cid], ["case", "deadlines"],
                 ["case", "calendar", "-o", tmp_path / "d.ics"], ["case", "export", cid, "-o", tmp_path / "x.zip"],
                 ["backup", tmp_path / "b.zip"]):
        r = sqlite_store.cli(*args, "--json")
        assert r.code == 0, (args, r.err)
        json.loads(r.out)


def test_a_case_with_several_accounts_asks_which(sqlite_store):
    cid = str(ok(sqlite_store.cli("case", "import", HERE / "fixtures" / "full", "--json"))["id"])
    r = sqlite_store.cli("case", "log", cid, "--kind", "call", "--from", "provider")
    assert r.code == 2 and "several accounts (er, mri)" in r.err and "--account" in r.err
    assert sqlite_store.cli("case", "log", cid, "--kind", "call", "--from", "provider", "--account", "mri").code == 0


def test_bad_input_is_one_line_and_exit_2(sqlite_store, tmp_path):
    cid = str(ok(sqlite_store.cli("case", "import", ER, "--json"))["id"])
    bad = tmp_path / "bad.yaml"
    bad.write_text("billadvocate: 1\npatient: {state: CA}\naccounts: [{id: a, provider: {name: P}, balance: -3}]\n")
    for args, words in [
        (["case", "show", "99"], "no case 99"),
        (["case", "log", cid, "--kind", "call", "--from", "collector", "--at", "yesterday"], "--at"),
        (["case", "log", cid, "--kind", "call", "--from", "collector", "--amount", "lots"], "--amount"),
        (["case", "remind", cid, "--on", "2026-02-30", "--note", "x"], "--on"),
        (["case", "done", "4242"], "no deadline 4242"),
        (["case", "add-document", cid, tmp_path / "absent.pdf"], "no such file"),
        (["case", "import", bad], "accounts[0].balance"),
        (["restore", tmp_path / "absent.zip"], "no such file"),
    ]:
        r = sqlite_store.cli(*args)
        assert r.code == 2, (args, r.out, r.err)
        assert words in r.err and len(r.err.strip().splitlines()) == 1 and "Traceback" not in r.err
    assert ok(sqlite_store.cli("case", "list", "--json"))["cases"][0]["events"] == len(ER_EVENTS)  # nothing half-done


def test_an_unreachable_database_is_one_line(tmp_path):
    from tests.conftest import run_cli

    r = run_cli("case", "list", env={"BILLADVOCATE_HOME": str(tmp_path),
                                     "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"})
    assert r.code == 2 and "cannot open the database" in r.err and len(r.err.strip().splitlines()) == 1
