"""Knowing the case's hospital: find it in the CMS directory and fill what the case leaves out.

A provider is looked up by `provider.ccn` when the case has one, else by its name in its state (the
provider's, else the patient's, then nationwide when the patient's state has no clear match; narrowed
to the ZIP in the provider's address when that finds it).
A name is taken only when one hospital clearly stands out (score >= MATCH_SCORE, MARGIN points ahead
of the next, and the name given covers most of the CMS name); otherwise the candidates are listed and nothing is filled, so the patient can
say which one it is (by adding its CCN). What the case states always wins: the directory fills only
the fields the case leaves empty (nonprofit, kind, state, address, ccn, and rural for a critical
access or rural emergency hospital), and where the case says
otherwise the difference is pointed out. Pure: returns a new Case and what was done, per account.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model import Case, Provider
from .directory import Directory, describe
from .search import find, typed_share

MATCH_SCORE = 85.0
MARGIN = 12.0
TYPED = 0.6  # and the name given covers most of the CMS name: "General Hospital" is not FRANKLIN GENERAL HOSPITAL
CANDIDATES = 5
# CMS hospital types that are rural by definition: a critical access hospital (42 CFR 485.610(b)) and a
# rural emergency hospital (one that was a CAH or a small rural hospital: 42 U.S.C. 1395x(kkk)); for any
# other type rural is left unsaid
RURAL_TYPES = ("Critical Access Hospitals", "Rural Emergency Hospital")


@dataclass
class HospitalMatch:
    """What the directory said about one account's provider."""

    status: str  # matched | ambiguous | not_found
    how: str  # "by CCN 240010" / "by name in MN"
    source: str  # "CMS Hospital General Information, 2026-05"
    hospital: dict[str, Any] | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    filled: dict[str, Any] = field(default_factory=dict)  # field -> value taken from the directory
    differs: dict[str, Any] = field(default_factory=dict)  # field -> the directory's value the case overrides
    notes: list[str] = field(default_factory=list)  # sentences for the patient

    def to_json(self) -> dict[str, Any]:
        return {"status": self.status, "how": self.how, "source": self.source, "hospital": self.hospital,
                "candidates": self.candidates, "filled": self.filled, "differs": self.differs, "notes": self.notes}


def _zip_in(address: str | None) -> str | None:
    found = re.findall(r"\b(\d{5})(?:-\d{4})?\b", address or "")
    return found[-1] if found else None


def _address(h: dict[str, Any]) -> str:
    place = " ".join(p for p in (h.get("state"), h.get("zip")) if p)
    return ", ".join(p for p in (h.get("address"), h.get("city"), place) if p)


def _clear(d: Directory, name: str, found: list[dict[str, Any]]) -> bool:
    if not found or found[0]["score"] < MATCH_SCORE or typed_share(d, name, found[0]["ccn"]) < TYPED:
        return False
    return len(found) == 1 or found[0]["score"] - found[1]["score"] >= MARGIN


