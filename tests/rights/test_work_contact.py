"""A collector's call at work after the patient told it not to contact her there (15 U.S.C. 1692c(a)(1) and
(a)(3), 12 CFR 1006.6(b)(1)(i) and (b)(3)). Before, nothing in the review noticed it: the log can now say a
collector's call, text, email or visit reached the patient at work (`type: at_work`) and that the patient told
the collector not to contact her there (a patient letter, email, call or text with `type: no_contact_at_work`)."""

from __future__ import annotations

from billadvocate.report import spanish
from tests.rights.helpers import call, case, fired, letter

RULE = "FDCPA.WORK_CONTACT"
TOLD = letter("2026-10-20", type="no_contact_at_work", note="my employer does not allow personal calls")


def test_a_call_at_work_after_being_told_not_to_is_a_violation():
    (v,) = fired(case(TOLD, call("2026-10-27T10:15:00-07:00", type="at_work")), RULE)
    assert v.message.startswith("ABC Recovery contacted you at work (call on 2026-10-27) after you told it on "
                                "2026-10-20 not to contact you there."), v.message
    assert "15 U.S.C. 1692c(a)(3)" in v.citations and v.severity == "high"
    es = spanish.finding(v, "conduct")
    assert es["title"] and "trabajo" in es["title"]


def test_before_being_told_or_not_at_work_nothing_fires():
    assert not fired(case(call("2026-10-15T10:15:00-07:00", type="at_work"), TOLD), RULE)
    assert not fired(case(TOLD, call("2026-10-27T10:15:00-07:00")), RULE)
    assert not fired(case(call("2026-10-27T10:15:00-07:00", type="at_work")), RULE)


def test_a_patient_call_saying_so_counts_and_the_hospital_collecting_its_own_bill_is_not_covered():
    told_by_phone = call("2026-10-20T09:00:00-07:00", by="patient", type="no_contact_at_work")
    assert fired(case(told_by_phone, call("2026-10-20T15:00:00-07:00", type="at_work")), RULE)
    assert not fired(case(TOLD, call("2026-10-27T10:15:00-07:00", by="provider", type="at_work"), collector=None), RULE)


def test_the_cease_letter_is_wanted_for_the_contact_at_work():
    from billadvocate.letters.select import choose_letters
    from billadvocate.review import review_case

    c = case(TOLD, call("2026-10-27T10:15:00-07:00", type="at_work"))
    result = review_case(c)
    choose_letters(result)  # the helper's case has no patient name: the letter is named in the notes, not written
    assert any('"Request to stop contact" would help (stop the contacts: the collector broke these rules' in n
               for n in result.accounts[0].notes), result.accounts[0].notes
