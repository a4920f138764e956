"""New state protections as rules: Texas itemized bill (SB 490), wage-garnishment bans (TX, PA, NC, SC),
Illinois Fair Patient Billing Act, Florida 395.3011's other preconditions, void reported debt, Rosenthal."""

from __future__ import annotations

from datetime import date

from tests.rights.helpers import case, fired, letter, rights


def tx(*events, care="2024-02-10", bill=None, **kw):
    acct = {"care": {"start": care} if care else {}, "first_bill_date": "2024-03-01", **({"bill": bill} if bill else {})}
    return case(*events, state="TX", account=acct, **kw)


def call(day, by="collector"):
    return {"at": day, "kind": "call", "from": by}


def reported(day, by="collector"):
    return {"at": day, "kind": "credit_reporting", "from": by}


# --- Texas: no debt collection before the itemized bill (Health & Safety Code 185.002) -------------------------
def test_texas_collection_without_an_itemized_bill_is_flagged():
    (v,) = fired(tx(call("2024-06-01")), "STATE.TX.NO_ITEMIZED_BILL")
    assert "call by its collector on 2024-06-01" in v.message and v.severity == "medium" and not v.unconfirmed


def test_texas_collection_after_the_patient_asked_for_the_itemized_bill_is_high():
    (v,) = fired(tx(letter("2024-05-01", type="itemized_request"), call("2024-06-01")), "STATE.TX.NO_ITEMIZED_BILL")
    assert v.severity == "high" and "asked for the itemized bill on 2024-05-01" in v.message


def test_texas_collection_after_the_itemized_bill_was_sent_is_allowed():
    c = tx(letter("2024-05-01", by="provider", type="itemized_bill"), call("2024-06-01"))
    assert not fired(c, "STATE.TX.NO_ITEMIZED_BILL")


def test_an_itemized_bill_sent_after_collection_began_does_not_cure_it():
    c = tx(call("2024-06-01"), letter("2024-06-20", by="provider", type="itemized_bill"))
    assert fired(c, "STATE.TX.NO_ITEMIZED_BILL")


def test_texas_care_before_september_2023_is_not_covered():
    assert not fired(tx(call("2024-06-01"), care="2023-08-31"), "STATE.TX.NO_ITEMIZED_BILL")
    assert fired(tx(call("2024-06-01"), care="2023-09-01"), "STATE.TX.NO_ITEMIZED_BILL")


def test_a_case_holding_an_undated_itemized_bill_stays_silent():
    assert not fired(tx(call("2024-06-01"), bill=["bills/er.csv"]), "STATE.TX.NO_ITEMIZED_BILL")


def test_a_texas_physician_is_not_a_facility_under_chapter_185():
    assert not fired(tx(call("2024-06-01"), provider={"kind": "physician"}), "STATE.TX.NO_ITEMIZED_BILL")


# --- Wage garnishment bans -------------------------------------------------------------------------------------
def threat(day, note):
    return {"at": day, "kind": "legal_action", "from": "collector", "type": "threat", "note": note}


def test_threatening_a_texas_patient_with_wage_garnishment_is_flagged_with_the_fdcpa():
    (v,) = fired(case(threat("2026-05-02", "letter: we will garnish your wages"), state="TX"),
                 "STATE.WAGE_GARNISHMENT_BANNED")
    assert "Texas does not allow wages" in v.message and "1692e(5)" in v.message and not v.unconfirmed


def test_a_south_carolina_wage_garnishment_is_flagged():
    c = case({"at": "2026-05-02", "kind": "legal_action", "from": "collector", "type": "garnishment"}, state="SC")
    (v,) = fired(c, "STATE.WAGE_GARNISHMENT_BANNED")
    assert "South Carolina" in v.message and "release" in v.message


def test_pennsylvania_is_quoted_and_north_carolina_rests_on_unconfirmed_text_and_says_so():
    (pa,) = fired(case(threat("2026-05-02", "garnish wages"), state="PA"), "STATE.WAGE_GARNISHMENT_BANNED")
    (nc,) = fired(case(threat("2026-05-02", "garnish wages"), state="NC"), "STATE.WAGE_GARNISHMENT_BANNED")
    assert not pa.unconfirmed and nc.unconfirmed


