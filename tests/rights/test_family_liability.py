"""Who must pay a dead patient's bill, or a bill a relative is asked to pay (rights/family_liability.py), and the
conduct rule FDCPA.RELATIVE_ASKED_TO_PAY with its boundary cases: never "not liable" where a state's law may make
the person pay (a spouse, a child or parent under a family-support law, anyone who signed or may have signed)."""

from __future__ import annotations

from datetime import date

import pytest

from billadvocate.model import Case
from billadvocate.rights import review_rights
from billadvocate.rights.family_liability import SENTENCES, spanish_why

AS_OF = date(2026, 6, 1)
ASKED = {"at": "2026-05-20T17:10:00", "kind": "call", "from": "collector", "to": "contact", "conversation": True,
         "type": "asked_to_pay"}


def case(*, state="TX", died="2026-03-14", relationship="other_relative", handles_estate=False, signed=False,
         events=(ASKED,), collector="agency", provider_kind="hospital", contact=True) -> Case:
    acct = {"id": "h", "account_number": "H-1", "balance": 2140,
            "provider": {"name": "Memorial Hospital", "address": "PO Box 1, Houston, TX 77002", "kind": provider_kind,
                         "state": state},
            "care": {"start": "2026-03-01", "end": "2026-03-04"}, "events": list(events)}
    if collector:
        acct["collector"] = {"name": "Bayou Recovery", "address": "PO Box 9, Houston, TX 77003", "kind": collector}
    data = {"billadvocate": 1, "patient": {"name": "Rosa Martinez", "state": state}, "accounts": [acct]}
    if died:
        data["patient"]["died_on"] = died
    if contact:
        data["contact"] = {"name": "Elena Martinez", "address": "1 Oak Ave, Austin, TX 78701",
                           "relationship": relationship, "handles_estate": handles_estate}
        if signed is not None:
            data["contact"]["signed_to_pay"] = signed
    return Case.model_validate(data)


def rights(c: Case):
    return review_rights(c, c.accounts[0], AS_OF)


def who(c: Case) -> dict | None:
    return next((p for p in rights(c).protections if p["id"] == "DECEASED.WHO_PAYS"), None)


def asked(c: Case) -> list:
    return [v for v in rights(c).violations if v.rule == "FDCPA.RELATIVE_ASKED_TO_PAY"]


def test_a_sister_who_signed_nothing_is_not_liable_and_the_collector_broke_the_fdcpa():
    c = case()
    p = who(c)
    assert p["applies"] is True and p["unconfirmed"] is False
    assert "you are not personally liable for it" in p["why"] and "debts of their estate" in p["why"]
    assert "If you received money or property from the patient's estate" in p["why"]  # what an heir may answer for
    assert "12 CFR 1006.2(e) (consumer: any natural person, whether living or deceased)" in p["citations"]
    [v] = asked(c)
    assert v.severity == "high" and v.events == [0] and v.act_by == date(2027, 5, 20)
    assert "15 U.S.C. 1692e(2)(A)" in v.citations and any("76 FR 44915" in x for x in v.citations)
    assert "Elena Martinez is not the patient's spouse" in v.message


def test_the_protection_comes_first_and_only_when_a_death_or_a_relative_is_in_the_case():
    assert rights(case()).protections[0]["id"] == "DECEASED.WHO_PAYS"
    alive_alone = case(died=None, contact=False, events=())
    assert who(alive_alone) is None


@pytest.mark.parametrize("state,cite", [("TX", "Tex. Fam. Code 3.201(a)"), ("CA", "Cal. Fam. Code 914(a)"),
                                        ("IL", "750 ILCS 65/15(a)(1)"), ("PA", "23 Pa.C.S. 4603(a)(1)(i)")])
def test_a_spouse_may_be_liable_under_the_states_own_law_and_is_never_told_he_owes_nothing(state, cite):
    c = case(state=state, relationship="spouse")
    p = who(c)
    assert p["applies"] is None
    assert cite in p["why"] and "may be liable under" in p["why"] and "get legal advice before you pay or refuse" in p["why"]
    assert "owe nothing" not in p["why"] and "not personally liable" not in p["why"]
    assert asked(c) == []


@pytest.mark.parametrize("state", ["ID", "NV"])  # community property, the statute's words not read: unconfirmed
def test_a_spouse_in_a_community_property_state_read_only_second_hand_is_marked_unconfirmed(state):
    p = who(case(state=state, relationship="spouse"))
    assert p["applies"] is None and p["unconfirmed"] is True and "community property" in p["why"]
    assert "may be liable under" in p["why"] and "owe nothing" not in p["why"]


@pytest.mark.parametrize("state,cite,basis", [
    ("AZ", "Ariz. Rev. Stat. 25-215(D)", "community property"),
    ("LA", "La. Civ. Code arts. 2345, 2357", "community property"),
    ("NM", "N.M. Stat. 40-3-9(B), 40-3-11(A)", "community property"),
    ("WA", "Rev. Code Wash. 26.16.205", "the family expense statute"),  # a family-expense statute, like Illinois'
    ("WI", "Wis. Stat. 766.55(2)(a)", "community property")])
def test_a_spouse_in_a_community_property_state_whose_statute_was_read_is_told_the_quoted_rule(state, cite, basis):
    p = who(case(state=state, relationship="spouse"))
    assert p["applies"] is None and p["unconfirmed"] is False
    assert f"({basis}, {cite})" in p["why"], p["why"]
    assert "may be liable under" in p["why"] and "get legal advice before you pay or refuse" in p["why"]
    assert "owe nothing" not in p["why"] and "not personally liable" not in p["why"]
    assert spanish_why(p["why"])


