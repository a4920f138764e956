"""The letters of each route, chosen by `review` from a real EOB export and read back in English and
Spanish from PDF, DOCX and text: the claim file request, Medicare's levels, the Medicaid fair
hearing, the complaint to the regulator, and the expedited wording for urgent care."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
import yaml

from billadvocate.appeals.regulators import MEDICAID_FILE, STATES, _check, medicaid_table, regulator, table
from billadvocate.casefile import load_case
from billadvocate.errors import LawDataError
from billadvocate.letters import MissingFact, letter_for, render
from billadvocate.review import review_case
from tests.conftest import EXAMPLES, ROOT
from tests.letters.test_letters_render import read_back

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
ADDRESS = "Appeals Unit, PO Box 500, Fresno, CA 93702"


def _case(tmp_path, *events, account=None, **insurance):
    """Jane's example with the real EOB export (C-1002 denied PR-96 on a notice of 2026-10-20)."""
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", tmp_path / "case")
    shutil.copy(FIXTURES / "eob-export.csv", tmp_path / "case" / "eob.csv")
    data = yaml.safe_load((tmp_path / "case" / "case.yaml").read_text())
    acct = data["accounts"][0]
    acct.update(eob=["eob.csv"], denial_notice_date="2026-10-20", **(account or {}))
    acct["events"] += list(events)
    data["insurance"].update({"appeals_address": ADDRESS, **insurance})
    path = tmp_path / "case" / "case.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def _letters(path, as_of=None):
    result = review_case(load_case(path), as_of=as_of)
    return result, {e["type"] for e in result.accounts[0].letters}


def _read(result, letter_type, lang):
    """The letter read back from each format (text, PDF, DOCX), whitespace folded."""
    letter = letter_for(result, letter_type, lang=lang)
    return [read_back(render(letter, fmt, as_of=result.as_of), fmt) for fmt in ("txt", "pdf", "docx")]


def _event(at, frm, kind_type, outcome=None):
    e = {"at": at, "kind": "letter", "from": frm, "to": "insurer" if frm == "patient" else "patient",
         "type": kind_type}
    return {**e, "outcome": outcome} if outcome else e


def test_an_employer_plans_denial_asks_for_the_claim_file_and_plan_documents(tmp_path):
    result, types = _letters(_case(tmp_path, plan_type="employer_self_funded"))
    assert {"claim_file_request", "insurer_appeal"} <= types
    for text in _read(result, "claim_file_request", "en"):
        assert "2560.503-1(h)(2)(iii)" in text and "1024(b)(4)" in text and "C-1002" in text
        assert "free of charge" in text and "summary plan description" in text
    for text in _read(result, "claim_file_request", "es"):
        assert "sin costo" in text and "C-1002" in text and "Atentamente" in text


def test_a_marketplace_plan_is_not_asked_for_employer_plan_documents(tmp_path):
    result, _ = _letters(_case(tmp_path, plan_type="aca_individual"))
    text = _read(result, "claim_file_request", "en")[0]
    assert "2560.503-1(h)(2)(iii)" in text and "1024(b)(4)" not in text


def test_original_medicare_gets_the_redetermination_letter_with_the_form_s_facts(tmp_path):
    result, types = _letters(_case(tmp_path, plan_type="medicare_original", member_id="1EG4-TE5-MK73"))
    assert "medicare_redetermination" in types and "insurer_appeal" not in types and "claim_file_request" not in types
    for text in _read(result, "medicare_redetermination", "en"):
        assert "CMS-20027" in text and "1EG4-TE5-MK73" in text and "42 CFR 405.942" in text
        assert "February 22, 2027" in text  # 2026-10-20 + 5 + 120 days
    for text in _read(result, "medicare_redetermination", "es"):
        assert "nueva determinación" in text and "22 de febrero de 2027" in text and "1EG4-TE5-MK73" in text


def test_without_the_medicare_number_the_letter_names_the_field(tmp_path):
    result, types = _letters(_case(tmp_path, plan_type="medicare_original"))
    assert "medicare_redetermination" not in types
    with pytest.raises(MissingFact) as e:
        letter_for(result, "medicare_redetermination")
    assert e.value.where == "insurance.member_id"


