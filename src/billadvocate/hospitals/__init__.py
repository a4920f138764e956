"""The hospital directory: every Medicare hospital from CMS Hospital General Information.

A patient knows the hospital's name, not whether it is a 501(c)(3) nonprofit bound by IRS 501(r).
This package ships the CMS list (data/, SOURCES.md), reads newer CMS files (cms_file.py, through
`billadvocate data import hospitals FILE`), finds a hospital by the name a patient types
(search.py, `billadvocate hospital find`), says what its ownership means for 501(r) (ownership.py),
and fills in what a case leaves out (case.py, used by `review`). No network at run time.
"""

from __future__ import annotations

from datetime import date

from ..model import Case
from .case import HospitalMatch, fill_case, identify
from .directory import Directory, describe, load
from .ownership import nonprofit_status
from .search import find

__all__ = ["know_hospitals", "load", "find", "describe", "identify", "fill_case", "nonprofit_status",
           "Directory", "HospitalMatch"]


def know_hospitals(case: Case, as_of: date | None = None) -> tuple[Case, dict[str, HospitalMatch]]:
    """The case completed from the directory in force on `as_of`, and what was found per account."""
    needs = any(a.provider.ccn or a.provider.nonprofit is None or a.provider.kind == "other" for a in case.accounts)
    if not needs:
        return case, {}
    return fill_case(case, load(as_of=as_of))
