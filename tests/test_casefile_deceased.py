"""The case format's fields for a patient who has died and for the person dealing with the debt: optional, read
into the model, and a bad value is one line naming the file and the field, exit 2."""

from __future__ import annotations

from datetime import date

import pytest
import yaml

from billadvocate import load_case
from billadvocate.errors import BadInput

from .conftest import run_cli

BASE = {"billadvocate": 1, "patient": {"name": "Rosa Martinez", "state": "TX"},
        "accounts": [{"id": "h", "provider": {"name": "Memorial Hospital"}, "care": {"start": "2026-03-01"}}]}


def write(tmp_path, **top):
    data = {**BASE, **top}
    path = tmp_path / "case.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_a_case_without_the_new_fields_reads_as_before(tmp_path):
    case = load_case(write(tmp_path))
    assert case.patient.died_on is None and case.patient.estate is None and case.contact is None


def test_died_on_estate_and_contact_are_read(tmp_path):
    path = write(tmp_path, patient={"name": "Rosa Martinez", "state": "TX", "died_on": "2026-03-14",
                                    "estate": {"representative": "Ana Ruiz", "court": "Harris County Probate Court 1",
                                               "case_number": "26-1234"}},
                 contact={"name": "Elena Martinez", "relationship": "other_relative", "handles_estate": False,
                          "signed_to_pay": False})
    case = load_case(path)
    assert case.patient.died_on == date(2026, 3, 14) and case.patient.estate.representative == "Ana Ruiz"
    assert case.contact.relationship == "other_relative" and case.contact.signed_to_pay is False
    assert load_case(write(tmp_path, contact={"relationship": "spouse"})).contact.signed_to_pay is None  # not known
    assert case.contact.received_from_estate is None  # not known: the heir's caution stays
    got = load_case(write(tmp_path, patient={"name": "Rosa Martinez", "state": "TX", "died_on": "2026-03-14"},
                          contact={"relationship": "child", "received_from_estate": True})).contact
    assert got.received_from_estate is True


def test_a_collector_call_to_the_contact_and_a_nursing_home_are_valid(tmp_path):
    acct = {"id": "h", "provider": {"name": "Sunrise Care Center", "kind": "nursing_home"},
            "events": [{"at": "2026-05-20", "kind": "call", "from": "collector", "to": "contact",
                        "type": "asked_to_pay"}]}
    case = load_case(write(tmp_path, accounts=[acct], contact={"relationship": "child"}))
    assert case.accounts[0].events[0].to == "contact" and case.accounts[0].provider.kind == "nursing_home"


@pytest.mark.parametrize("top,where,words", [
    ({"contact": {"relationship": "cousin"}}, "contact.relationship", "'cousin' is not allowed: use 'self', 'spouse'"),
    ({"contact": {"relationship": "child", "handles_estate": "maybe"}}, "contact.handles_estate", "'maybe'"),
    ({"patient": {"state": "TX", "died_on": "2026-02-30"}}, "patient.died_on", "is not a real date"),
    ({"patient": {"state": "TX", "died_on": "2026-03-14"}, "contact": {"relationship": "self"}},
     "contact.relationship", "'self' means the patient, who has died"),
    ({"patient": {"state": "TX", "died_on": "2026-02-01"}}, "accounts[0].care.start",
     "is after the patient died (patient.died_on 2026-02-01): check both dates"),
    ({"contact": {"relationship": "self", "signed_to_pay": True}}, "contact", "'self' is the patient"),
    ({"contact": {"relationship": "child", "role": "heir"}}, "contact.role", "is not a field of the case format"),
    ({"contact": {"relationship": "child", "received_from_estate": "some"}}, "contact.received_from_estate",
     "'some'"),
    ({"contact": {"relationship": "self", "received_from_estate": True}}, "contact", "'self' is the patient"),
    ({"contact": {"relationship": "child", "received_from_estate": True}}, "contact.received_from_estate",
     "add patient.died_on"),
])
def test_a_bad_value_is_one_line_with_the_file_and_field(tmp_path, top, where, words):
    path = write(tmp_path, **top)
    with pytest.raises(BadInput) as e:
        load_case(path)
    assert e.value.where == where and words in e.value.problem, e.value.line()
    res = run_cli("review", path)
    assert res.code == 2 and "Traceback" not in res.err
    lines = [ln for ln in res.err.splitlines() if ln.strip()]
    assert len(lines) == 1 and str(path) in lines[0] and where in lines[0], res.err
