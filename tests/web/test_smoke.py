"""Every page renders for the case's own client (a first smoke test)."""

import importlib.util

import pytest

HAS_LETTERS = importlib.util.find_spec("billadvocate.letters") is not None
needs_letters = pytest.mark.skipif(not HAS_LETTERS, reason="the letters package is not in this build")

PAGES = ["/", "/cases/{a}/", "/cases/{a}/log/", "/cases/{a}/reminders/", "/cases/{a}/documents/",
         "/cases/{a}/intake/you/", "/cases/{a}/intake/household/", "/cases/{a}/intake/insurance/",
         "/cases/{a}/intake/bill/", "/account/"]
LETTER_PAGES = ["/cases/{a}/letters/", "/cases/{a}/letters/itemized_request/?account=er-visit"]


@pytest.mark.parametrize("path", PAGES + [pytest.param(p, marks=needs_letters) for p in LETTER_PAGES])
def test_pages_render_for_the_client(world, client_as, path):
    c = client_as(world.client_a)
    r = c.get(path.format(a=world.case_a.pk), follow=True)
    assert r.status_code == 200, r.content[:2000]