def test_a_threat_to_sue_is_not_a_garnishment_threat_and_california_allows_garnishment():
    assert not fired(case(threat("2026-05-02", "we will take legal action"), state="TX"), "STATE.WAGE_GARNISHMENT_BANNED")
    assert not fired(case(threat("2026-05-02", "garnish your wages"), state="CA"), "STATE.WAGE_GARNISHMENT_BANNED")


def test_the_wage_protection_is_listed_for_a_texas_patient():
    (p,) = [p for p in rights(case(state="TX")).protections if p["id"] == "STATE.TX.WAGES"]
    assert p["applies"] is True and "Texas does not allow your wages" in p["why"]
    assert any("art. XVI" in c for c in p["citations"]) and not p["unconfirmed"]
    assert not [p for p in rights(case(state="CA")).protections if p["id"].endswith(".WAGES")]


# --- Illinois Fair Patient Billing Act --------------------------------------------------------------------------
def il(*events, end="2026-03-01", insurance="uninsured", **kw):
    return case(*events, state="IL", insurance=insurance,
                account={"care": {"start": "2026-02-27", "end": end}, "first_bill_date": "2026-03-05"}, **kw)


def test_illinois_referral_of_an_uninsured_patients_bill_on_day_40_is_too_early():
    (v,) = fired(il(call("2026-04-10")), "STATE.IL.FPBA_COLLECTION_TOO_EARLY")
    assert "40 days after your care ended on 2026-03-01" in v.message and "(2026-04-30)" in v.message


def test_illinois_referral_on_day_60_is_allowed_and_insured_patients_are_outside_the_rule():
    assert not fired(il(call("2026-04-30")), "STATE.IL.FPBA_COLLECTION_TOO_EARLY")
    assert not fired(il(call("2026-04-10"), insurance="insured"), "STATE.IL.FPBA_COLLECTION_TOO_EARLY")


def test_illinois_collectors_first_contact_date_counts_as_the_referral():
    c = il(collector={"name": "ABC Recovery", "kind": "agency", "first_contact": "2026-03-20"})
    assert fired(c, "STATE.IL.FPBA_COLLECTION_TOO_EARLY")


# --- Florida 395.3011(2) --------------------------------------------------------------------------------------
def fl(*events, bill=None):
    return case(*events, state="FL", account={"first_bill_date": "2025-04-01", **({"bill": bill} if bill else {})})


def test_florida_reporting_while_the_assistance_application_is_pending_and_no_itemized_bill():
    c = fl(letter("2025-08-01", type="fap_application"), reported("2025-09-01"))
    (v,) = fired(c, "STATE.FL.ECA_PRECONDITIONS")
    assert "application of 2025-08-01 was not yet decided" in v.message and "itemized statement" in v.message


def test_florida_reporting_after_the_decision_and_the_itemized_bill_is_allowed():
    c = fl(letter("2025-07-01", by="provider", type="itemized_bill"), letter("2025-08-01", type="fap_application"),
           letter("2025-08-20", by="provider", type="fap_denied"), reported("2025-09-01"))
    assert not fired(c, "STATE.FL.ECA_PRECONDITIONS")


def test_florida_reporting_during_an_open_grievance_is_flagged():
    c = fl(letter("2025-08-01", type="grievance", to="provider"), reported("2025-09-01"), bill=["b.csv"])
    (v,) = fired(c, "STATE.FL.ECA_PRECONDITIONS")
    assert "grievance of 2025-08-01 was still open" in v.message and "itemized" not in v.message


def test_florida_rule_starts_with_the_2024_law():
    assert not fired(fl(reported("2024-06-30")), "STATE.FL.ECA_PRECONDITIONS")
    assert fired(fl(reported("2024-07-01")), "STATE.FL.ECA_PRECONDITIONS")


# --- Void reported debt ----------------------------------------------------------------------------------------
def test_a_connecticut_debt_reported_after_the_ban_is_void():
    (v,) = fired(case(reported("2024-09-01"), state="CT"), "STATE.REPORTED_DEBT_VOID")
    assert "Connecticut law" in v.message and "void" in v.message and v.severity == "high" and not v.unconfirmed