def test_a_redetermination_denied_leads_to_the_qic_reconsideration_letter(tmp_path):
    path = _case(tmp_path, _event("2026-11-01", "patient", "medicare_redetermination"),
                 _event("2026-11-20", "insurer", "redetermination_decision", "denied"),
                 plan_type="medicare_original", member_id="1EG4-TE5-MK73")
    result, types = _letters(path, as_of=date(2026, 11, 28))
    assert "medicare_redetermination" in types
    due = {d.kind: d.date for d in result.accounts[0].deadlines}
    assert due["MEDICARE_RECONSIDERATION_DUE"] == date(2027, 5, 24)  # 2026-11-20 + 5 + 180
    for text in _read(result, "medicare_redetermination", "en"):
        assert "CMS-20033" in text and "Qualified Independent Contractor" in text and "42 CFR 405.962" in text
        assert "November 20, 2026" in text and "May 24, 2027" in text
    es = _read(result, "medicare_redetermination", "es")[0]
    assert "reconsideración" in es and "24 de mayo de 2027" in es


def test_the_judge_s_hearing_letter_after_the_qic_says_no(tmp_path):
    path = _case(tmp_path, _event("2026-11-01", "insurer", "redetermination_decision", "denied"),
                 _event("2026-11-15", "patient", "medicare_reconsideration"),
                 _event("2026-11-25", "insurer", "reconsideration_decision", "denied"),
                 plan_type="medicare_original", member_id="1EG4-TE5-MK73")
    result, _ = _letters(path, as_of=date(2026, 11, 28))
    text = _read(result, "medicare_redetermination", "en")[0]
    assert "OMHA-100" in text and "Administrative Law Judge" in text and "January 24, 2027" in text  # +60


def test_the_judge_s_hearing_letter_after_the_ire_upholds_a_medicare_advantage_denial(tmp_path):
    # 422.602(b): 60 days from receipt of the IRE's decision, presumed 5 days after 2026-11-25: 2027-01-29
    path = _case(tmp_path, _event("2026-10-25", "patient", "insurer_appeal"),
                 _event("2026-11-05", "insurer", "appeal_decision", "denied"),
                 _event("2026-11-25", "insurer", "reconsideration_decision", "denied"),
                 plan_type="medicare_advantage", member_id="H1234-567", plan="Sunrise Medicare Advantage")
    result, types = _letters(path, as_of=date(2026, 11, 28))
    assert "medicare_redetermination" in types and "insurer_appeal" not in types
    for text in _read(result, "medicare_redetermination", "en"):
        assert "OMHA-100" in text and "independent review entity" in text and "42 CFR 422.602" in text
        assert "January 29, 2027" in text and "Member number: H1234-567" in text and "QIC" not in text
    for text in _read(result, "medicare_redetermination", "es"):
        assert "entidad de revisión independiente del 25 de noviembre de 2026 sobre" in text
        assert "29 de enero de 2027" in text
        assert "Número de miembro" in text


def test_the_council_letter_after_the_judge_upholds_a_medicare_advantage_denial(tmp_path):
    # 422.608 applies 405.1102: 60 days from receipt, presumed 5 days after 2026-11-25: 2027-01-29
    path = _case(tmp_path, _event("2026-08-25", "insurer", "reconsideration_decision", "denied"),
                 _event("2026-09-01", "patient", "alj_hearing_request"),
                 _event("2026-11-25", "insurer", "alj_decision", "denied"),
                 plan_type="medicare_advantage", member_id="H1234-567")
    result, types = _letters(path, as_of=date(2026, 11, 28))
    assert "medicare_redetermination" in types
    text = _read(result, "medicare_redetermination", "en")[0]
    assert "DAB-101" in text and "42 CFR 422.608" in text and "January 29, 2027" in text
    es = _read(result, "medicare_redetermination", "es")[0]
    assert "Consejo de Apelaciones de Medicare" in es and "42 CFR 422.608" in es


def test_a_medicare_advantage_denial_waiting_for_the_ire_gets_no_later_letter(tmp_path):
    path = _case(tmp_path, _event("2026-10-25", "patient", "insurer_appeal"),
                 _event("2026-11-05", "insurer", "appeal_decision", "denied"), plan_type="medicare_advantage")
    _, types = _letters(path, as_of=date(2026, 11, 28))
    assert "medicare_redetermination" not in types


