"""The insurer call script speaks of the No Surprises Act only where it applies, citing the rule for the care."""

from __future__ import annotations

import pytest

from billadvocate.casefile import validate_case
from billadvocate.negotiate.scripts import insurer_script


def script(status="insured", provider=None, care=None):
    acct = {"id": "a", "first_bill_date": "2026-06-01",
            "provider": {"name": "Metro Health", "kind": "hospital", "in_network": False, **(provider or {})},
            "care": {"start": "2026-05-01", **(care or {})}}
    c = validate_case({"billadvocate": 1, "patient": {"state": "TX"}, "insurance": {"status": status},
                       "accounts": [acct]}, file="test")
    return insurer_script(c, c.accounts[0], None)


def said(s) -> str:
    return " ".join(s["say"] + s["never_say"])


def test_emergency_care_cites_the_emergency_rules():
    t = said(script(care={"emergency": True}))
    assert "No Surprises Act" in t and "300gg-131" in t and "300gg-132" not in t


def test_medicare_emergency_care_never_invokes_the_no_surprises_act():
    assert "No Surprises Act" not in said(script(status="medicare", care={"emergency": True}))


def test_care_before_2022_never_invokes_the_act():
    assert "No Surprises Act" not in said(script(care={"emergency": True, "start": "2021-12-31"}))


def test_a_ground_ambulance_is_not_called_protected():
    s = said(script(provider={"name": "Metro EMS", "kind": "ambulance"}, care={"emergency": True, "ambulance": "ground"}))
    assert "No Surprises Act" not in s and "ground ambulance" in s and "state" in s


def test_an_air_ambulance_is_protected():
    s = said(script(provider={"name": "Sky Lift", "kind": "ambulance"}, care={"emergency": True, "ambulance": "air"}))
    assert "air ambulance" in s and "300gg-135" in s


@pytest.mark.parametrize("kind", ["physician", "lab"])
def test_an_out_of_network_provider_at_an_in_network_facility_cites_300gg_132(kind):
    s = said(script(provider={"name": "Bay Anesthesia", "kind": kind},
                    care={"emergency": False, "facility_in_network": True}))
    assert "300gg-132" in s and "149.420" in s and "149.410" not in s and "no form can" in s
