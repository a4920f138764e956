"""A reference title is a citation a person can read: engines copy titles into what patients see (the
OPPS wage adjustment puts federal.cms_opps.labor_related_share's into a finding's citations), so a title
names no code. A class or method name (two or more camel-case humps: AbstractStatusIndicatorPayments2023,
calculateWageAdjustedPaymentAndSchAdj) belongs in the value's note or quote; surnames and brands with one
hump (McBride, TransUnion) are words."""

from __future__ import annotations

import re

from billadvocate.law import Law

CODE_NAME = re.compile(r"\b\w*(?:[a-z][A-Z]\w*){2,}")


def test_the_guard_tells_code_names_from_names():
    assert CODE_NAME.search("CMS OPPS Pricer (Java), AbstractStatusIndicatorPayments2023.calculate (19550)")
    assert CODE_NAME.search("see calculateWageAdjustedPaymentAndSchAdj")
    assert not CODE_NAME.search("McBride v. TransUnion, MacLeod and DiCenso")


def test_no_reference_title_names_code():
    found = [(path, c.title) for path, p in Law().parameters.items() for v in p.values for c in v.reference
             if CODE_NAME.search(c.title)]
    assert found == []