def test_a_medicaid_denial_gets_the_fair_hearing_request(tmp_path):
    result, types = _letters(_case(tmp_path, plan_type="medicaid"))
    assert "fair_hearing_request" in types and "insurer_appeal" not in types
    for text in _read(result, "fair_hearing_request", "en"):
        assert "fair hearing" in text and "42 CFR 431.221" in text and "42 CFR 431.242" in text
        assert "January 18, 2027" in text  # at most 90 days from 2026-10-20
    for text in _read(result, "fair_hearing_request", "es"):
        assert "audiencia imparcial" in text and "18 de enero de 2027" in text


def test_a_medicaid_plan_s_denial_on_appeal_goes_to_the_fair_hearing(tmp_path):
    path = _case(tmp_path, _event("2026-10-25", "patient", "insurer_appeal"),
                 _event("2026-11-10", "insurer", "appeal_decision", "denied"), plan_type="medicaid_managed_care")
    result, types = _letters(path, as_of=date(2026, 11, 28))
    assert "fair_hearing_request" in types
    text = _read(result, "fair_hearing_request", "en")[0]
    assert "upheld on appeal on November 10, 2026" in text


# ---------------------------------------------------------------- the complaint to the regulator


def _late(tmp_path, **insurance):
    """The appeal was sent on 2026-09-01; the plan had 60 days and has logged no decision."""
    return _case(tmp_path, _event("2026-09-01", "patient", "insurer_appeal"), **insurance)


def test_a_plan_late_to_decide_gets_a_complaint_to_the_state_regulator(tmp_path):
    result, types = _letters(_late(tmp_path, plan_type="employer_fully_insured"))
    assert "insurance_complaint" in types
    for text in _read(result, "insurance_complaint", "en"):
        assert "California Department of Insurance" in text and "300 South Spring Street" in text
        assert "October 31, 2026" in text and "2560.503-1(i)(2)(iii)(A)" in text  # 2026-09-01 + 60
    for text in _read(result, "insurance_complaint", "es"):
        assert "Queja" in text and "31 de octubre de 2026" in text and "Atentamente" in text


def test_a_self_funded_plan_s_complaint_goes_to_the_department_of_labor(tmp_path):
    result, _ = _letters(_late(tmp_path, plan_type="employer_self_funded"))
    text = _read(result, "insurance_complaint", "en")[0]
    assert "Employee Benefits Security Administration" in text and "200 Constitution Ave" in text


def test_no_complaint_while_the_plan_still_has_time(tmp_path):
    _, types = _letters(_case(tmp_path, _event("2026-11-01", "patient", "insurer_appeal"),
                              plan_type="employer_fully_insured"))
    assert "insurance_complaint" not in types


def test_a_regulator_without_a_known_address_is_asked_for(tmp_path):
    path = _late(tmp_path, plan_type="aca_individual")
    data = yaml.safe_load(path.read_text())
    data["patient"]["state"] = "WY"  # no address found for Wyoming's department
    path.write_text(yaml.safe_dump(data))
    result, types = _letters(path)
    assert "insurance_complaint" not in types
    with pytest.raises(MissingFact) as e:
        letter_for(result, "insurance_complaint")
    assert e.value.where == "insurance.regulator_address"
    data["insurance"]["regulator_address"] = "106 East 6th Avenue, Cheyenne, WY 82002"
    path.write_text(yaml.safe_dump(data))
    result, types = _letters(path)
    assert "insurance_complaint" in types and "Cheyenne" in _read(result, "insurance_complaint", "en")[0]


def test_every_state_and_dc_has_an_entry_quoted_or_unconfirmed_with_what_was_searched():
    t = table()
    assert set(t["states"]) == set(STATES) and len(STATES) == 51
    for key, e in t["states"].items():
        assert e.get("address") is None or (e["quote"] and e["source"]), key
        assert not e.get("unconfirmed") or e["searched"], key
    assert regulator("medicare_advantage", "TX")["phone"] == "1-800-633-4227"
    assert regulator("medicaid", "WY")["address"] is None  # no Medicaid agency researched for Wyoming yet


def test_an_address_without_its_source_is_refused():
    with pytest.raises(LawDataError):
        _check("xx", {"name": "X Department of Insurance", "address": "1 Main St, X, XX 00000"})
    with pytest.raises(LawDataError):
        _check("xx", {"name": "X Department of Insurance", "unconfirmed": True})


# ---------------------------------------------------------------- urgent care