def identify(d: Directory, provider: Provider, patient_state: str | None) -> HospitalMatch | None:
    """The provider's hospital in the directory, or why it cannot be told; None when the provider is
    not one to look up (a physician, lab or ambulance company without a CCN)."""
    if provider.ccn:
        row = d.by_ccn(provider.ccn)
        if row is None:
            return HospitalMatch("not_found", f"by CCN {provider.ccn}", d.label, notes=[
                f"CCN {provider.ccn} is not in the {d.label} list of Medicare hospitals: check the number "
                "(it is on the hospital's bill or its Care Compare page)."])
        return HospitalMatch("matched", f"by CCN {provider.ccn}", d.label, hospital={**describe(row), "score": None})
    if provider.kind not in ("hospital", "other"):
        return None
    state = provider.state or patient_state
    where = f"in {state}" if state else "nationwide"
    zip_code = _zip_in(provider.address)
    found = find(d, provider.name, state=state, zip_code=zip_code, limit=CANDIDATES) if zip_code else []
    if not _clear(d, provider.name, found):
        found = find(d, provider.name, state=state, limit=CANDIDATES)
    how = f"by name {where}"
    if _clear(d, provider.name, found):
        return HospitalMatch("matched", how, d.label, hospital=found[0])
    if not provider.state and state:  # the patient's state was a guess: the hospital may be elsewhere
        anywhere = find(d, provider.name, limit=CANDIDATES)
        if _clear(d, provider.name, anywhere):
            return HospitalMatch("matched", f"by name nationwide (none in {state})", d.label, hospital=anywhere[0])
    if found:
        names = "; ".join(f"{h['name']} ({h['city']}, CCN {h['ccn']})" for h in found)
        return HospitalMatch("ambiguous", how, d.label, candidates=found, notes=[
            f"More than one hospital {where} could be \"{provider.name}\": {names}. Nothing was taken from the "
            "list; to use it, add the right one's CCN to the case (provider ccn)."])
    if provider.kind == "hospital":
        return HospitalMatch("not_found", how, d.label, notes=[
            f"No hospital {where} in the {d.label} list matches \"{provider.name}\": check the name and state "
            "on the bill, or add the hospital's CCN to the case."])
    return None


def _fill(provider: Provider, m: HospitalMatch) -> Provider:
    """The provider with the directory's facts where the case is silent; records what was done."""
    h = m.hospital or {}
    updates: dict[str, Any] = {}
    if provider.nonprofit is None and h.get("nonprofit") is not None:
        updates["nonprofit"] = h["nonprofit"]
    elif provider.nonprofit is not None and h.get("nonprofit") is not None and provider.nonprofit != h["nonprofit"]:
        m.differs["nonprofit"] = h["nonprofit"]
        m.notes.append(f"The case says {provider.name} is {'' if provider.nonprofit else 'not '}a nonprofit; "
                       f"{m.source} lists it as {h.get('ownership')}. The case's answer is used: check it "
                       "(the hospital's IRS Form 990 or its financial-assistance policy says).")
    if provider.kind == "other":
        updates["kind"] = "hospital"
    if provider.rural is None and h.get("type") in RURAL_TYPES:  # a CAH or REH is rural by law; others unknown
        updates["rural"] = True
    if not provider.state and h.get("state"):
        updates["state"] = h["state"]
    if not provider.address and h.get("address"):
        updates["address"] = _address(h)
    if not provider.ccn:
        updates["ccn"] = h["ccn"]
    m.filled = updates
    if "nonprofit" in updates or provider.nonprofit is None:
        er = {True: "has an emergency department", False: "has no emergency department"}.get(h.get("emergency"))
        m.notes.append(f"\"{provider.name}\" is taken to be {h['name']} ({h.get('city')}, {h.get('state')}; "
                       f"CCN {h['ccn']}), per {m.source}: {h.get('type')}"
                       f"{', ' + er if er else ''}. {h.get('nonprofit_reason')}. If this is not the hospital that "
                       "billed you, say which one it is (its CCN) or whether it is a nonprofit: "
                       "a fact stated in the case wins.")
    return provider.model_copy(update=updates)


def fill_case(case: Case, d: Directory | None) -> tuple[Case, dict[str, HospitalMatch]]:
    """The case with each account's provider completed from the directory, and per account id what
    was found. Accounts whose provider already says nonprofit and kind hospital, and has a CCN or
    not, are still looked up when they have a CCN (to report the hospital), else left alone."""
    if d is None:
        return case, {}
    matches: dict[str, HospitalMatch] = {}
    accounts = []
    for a in case.accounts:
        p = a.provider
        needs = p.ccn is not None or p.nonprofit is None or p.kind == "other"
        m = identify(d, p, case.patient.state) if needs else None
        if m is None:
            accounts.append(a)
            continue
        matches[a.id] = m
        accounts.append(a.model_copy(update={"provider": _fill(p, m)}) if m.status == "matched" else a)
    return case.model_copy(update={"accounts": accounts}), matches
