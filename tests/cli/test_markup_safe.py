"""Text from a bill, a case file or the command line prints as written in the text output: never read as
rich markup (a "[/]" crashed `audit`, a "[bold red]" or "[link=...]" restyled the report) nor as an
emoji code. English and Spanish reviews, the bill audit and read, the credit check and the case store."""

from __future__ import annotations

import csv
import re
import shutil

import pytest
import yaml

from tests.conftest import EXAMPLES, run_cli

CLOSE = "[/]"
STYLE = "[bold red]X[/]"
LINK = "[link=file:///etc/passwd]y[/link]"
EMOJI = ":warning:"
SLASH = "ends in \\"
HOSTILE = (CLOSE, STYLE, LINK, EMOJI)
WIDE = {"COLUMNS": "200"}
BOX = re.compile(r"[\s\u2500-\u257f]+")  # whitespace and the table's lines: a folded cell reads whole again


def flat(text: str) -> str:
    return BOX.sub("", text)


def shows(out: str, *texts: str) -> None:
    for text in texts:
        assert flat(text) in flat(out), f"{text!r} is not printed as written in:\n{out}"


def ok(*args: str, env: dict | None = None):
    r = run_cli(*args, env={**WIDE, **(env or {})})
    assert r.code == 0, r.err
    assert "internal error" not in r.err and "Traceback" not in r.err
    assert "\x1b]8;" not in r.out  # no terminal hyperlink
    return r


def _bill(path, descriptions) -> None:
    """Each description on two lines of the same code and day: the duplicate finding quotes it."""
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["line", "date", "code", "description", "units", "charge"])
        for i, text in enumerate(descriptions):
            day = f"2025-03-{i + 1:02d}"
            for n in (1, 2):
                w.writerow([2 * i + n, day, "36415", f"DRAW {text} BLOOD", 1, "150.00"])


def test_a_bills_descriptions_print_as_written_in_audit_and_read(tmp_path):
    bill = tmp_path / "bill.csv"
    _bill(bill, HOSTILE + (SLASH,))
    for command in ("audit", "read"):
        r = ok(command, bill)
        shows(r.out, *(f"DRAW {text} BLOOD" for text in HOSTILE + (SLASH,)))
        assert "\u26a0" not in r.out  # :warning: stays words


def test_the_bug_report_bill_audits(tmp_path):
    bill = tmp_path / "h.csv"
    bill.write_text('line,date,code,description,units,charge\n1,2025-03-01,36415,"DRAW [/] BLOOD",5,150.00\n'
                    '2,2025-03-01,36415,"DRAW [/] BLOOD",5,150.00\n', encoding="utf-8")
    r = ok("audit", bill)
    shows(r.out, "DRAW [/] BLOOD (36415) is billed 2 times")


def test_an_eobs_text_prints_as_written_in_read_and_audit(tmp_path):
    eob = tmp_path / "eob.csv"
    eob.write_text("Claim Number,Date of Service,Provider,Service,CPT,Amount Billed,Allowed Amount,Plan Paid,You Owe,"
                   "Network,Status,Reason Code\n"
                   f"K26 {CLOSE} 1,07/22/2026,Keystone {STYLE} Imaging,MRI {LINK},72148,2750.00,0.00,0.00,2750.00,in,"
                   "denied,CO-50\n", encoding="utf-8")
    r = ok("read", eob)
    shows(r.out, f"Claim K26 {CLOSE} 1", f"Keystone {STYLE} Imaging", "DENIED")
    r = ok("audit", "--eob", eob)
    shows(r.out, f"K26 {CLOSE} 1")


def _case(tmp_path, language: str = "en"):
    """The ER example with hostile text in the patient's, provider's and collector's names, the account
    number, the contact log's notes, the bill's descriptions and the credit report's furnisher."""
    folder = tmp_path / f"case-{language}"
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", folder)
    data = yaml.safe_load((folder / "case.yaml").read_text(encoding="utf-8"))
    data["patient"]["name"] = f"Jane {STYLE} Doe"
    data["patient"]["language"] = language
    acct = data["accounts"][0]
    acct["provider"]["name"] = f"Valley {LINK} General"
    acct["account_number"] = f"VGH {CLOSE} 98741"
    acct["collector"]["name"] = f"ABC {CLOSE} Recovery {EMOJI}"
    for event in acct["events"]:
        event["note"] = f"{event['note']} {STYLE} {LINK}"
    for t in data["credit_report"]["tradelines"]:
        t["furnisher"] = t["furnisher"].replace("ABC Recovery", f"ABC {CLOSE} Recovery {EMOJI}")
    rows = list(csv.reader((folder / "bills" / "er-itemized.csv").open(encoding="utf-8")))
    for row in rows[1:]:
        row[4] = f"{row[4]} {STYLE}"
    with (folder / "bills" / "er-itemized.csv").open("w", newline="", encoding="utf-8") as f:
        csv.writer(f).writerows(rows)
    (folder / "case.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder / "case.yaml"


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_case_files_text_prints_as_written_in_the_review(tmp_path, language):
    r = ok("review", _case(tmp_path, language))
    shows(r.out, f"Jane {STYLE} Doe", f"Valley {LINK} General", f"ABC {CLOSE} Recovery {EMOJI}")
    if language == "en":  # the Spanish findings say what is wrong in their own words, with no account number
        shows(r.out, f"VGH {CLOSE} 98741", f"CBC W/AUTO DIFF {STYLE}")
    assert "\u26a0" not in r.out


def test_a_case_files_text_prints_as_written_in_the_credit_check(tmp_path):
    case = _case(tmp_path)
    r = ok("credit", "check", case)
    shows(r.out, f"ABC {CLOSE} Recovery {EMOJI}")
    r = ok("review", case, "--credit", _tradelines(tmp_path))
    shows(r.out, f"Tradelines read from {tmp_path / 'tl[bold]x.csv'}", f"ABC {CLOSE} Recovery {EMOJI}")


def _tradelines(tmp_path):
    path = tmp_path / "tl[bold]x.csv"
    path.write_text("bureau,furnisher,medical,original_amount,balance,status,first_delinquency,reported\n"
                    f"equifax,ABC {CLOSE} Recovery {EMOJI},yes,5010.00,5010.00,unpaid,2025-05-01,2026-10-30\n",
                    encoding="utf-8")
    return path


def test_a_case_files_text_prints_as_written_in_the_case_store(tmp_path):
    env = {"BILLADVOCATE_HOME": str(tmp_path / "home")}
    case = _case(tmp_path)
    r = ok("case", "import", case, env=env)
    shows(r.out, "Imported case 1")
    r = ok("case", "show", "1", env=env)
    shows(r.out, f"Jane {STYLE} Doe", f"Valley {LINK} General", f"ABC {CLOSE} Recovery {EMOJI}",
          f"voicemail before 8 am {STYLE} {LINK}")
    ok("case", "remind", "1", "--on", "2026-12-15", "--note", f"call {STYLE} back {LINK}", env=env)
    r = ok("case", "deadlines", "--today", "2026-12-01", env=env)
    shows(r.out, f"call {STYLE} back {LINK}", f"Jane {STYLE} Doe")
    r = ok("case", "list", env=env)
    shows(r.out, f"Jane {STYLE} Doe")