def test_wisconsin_cites_the_duty_of_support_and_the_family_purpose_obligation_for_what_they_are():
    # 766.55(2)(a) is the duty of support (a spouse's medical care: St. Marys Hospital v. Brody); the words
    # "in the interest of the marriage or the family" are (2)(b)'s, once mislabelled (2)(a)
    cites = who(case(state="WI", relationship="spouse"))["citations"]
    a = [c for c in cites if c.startswith("Wis. Stat. 766.55(2)(a)")]
    b = [c for c in cites if c.startswith("Wis. Stat. 766.55(2)(b)")]
    assert a and "duty of support" in a[0] and "interest of the marriage" not in a[0], cites
    assert b and "in the interest of the marriage or the family" in b[0], cites


def test_a_spouse_where_billadvocate_has_no_rule_counts_as_may_be_liable():
    p = who(case(state="OH", relationship="spouse"))  # no states/oh/family_liability.yaml: unknown
    assert p["applies"] is None
    assert "billadvocate has no confirmed rule for Ohio" in p["why"] and "may be liable under Ohio law" in p["why"]
    assert asked(case(state="OH", relationship="spouse")) == []


def test_a_child_in_a_filial_support_state_may_be_liable_and_elsewhere_unknown_counts_as_may():
    pa = who(case(state="PA", relationship="child"))
    assert pa["applies"] is None and "23 Pa.C.S. 4603(a)(1)(ii)-(iii)" in pa["why"]
    tx = who(case(state="TX", relationship="child"))
    assert tx["applies"] is None and "no confirmed answer for Texas" in tx["why"]
    assert asked(case(state="PA", relationship="child")) == [] and asked(case(relationship="parent")) == []


def test_someone_who_signed_or_may_have_signed_to_pay_may_be_liable():
    signed = who(case(signed=True))
    assert signed["applies"] is None and "you may be liable under what you signed" in signed["why"]
    unknown = who(case(signed=None))
    assert unknown["applies"] is None and "find your copy of the papers" in unknown["why"]
    assert asked(case(signed=True)) == [] and asked(case(signed=None)) == []


def test_a_nursing_home_admission_form_brings_the_federal_rule_against_required_guarantees():
    p = who(case(signed=None, provider_kind="nursing_home"))
    assert "42 CFR 483.15(a)(3)" in p["why"]
    assert any(c.startswith("42 CFR 483.15(a)(3)") for c in p["citations"])
    assert "42 CFR 483.15" not in who(case(signed=False, provider_kind="nursing_home"))["why"]


def test_the_estates_representative_pays_from_the_estate_and_asking_them_is_no_violation():
    c = case(handles_estate=True)
    assert "pay its debts only from the estate's money" in who(c)["why"]
    assert asked(c) == []


def test_no_violation_without_an_fdcpa_collector_or_without_a_demand():
    assert asked(case(collector=None, events=[{**ASKED, "from": "provider"}])) == []  # the hospital itself
    assert asked(case(events=[{**ASKED, "type": None}])) == []  # a call that only asked how to reach the estate
    assert asked(case(events=[{**ASKED, "to": None}])) == []  # a call to the patient's own number


def test_a_living_patients_relative_asked_to_pay_is_covered_too():
    c = case(died=None)
    assert who(c)["applies"] is True and "debts of their estate" not in who(c)["why"]
    assert len(asked(c)) == 1 and "after the patient died" not in asked(c)[0].message


def test_without_a_contact_the_case_is_asked_who_deals_with_the_bill():
    p = who(case(contact=False, events=()))
    assert p["applies"] is None and "add contact: to the case" in p["why"]


@pytest.mark.parametrize("kw", [{}, {"relationship": "spouse"}, {"state": "CA", "relationship": "spouse"},
                                {"state": "PA", "relationship": "child"}, {"relationship": "child"},
                                {"signed": None, "provider_kind": "nursing_home"}, {"signed": True},
                                {"handles_estate": True}, {"contact": False, "events": ()}, {"died": None}])
def test_every_answer_reads_in_spanish(kw):
    why = who(case(**kw))["why"]
    es = spanish_why(why)
    assert es and " the " not in es and "You " not in es, (why, es)


def test_every_sentence_has_its_spanish_with_the_same_fields():
    import re

    for key, (en, es) in SENTENCES.items():
        fields = set(re.findall(r"\{(\w+)\}", en))
        assert fields - {"relative"} <= set(re.findall(r"\{(\w+)\}", es)), key


def test_a_call_to_a_relative_who_is_not_a_consumer_is_not_the_first_contact_that_owes_a_validation_notice():
    # 12 CFR 1006.34(a): the notice is owed to the consumer (for a patient who died, whoever acts for the estate);
    # a sister who does not handle the estate is neither, so the call to her starts no 5-day clock
    def missing(c):
        return [v for v in rights(c).violations if v.rule == "REGF.VALIDATION_MISSING"]

    assert missing(case()) == []
    assert len(missing(case(handles_estate=True))) == 1  # the executor is the consumer (12 CFR 1006.6(a)(4))
    assert len(missing(case(events=[{**ASKED, "to": None}]))) == 1  # a call not marked as the relative's
