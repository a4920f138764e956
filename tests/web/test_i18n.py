"""English and Spanish: every string of the web app is translated, the compiled catalogue is
current, and a Spanish speaker gets Spanish pages."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT


def _messages_script():
    spec = importlib.util.spec_from_file_location("web_messages", ROOT / "scripts" / "web_messages.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_is_translated_to_spanish_and_the_mo_is_current(web):
    pytest.importorskip("polib")
    assert _messages_script().problems() == []


def test_the_spanish_catalogue_keeps_every_placeholder(web):
    polib = pytest.importorskip("polib")
    import re

    po = polib.pofile(str(_messages_script().PO))
    rx = re.compile(r"%\(\w+\)s|%%")
    for e in po:
        targets = list(e.msgstr_plural.values()) if e.msgid_plural else [e.msgstr]
        for t in targets:
            assert sorted(rx.findall(t)) == sorted(rx.findall(e.msgid)) or e.msgid_plural, e.msgid


def test_switching_to_spanish_translates_the_results_page(world, client_as):
    c = client_as(world.client_a)
    r = c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{world.case_a.pk}/"})
    assert r.status_code == 302
    page = c.get(f"/cases/{world.case_a.pk}/").content.decode()
    assert 'lang="es"' in page
    assert "Lo que está mal en la factura" in page and "Adónde va el dinero" in page
    assert "What is wrong with the bill" not in page


def test_a_browser_asking_for_spanish_gets_the_login_page_in_spanish(web, client_as):
    page = client_as().get("/login/", HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9").content.decode()
    assert "Entrar" in page and "Saltar al contenido" in page


def test_a_users_language_is_applied_when_they_log_in(web, client_as):
    from tests.web.conftest import make_user

    user = make_user("pat", "client", password="a long passphrase 1")
    user.profile.language = "es"
    user.profile.save()
    c = client_as()
    r = c.post("/login/", {"username": "pat", "password": "a long passphrase 1"})
    assert r.cookies["django_language"].value == "es"
    assert "Sus casos" in c.get("/").content.decode()