def test_an_urgent_denial_asks_for_the_expedited_appeal_in_both_languages(tmp_path):
    result, _ = _letters(_case(tmp_path, plan_type="aca_individual", account={"denial_urgent": True}))
    for text in _read(result, "insurer_appeal", "en"):
        assert "expedited appeal, decided within 72 hours" in text and "2560.503-1(i)(2)(i)" in text
        assert "expedited external review" in text and "147.136(d)(3)" in text
    for text in _read(result, "insurer_appeal", "es"):
        assert "apelación acelerada" in text and "72 horas" in text
    assert any("expedited appeal" in n for n in result.accounts[0].notes)


def test_an_urgent_external_review_request_says_72_hours(tmp_path):
    path = _case(tmp_path, _event("2026-10-25", "patient", "insurer_appeal"),
                 _event("2026-11-10", "insurer", "appeal_decision", "denied"),
                 plan_type="aca_individual", account={"denial_urgent": True})
    result, types = _letters(path, as_of=date(2026, 11, 28))
    assert "external_review_request" in types
    for text in _read(result, "external_review_request", "en"):
        assert "expedited external review, decided within 72 hours" in text
    assert "revisión externa acelerada" in _read(result, "external_review_request", "es")[0]


# ---------------------------------------------------------------- the plan's steps


def test_the_steps_point_to_each_route_s_letter_with_its_due_day(tmp_path):
    result, _ = _letters(_case(tmp_path, plan_type="medicare_original", member_id="1EG4-TE5-MK73"))
    step = next(s for s in result.actions if s["kind"] == "APPEAL_DENIAL")
    assert step["letter"] == "medicare_redetermination" and step["due"] == "2027-02-22"


def test_a_late_plan_gets_a_complaint_step_in_english_and_spanish(tmp_path):
    path = _late(tmp_path, plan_type="employer_fully_insured")
    data = yaml.safe_load(path.read_text())
    data["patient"]["language"] = "es"
    path.write_text(yaml.safe_dump(data))
    result = review_case(load_case(path))
    step = next(s for s in result.actions if s["kind"] == "COMPLAIN" and s["letter"] == "insurance_complaint")
    assert "California Department of Insurance" in step["why"]
    from billadvocate.actions.spanish import in_spanish

    es = next(s for s in in_spanish(result) if s["kind"] == "COMPLAIN" and s["letter"] == "insurance_complaint")
    assert "queja" in es["why"] and "apelación" in es["why"]


def test_an_address_read_only_in_a_secondary_list_is_flagged_for_the_patient_to_check(tmp_path):
    path = _late(tmp_path, plan_type="aca_individual")
    data = yaml.safe_load(path.read_text())
    data["patient"]["state"] = "FL"
    path.write_text(yaml.safe_dump(data))
    result, _ = _letters(path)
    why = next(e["why"] for e in result.accounts[0].letters if e["type"] == "insurance_complaint")
    assert "check the address on its website" in why
    data["patient"]["state"] = "NJ"  # read on the department's own page: no flag
    path.write_text(yaml.safe_dump(data))
    result, _ = _letters(path)
    why = next(e["why"] for e in result.accounts[0].letters if e["type"] == "insurance_complaint")
    assert "check the address" not in why and "New Jersey Department of Banking and Insurance" in why
    assert "PO Box 471" in _read(result, "insurance_complaint", "en")[0]


# ---------------------------------------------------------------- Medicaid: the state Medicaid agency


def test_a_medicaid_plan_s_complaint_goes_to_the_state_medicaid_agency_and_asks_for_a_fair_hearing(tmp_path):
    """California (Jane's state): the Medi-Cal page's own words name CDSS's State Hearings Division."""
    result, _ = _letters(_late(tmp_path, plan_type="medicaid_managed_care"))
    for text in _read(result, "insurance_complaint", "en"):
        assert "State Hearings Division" in text and "P.O. Box 944243" in text and "94244-2430" in text
        assert "request for a state fair hearing" in text and "42 CFR 438.408(f)(2)" in text
    for text in _read(result, "insurance_complaint", "es"):
        assert "P.O. Box 944243" in text and "audiencia imparcial del estado" in text and "438.408(f)(2)" in text
    path = _late(tmp_path / "ffs", plan_type="medicaid")
    result, _ = _letters(path)
    text = _read(result, "insurance_complaint", "en")[0]
    assert "42 CFR 431.221(d)" in text and "438.408" not in text


