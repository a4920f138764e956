"""The permission walk: every URL of the web app, as every role and as another client.

Case A is client A's, assigned to advocate A. For every URL pattern, filled in with case A's ids
(its documents, deadlines, letter types), each user either gets the page or is refused without
a trace of case A (its patient's name and account number) in the answer. Nothing is changed by a
refused POST. New URLs are walked automatically: the walk reads the URL configuration.
"""

from __future__ import annotations

import pytest

from tests.web.test_smoke import HAS_LETTERS


class _Models:
    """billadvocate.store.models, imported once Django is set up (by the `web` fixture)."""

    def __getattr__(self, name):
        from billadvocate.store import models

        return getattr(models, name)


m = _Models()

# Who may open what: "case" pages need access to case A; "workbench" pages need admin/advocate.
ALLOWED = {
    "case": {"admin", "advocate_a", "client_a"},
    "manage": {"admin", "advocate_a"},
    "workbench": {"admin", "advocate_a", "advocate_b"},
    "anyone": {"admin", "advocate_a", "advocate_b", "client_a", "client_b"},
}
PUBLIC = {"web:login", "set_language", "web:logout"}  # logout is tested on its own


def web_patterns():
    """(name, pattern) for every named URL of the site (admin excluded: Django's own checks)."""
    from django.urls import URLPattern, URLResolver, get_resolver

    out = []

    def walk(patterns, ns=""):
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.namespace == "admin":
                    continue
                walk(p.url_patterns, f"{ns}{p.namespace}:" if p.namespace else ns)
            elif isinstance(p, URLPattern) and p.name:
                out.append((f"{ns}{p.name}", p))

    walk(get_resolver().url_patterns)
    return out


def fill(pattern, world):
    """The URL with case A's ids in it."""
    from django.urls import reverse

    case = world.case_a
    doc = m.Document.objects.filter(case=case).first()
    deadline = m.Deadline.objects.filter(case=case).first()
    values = {"case_id": case.pk, "step": "you", "document_id": doc.pk, "deadline_id": deadline.pk,
              "letter_type": "itemized_request", "fmt": "pdf"}
    keys = pattern.pattern.converters.keys() if hasattr(pattern.pattern, "converters") else []
    return keys, values


def who_may(name: str, view) -> str:
    action = getattr(view, "case_action", None)
    if action in ("manage", "delete"):  # delete: manage, or the client who started the case (none here)
        return "manage"
    if action is not None:
        return "case"
    if name in ("web:dashboard", "web:refresh_deadlines", "web:cases", "web:batch_letters", "web:export"):
        return "workbench"
    return "anyone"


@pytest.fixture
def walk(world, client_as):
    m.Deadline.objects.create(case=world.case_a, kind="REMINDER", date="2026-12-01", why="call back",
                              source=m.Deadline.REMINDER)
    from django.urls import reverse

    users = {"admin": world.admin, "advocate_a": world.advocate_a, "advocate_b": world.advocate_b,
             "client_a": world.client_a, "client_b": world.client_b}
    urls = []
    for name, pattern in web_patterns():
        keys, values = fill(pattern, world)
        url = reverse(name, kwargs={k: values[k] for k in pattern.pattern.converters})
        if "letter_type" in pattern.pattern.converters:
            url += "?account=er-visit"
        urls.append((name, url, pattern.callback))
    return users, urls


def test_the_walk_covers_every_case_url(walk):
    _users, urls = walk
    names = {n for n, _u, _v in urls}
    assert {"web:case", "web:log", "web:document", "web:letter_download", "web:dashboard", "web:export"} <= names
    for name, url, view in urls:
        if "<int:case_id>" in url or "/cases/" in url and url.rstrip("/") != "/cases":
            assert getattr(view, "case_action", None), f"{name} does not go through permissions.case_view"


def _leaks(response, markers) -> list[str]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    import io
    import zipfile

    texts = [body]
    if body[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(body)) as z:
            texts += [z.read(n) for n in z.namelist()]
    return [mk for mk in markers if any(mk.encode() in t for t in texts)]


@pytest.mark.parametrize("role", ["anonymous", "admin", "advocate_a", "advocate_b", "client_a", "client_b"])
def test_every_url_as_every_role_gives_access_only_where_allowed_and_leaks_nothing(walk, world, client_as, role):
    users, urls = walk
    c = client_as(users.get(role))
    events_before = m.Event.objects.count()
    letters_before = m.Letter.objects.count()
    for name, url, view in urls:
        if name in PUBLIC or ("letter" in name and not HAS_LETTERS):
            continue
        allowed = role in ALLOWED[who_may(name, view)]
        for method in ("get", "post"):
            r = getattr(c, method)(url)
            if role == "anonymous":
                assert r.status_code in (302, 405), (name, method, r.status_code)
                if r.status_code == 302:
                    assert r["Location"].startswith("/login/"), (name, r["Location"])
                continue
            if not allowed:
                assert r.status_code in (403, 404, 405), (role, name, method, r.status_code)
                assert not _leaks(r, world.markers_a), (role, name, method)
            else:
                assert r.status_code in (200, 302, 405), (role, name, method, r.status_code)
            if role in ("advocate_b", "client_b"):
                # whatever they may open, nothing of case A is in it
                assert not _leaks(r, world.markers_a), (role, name, method, r.status_code)
    if role in ("anonymous", "advocate_b", "client_b"):
        assert m.Event.objects.count() == events_before
        assert m.Letter.objects.count() == letters_before


def test_a_client_cannot_reach_another_cases_objects_through_their_own_case(world, client_as):
    """Client B with their own case id and case A's document, deadline: not found."""
    doc_a = m.Document.objects.filter(case=world.case_a).first()
    deadline_a = m.Deadline.objects.create(case=world.case_a, kind="X", date="2026-12-01", source="reminder")
    c = client_as(world.client_b)
    b = world.case_b.pk
    assert c.get(f"/cases/{b}/documents/{doc_a.pk}/").status_code == 404
    assert c.post(f"/cases/{b}/reminders/{deadline_a.pk}/done/").status_code == 404
    deadline_a.refresh_from_db()
    assert deadline_a.done_at is None


def test_the_owner_and_the_assigned_advocate_can_open_the_case(world, client_as):
    for user in (world.client_a, world.advocate_a, world.admin):
        r = client_as(user).get(f"/cases/{world.case_a.pk}/")
        assert r.status_code == 200
        assert b"Zelda Quillfeather" in r.content


def test_search_finds_only_the_advocates_own_cases(world, client_as):
    r = client_as(world.advocate_b).get("/cases/", {"q": "Quillfeather"})
    assert r.status_code == 200 and b"Zelda Quillfeather" not in r.content and b"No case matches" in r.content
    r = client_as(world.advocate_a).get("/cases/", {"q": "Quillfeather"})
    assert b"Zelda Quillfeather" in r.content