def test_reporting_before_connecticuts_law_leaves_the_debt_alone():
    assert not fired(case(reported("2024-06-30"), state="CT"), "STATE.REPORTED_DEBT_VOID")


def test_california_voids_only_a_knowing_report_and_new_york_is_read_in_its_enacted_text():
    (ca,) = fired(case(reported("2025-02-01"), state="CA"), "STATE.REPORTED_DEBT_VOID")
    assert ca.severity == "medium" and "knew" in ca.message
    (ny,) = fired(case(reported("2024-02-01"), state="NY"), "STATE.REPORTED_DEBT_VOID")
    assert not ny.unconfirmed and "Public Health Law 4927" in ny.message  # L. 2023 ch. 727 sec. 2, quoted
    assert not fired(case(reported("2025-02-01"), state="TX"), "STATE.REPORTED_DEBT_VOID")


def test_a_tradeline_the_collector_furnished_counts():
    c = case(state="CT", tradelines=[{"bureau": "experian", "furnisher": "ABC Recovery", "reported": "2025-01-10"}])
    assert fired(c, "STATE.REPORTED_DEBT_VOID")


# --- California Rosenthal ----------------------------------------------------------------------------------------
def test_rosenthal_reaches_a_california_hospital_collecting_its_own_bill():
    (p,) = [p for p in rights(case(collector=None)).protections if p["id"] == "STATE.CA.ROSENTHAL"]
    assert p["applies"] is True and "Valley General Hospital itself" in p["why"] and "1788.2(c)" in " ".join(p["citations"])
    assert not [p for p in rights(case(state="TX", collector=None)).protections if p["id"] == "STATE.CA.ROSENTHAL"]


# --- California Rosenthal: the hospital's own conduct ------------------------------------------------------------
def test_a_california_hospital_calling_at_7_40_itself_is_flagged_under_rosenthal():
    c = case({"at": "2026-10-15T07:40:00", "kind": "call", "from": "provider"}, collector=None)
    (v,) = fired(c, "STATE.CA.ROSENTHAL_CREDITOR_CONDUCT")
    assert "07:40" in v.message and "Rosenthal" in v.message and not v.unconfirmed
    assert not fired(case({"at": "2026-10-15T08:00:00", "kind": "call", "from": "provider"}, collector=None),
                     "STATE.CA.ROSENTHAL_CREDITOR_CONDUCT")


def test_a_california_hospital_calling_after_a_cease_letter_to_it_is_flagged():
    c = case(letter("2026-10-01", type="cease", to="provider", received="2026-10-03"),
             {"at": "2026-10-10T10:00:00", "kind": "call", "from": "provider"}, collector=None)
    (v,) = fired(c, "STATE.CA.ROSENTHAL_CREDITOR_CONDUCT")
    assert "request of 2026-10-01 to stop" in v.message


def test_rosenthal_creditor_rule_is_californian_only():
    c = case({"at": "2026-10-15T07:40:00", "kind": "call", "from": "provider"}, collector=None, state="TX")
    assert not fired(c, "STATE.CA.ROSENTHAL_CREDITOR_CONDUCT")


def test_a_bank_account_garnishment_or_threat_is_not_called_a_wage_garnishment():
    # Tex. Const. art. XVI, sec. 28 protects current wages only: after a judgment a Texas creditor may garnish a bank
    # account (exempt funds aside). Before, a frozen bank account logged as a garnishment was reported as a banned
    # wage garnishment to 'ask the court to release', and a threat to garnish a bank account as a false threat
    bank = {"at": "2026-11-20", "kind": "legal_action", "from": "collector", "type": "garnishment",
            "note": "bank account frozen after the judgment"}
    assert not fired(case(bank, state="TX"), "STATE.WAGE_GARNISHMENT_BANNED")
    assert not fired(case(threat("2026-05-02", "we will garnish your bank account"), state="TX"),
                     "STATE.WAGE_GARNISHMENT_BANNED")
    wages = {**bank, "note": "employer got a garnishment order for my paycheck"}
    assert fired(case(wages, state="TX"), "STATE.WAGE_GARNISHMENT_BANNED")
    assert fired(case(threat("2026-05-02", "we will garnish your wages and your bank account"), state="TX"),
                 "STATE.WAGE_GARNISHMENT_BANNED")