def test_a_medicaid_agency_not_found_is_asked_for_and_a_secondary_one_is_flagged():
    for state in ("PA", "GA", "NC", "WY"):  # the notice gives the address; none stored
        found = regulator("medicaid_managed_care", state)
        assert found["kind"] == "medicaid" and found["address"] is None and found["unconfirmed"], state
    tx = regulator("medicaid", "TX")
    assert tx["unconfirmed"] and "(secondary)" in tx["source"] and "P.O. Box 13247" in tx["address"]
    oh = regulator("medicaid", "OH")
    assert not oh.get("unconfirmed") and oh["source"].startswith("https://jfs.ohio.gov/")
    assert regulator("employer_fully_insured", "OH")["kind"] == "state"  # not the Medicaid agency


def test_the_23_most_populous_states_have_a_medicaid_entry_quoted_or_unconfirmed():
    states = medicaid_table()["states"]
    assert set("ca tx fl ny pa il oh ga nc mi nj va wa az tn ma in md mo wi co mn sc".split()) <= set(states)
    for key, e in states.items():
        _check(key, e, MEDICAID_FILE)
        if e.get("address"):
            digits = [w for w in e["address"].replace(",", " ").split() if w[:1].isdigit()]
            assert any(d in e["quote"] for d in digits), key  # the quote proves the address


def test_every_quoted_address_is_proved_by_its_quote():
    """An address given (confirmed or flagged) has its numbers in the quote read at its source."""
    for table_states in (table()["states"], medicaid_table()["states"]):
        for key, e in table_states.items():
            if not e.get("address"):
                continue
            numbers = [w.strip(".,#") for w in e["address"].replace(",", " ").split() if w[:1].isdigit()]
            assert numbers and all(n in e["quote"] for n in numbers), (key, numbers)


OFFICIAL = {"la": "adminlaw.la.gov", "ct": "portaldir.ct.gov", "ut": "medicaid.utah.gov", "ar": "humanservices.arkansas.gov",
            "nm": "hca.nm.gov", "id": "yes.idaho.gov", "vt": "humanservices.vermont.gov", "dc": "dchealthlink.com",
            "nd": "hhs.nd.gov", "sd": "dss.sd.gov", "mt": "dphhs.mt.gov"}


def test_every_state_after_the_23_is_quoted_flagged_or_says_what_was_searched():
    states = medicaid_table()["states"]
    assert set(states) == set(STATES)
    for key, domain in OFFICIAL.items():  # read on the state's own page: not flagged
        assert not states[key].get("unconfirmed") and domain in states[key]["source"], key
    for key in ("ia", "ms", "ne", "ri", "hi"):  # a plan's page, another program's page, or pages that disagree
        assert states[key]["unconfirmed"] and states[key]["address"] and states[key]["searched"], key
    for key in ("or", "al", "ky", "ok", "ks", "nv", "me", "de", "wv", "ak", "nh", "wy"):  # the letter asks for it
        assert states[key]["address"] is None and states[key]["unconfirmed"] and states[key]["searched"], key
        assert regulator("medicaid", key.upper())["address"] is None


def test_a_louisiana_medicaid_plan_complaint_goes_to_the_division_of_administrative_law(tmp_path):
    path = _late(tmp_path, plan_type="medicaid_managed_care")
    data = yaml.safe_load(path.read_text())
    data["patient"].update(state="LA", address="1 Main St, Baton Rouge, LA 70801")
    path.write_text(yaml.safe_dump(data))
    result, _ = _letters(path)
    for text in _read(result, "insurance_complaint", "en"):
        assert "Division of Administrative Law" in text and "P.O. Box 4189" in text and "70821" in text


def test_kansas_and_arkansas_regulators_are_now_read_on_their_own_sites():
    states = table()["states"]
    for key, domain in (("ks", "ksinsurance.org"), ("ar", "insurance.arkansas.gov")):
        assert not states[key].get("unconfirmed") and domain in states[key]["source"], key
        assert states[key]["phone"] and states[key]["phone"].replace("1-", "", 1).replace("-", "")[:3] in \
            states[key]["quote"], key
    for key in ("dc", "wy"):  # searched again: still no address on the regulator's own pages
        assert states[key]["address"] is None and "2026-12-05" in states[key]["searched"], key
