"""What each CMS ownership means for IRS 501(r), on the ownership values of the shipped list."""

from __future__ import annotations

import pytest

from billadvocate.hospitals import describe, load, nonprofit_status
from billadvocate.hospitals.ownership import ownership_kind


@pytest.mark.parametrize("ownership, nonprofit, words", [
    ("Voluntary non-profit - Private", True, "bound by IRS 501(r)"),
    ("Voluntary non-profit - Church", True, "bound by IRS 501(r)"),
    ("Voluntary non-profit - Other", True, "bound by IRS 501(r)"),
    ("Proprietary", False, "does not bind"),
    ("Government - Hospital District or Authority", None, "only if it is also a 501(c)(3)"),
    ("Government - Local", None, "ask the hospital"),
    ("Government - State", None, "ask the hospital"),
    ("Government - Federal", None, "ask the hospital"),
    ("Veterans Health Administration", None, "ask the hospital"),
    ("Department of Defense", None, "ask the hospital"),
    ("Tribal", None, "ask the hospital"),
    ("Physician", None, "physician-owned"),
    ("", None, "does not list"),
    (None, None, "does not list"),
])
def test_each_ownership_kind(ownership, nonprofit, words):
    got, why = nonprofit_status(ownership)
    assert got is nonprofit
    assert words in why


def test_every_ownership_in_the_shipped_list_is_a_known_kind():
    """Fails when CMS adds an ownership this module has not been taught."""
    d = load()
    kinds = {r["ownership"]: ownership_kind(r["ownership"]) for r in d.rows}
    assert "unknown" not in kinds.values(), [o for o, k in kinds.items() if k == "unknown"]
    assert set(kinds.values()) == {"nonprofit", "for-profit", "government", "physician"}


def test_real_hospitals_of_each_kind():
    d = load()
    cases = {"240010": True,  # Mayo Clinic Hospital Rochester: Voluntary non-profit - Church
             "010001": None,  # Southeast Health Medical Center, Dothan: Government - Hospital District or Authority
             }
    for ccn, expected in cases.items():
        assert describe(d.by_ccn(ccn))["nonprofit"] is expected
    proprietary = next(r for r in d.rows if r["ownership"] == "Proprietary")
    assert describe(proprietary)["nonprofit"] is False
    physician = next(r for r in d.rows if r["ownership"] == "Physician")
    assert describe(physician)["nonprofit"] is None
