"""`audit BILL --eob EOB`: the EOB has its own reader option (--eob-format), each file is detected on its own
content otherwise, and the old --format keeps its meaning (the CLI is a contract)."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT, shared
from tests.ingest.test_printed_eob import REMITTANCE, _pdf

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
SENTARA = ("sample_bills", "Sample-Itemized-Billing-Statement-Sentara.pdf")
BILL_PAGE = ["Valley General Hospital", "Date Code Description Amount", "03/02/2024 99283 ER VISIT LEVEL 3 200.00",
             "03/02/2024 85025 CBC WITH DIFF 50.00", "TOTAL CHARGES 250.00"]


@pytest.fixture
def statement(tmp_path):
    """A hospital statement whose second page is the insurer's remittance advice (text layer, no OCR)."""
    return _pdf(tmp_path / "statement.pdf", [BILL_PAGE, REMITTANCE])


def _eob_codes(data) -> list:
    return [(ln["code"], ln["modifiers"]) for e in data["eobs"] for c in e["claims"] for ln in c["lines"]]


def test_the_bill_and_its_eob_each_get_their_own_reader(cli, statement):
    r = cli("audit", statement, "--format", "pdf", "--eob", statement, "--eob-format", "pdf-eob", "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert [ln["code"] for ln in data["lines"]] == ["99283", "85025"]  # the remittance page is not charges
    assert [e["format"] for e in data["eobs"]] == ["pdf-eob"]
    assert _eob_codes(data) == [("99283", ["25"]), ("85025", [])]
    assert {(m["bill_line"], m["eob_line"]) for m in data["eob_match"]["lines"]} == {(1, 1), (2, 2)}


def test_without_eob_format_each_file_is_detected_on_its_own(cli, statement):
    data = cli("audit", statement, "--eob", statement, "--eob", FIXTURES / "managed-care.835", "--json").json()
    assert len(data["lines"]) == 2 and [e["format"] for e in data["eobs"]] == ["pdf-eob", "x12-835"]


def test_eob_format_auto_detects_each_eob_even_when_format_names_an_eob_reader(cli, statement):
    # --format x12-835 used to force every --eob file to be an 835: the PDF's remittance could not be read beside it
    r = cli("audit", "--eob", FIXTURES / "managed-care.835", "--eob", statement, "--format", "x12-835",
            "--eob-format", "auto", "--json")
    assert r.code == 0, r.err
    assert [e["format"] for e in r.json()["eobs"]] == ["x12-835", "pdf-eob"]


def test_the_old_format_option_still_reads_the_eobs_when_it_names_an_eob_reader(cli, statement):
    r = cli("audit", "--eob", statement, "--format", "pdf-eob", "--json")
    assert r.code == 0, r.err
    assert [e["format"] for e in r.json()["eobs"]] == ["pdf-eob"]
    r = cli("audit", "--eob", statement, "--eob", FIXTURES / "managed-care.835", "--format", "pdf-eob")
    assert r.code == 2 and "managed-care.835" in r.err  # forced, as before: the 835 is not a PDF


def test_eob_format_refuses_a_bill_reader(cli, statement):
    r = cli("audit", statement, "--eob", statement, "--eob-format", "x12-837")
    assert r.code == 2 and "Invalid value for '--eob-format'" in r.err and "x12-837" in r.err


def test_the_help_names_the_eob_option(cli):
    out = cli("audit", "--help").out
    assert "--eob-format FORMAT" in out and "pdf-eob" in out


def test_the_real_sentara_statement_is_audited_against_its_own_remittance_page(cli):
    """The scanned Sentara statement: pages 1-2 are the charges, page 3 the insurer's remittance (99284-25)."""
    pytest.importorskip("rapidocr_onnxruntime", reason="the OCR extra is not installed")
    path = shared(*SENTARA)
    r = cli("audit", path, "--format", "pdf", "--eob", path, "--eob-format", "pdf-eob", "--json")
    assert r.code == 0, r.err
    data = r.json()
    codes = [ln["code"] for ln in data["lines"]]
    assert len(codes) == 10 and codes[-1] == "99284"  # the ED visit, charged on page 2
    (eob,) = data["eobs"]
    assert eob["format"] == "pdf-eob" and ("99284", ["25"]) in _eob_codes(data)
    matched = {m["bill_line"]: m["eob_line"] for m in data["eob_match"]["lines"]}
    assert matched[10] == 1  # the bill's ED visit is the remittance's 99284-25
    assert any(f["rule"] == "EOB.DENIED" for f in data["findings"])
    # the remittance's 11/09 and 11/10 are 2023's (the bill posts the insurer's payment on 12/22/2023), and the
    # bill's blacked-out dates of service are those of the remittance lines its lines match
    dates = {ln["line"]: ln["date"] for ln in data["lines"]}
    assert dates[10] == "2023-11-09" and dates[3] == dates[5] == dates[9] == "2023-11-10"
    assert any("each takes the date of the EOB line it matches (11/09/2023 to 11/10/2023)" in n for n in data["read_notes"])
    # so each denial found on the remittance names the bill's line it is for (the CT 70450 and the ER 12011)
    denied = {f["amount"]: f["lines"] for f in data["findings"] if f["rule"] == "EOB.DENIED"}
    assert denied[1691.0] == [5] and denied[773.0] == [9]
    # the scan's 72125 on page 1, read as 72126, is the remittance's 72125 (same revenue code and charge), and said so
    assert matched[4] == 5 and dates[4] == "2023-11-10"
    assert any(n.startswith("line 4: the bill reads code 72126 where the EOB line it matches (revenue code 0350, charge "
                            "2,203.00) has 72125") for n in data["read_notes"])


def test_the_bills_note_on_its_remittance_page_gives_a_command_that_audits_that_page_as_its_eob(cli, statement):
    # the note said 'read as an EOB with `--format pdf-eob`': under `audit` that reads the bill itself as the EOB
    import shlex

    from billadvocate.ingest import read_bill

    (note,) = [n for n in read_bill(statement).notes if "remittance advice" in n]
    assert "--format" not in note
    assert "under eob:" in note and "`--as eob`" in note  # a case file's and a stored case's way (case add-document)
    command = note.split("`")[1]  # the command the note gives, as the patient would type it
    args = shlex.split(command)
    assert args[:2] == ["billadvocate", "audit"]
    r = cli(*args[1:], "--json")
    assert r.code == 0, r.err
    data = r.json()
    assert [ln["code"] for ln in data["lines"]] == ["99283", "85025"] and len(data["eobs"]) == 1
    assert _eob_codes(data) == [("99283", ["25"]), ("85025", [])]


def _remittance_notes(text: str | list[str]) -> list[str]:
    notes = text if isinstance(text, list) else [" ".join(text.split())]
    return [n for n in notes if "remittance advice, not charges" in n]


def test_given_as_its_own_eob_the_bills_remittance_note_says_it_was_used(cli, statement):
    # the note asked for `--eob` even when the user had just given it
    data = cli("audit", statement, "--eob", statement, "--json").json()
    (note,) = _remittance_notes(data["read_notes"])
    assert "--eob" not in note and "give the same file" not in note
    assert note == "page(s) 2: the insurer's remittance advice, not charges; the bill was audited against it (given as the EOB too)"
    out = " ".join(cli("audit", statement, "--eob", statement).out.split())
    assert note in out and "give the same file" not in out


def test_with_another_eob_the_note_says_which_remittance_was_used(cli, statement):
    eob = FIXTURES / "managed-care.835"
    (note,) = _remittance_notes(cli("audit", statement, "--eob", eob, "--json").json()["read_notes"])
    assert note == ("page(s) 2: the insurer's remittance advice, not charges; it was not used: the bill was audited "
                    f"against the EOB given instead ({eob})")
    (note,) = _remittance_notes(cli("audit", statement, "--eob", eob, "--eob", statement, "--json").json()["read_notes"])
    assert note.endswith(f"the bill was audited against it (given as the EOB too), and against {eob}")


def test_without_an_eob_the_audit_says_how_to_use_the_remittance_page(cli, statement):
    out = " ".join(cli("audit", statement).out.split())
    assert f"give the same file as the EOB too: `billadvocate audit {statement} --eob {statement}`" in out


def test_the_printed_audit_says_which_bill_lines_took_their_dates_from_the_eob(cli, tmp_path):
    # a statement without dates of service (the Sentara scan's are blacked out) whose remittance prints 03/02
    bill = ["Valley General Hospital", "Date Code Description Amount", "99283 ER VISIT LEVEL 3 200.00",
            "85025 CBC WITH DIFF 50.00", "TOTAL CHARGES 250.00", "Date Description Amount", "Wed 03/20/2024 Payments -100.00"]
    path = _pdf(tmp_path / "undated.pdf", [bill, REMITTANCE])
    data = cli("audit", path, "--eob", path, "--json").json()
    assert [ln["date"] for ln in data["lines"]] == ["2024-03-02", "2024-03-02"]
    note = "line(s) 1, 2: no date of service on the bill; each takes the date of the EOB line it matches (03/02/2024)"
    assert note in data["read_notes"]
    assert note in " ".join(cli("audit", path, "--eob", path).out.split())
