"""What a hospital's CMS ownership says about IRS 501(r): nonprofit true, false, or unknown with why.

501(r) binds "a hospital organization" that is a 501(c)(3) organization (26 U.S.C. 501(r)(1)-(2);
26 CFR 1.501(r)-1(b)(18)). CMS's "Voluntary non-profit" ownerships are private nonprofit hospitals;
"Proprietary" ones are for-profit. A government hospital may or may not also hold 501(c)(3) status
(many county and district hospitals do), and a physician-owned one is usually but not always for
profit: for those the directory does not guess, it says to ask.
"""

from __future__ import annotations


_GOVERNMENT = ("government", "veterans", "department of defense", "tribal")


def nonprofit_status(ownership: str | None) -> tuple[bool | None, str]:
    """(nonprofit, reason) for a CMS "Hospital Ownership" value."""
    o = (ownership or "").strip().lower()
    if not o:
        return None, "CMS does not list this hospital's ownership: ask the hospital whether it is a 501(c)(3) nonprofit"
    if o.startswith("voluntary non-profit") or o.startswith("voluntary nonprofit"):
        return True, (f"CMS lists it as {ownership.strip()}: a private nonprofit hospital, bound by IRS 501(r) "
                      "(financial assistance, limits on charges and on collection)")
    if o.startswith("proprietary"):
        return False, (f"CMS lists it as {ownership.strip()}: a for-profit hospital, which IRS 501(r) does not bind "
                       "(state law and its own policy may still offer help)")
    if o.startswith("physician"):
        return None, ("CMS lists it as physician-owned: such hospitals are usually for-profit, but only a 501(c)(3) "
                      "hospital is bound by IRS 501(r); ask the hospital whether it is one")
    if o.startswith(_GOVERNMENT):
        return None, (f"CMS lists it as {ownership.strip()}: a government hospital is bound by IRS 501(r) only if "
                      "it is also a 501(c)(3) organization, which some are; ask the hospital whether it is "
                      "(and whether it has a financial-assistance policy)")
    return None, f"CMS lists its ownership as {ownership.strip()!r}: ask the hospital whether it is a 501(c)(3) nonprofit"


def ownership_kind(ownership: str | None) -> str:
    """A short word for the ownership: nonprofit, for-profit, government, physician or unknown."""
    o = (ownership or "").strip().lower()
    if o.startswith("voluntary"):
        return "nonprofit"
    if o.startswith("proprietary"):
        return "for-profit"
    if o.startswith("physician"):
        return "physician"
    if o.startswith(_GOVERNMENT):
        return "government"
    return "unknown"
