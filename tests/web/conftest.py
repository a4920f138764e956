"""The web app's fixtures: a fresh migrated store per test, people in every role, two cases.

Case A belongs to client A and is assigned to advocate A; case B belongs to client B. Advocate B
is assigned to nothing. Each case's patient name and account number are unique markers, so a
test can tell whether a page leaked another case's data.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES
from tests.store.conftest import use_database

_test_env = False


@pytest.fixture(scope="session")
def web_template(tmp_path_factory):
    home = tmp_path_factory.mktemp("web-template-home")
    use_database(home, None)
    from django.db import connection, connections

    with connection.cursor() as cur:
        cur.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connections.close_all()
    return home / "billadvocate.sqlite3"


@pytest.fixture
def web(tmp_path, web_template):
    """A fresh, migrated store for this test; Django's test client ready to use."""
    global _test_env
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(web_template, home / "billadvocate.sqlite3")
    use_database(home, None)
    if not _test_env:
        from django.test.utils import setup_test_environment

        setup_test_environment()
        _test_env = True
    from billadvocate.web import casework

    casework.clear_cache()
    yield home
    from django.db import connections

    connections.close_all()


@dataclass
class World:
    admin: object
    advocate_a: object
    advocate_b: object
    client_a: object
    client_b: object
    case_a: object
    case_b: object
    markers_a: list[str]
    markers_b: list[str]


def make_user(username: str, role: str, password: str | None = None):
    from django.contrib.auth import get_user_model

    from billadvocate.web.models import Profile

    User = get_user_model()
    user = User(username=username, is_superuser=role == "admin", is_staff=role == "admin")
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    Profile.objects.create(user=user, role=role)
    return user


def import_example(name: str, *, patient: str, account_number: str, owner=None):
    """An example case in the store, with its patient and account number replaced by markers."""
    from billadvocate.store import cases as store
    from billadvocate.store import models as m

    row = store.import_case(EXAMPLES / name / "case.yaml", user=owner)
    person = row.people.get(role="patient")
    person.name = patient
    person.save()
    account = row.accounts.order_by("position").first()
    account.account_number = account_number
    account.save()
    m.Case.objects.filter(pk=row.pk).update(title=f"{patient} - {account.provider_name}")
    row.refresh_from_db()
    return row


@pytest.fixture
def world(web):
    admin = make_user("root", "admin")
    advocate_a, advocate_b = make_user("adv-a", "advocate"), make_user("adv-b", "advocate")
    client_a, client_b = make_user("client-a", "client"), make_user("client-b", "client")
    case_a = import_example("er-visit-nonprofit", patient="Zelda Quillfeather", account_number="MARK-A-77123")
    case_b = import_example("uninsured-outpatient", patient="Bartholomew Ostrander", account_number="MARK-B-99456")
    case_a.assigned_to.add(advocate_a, client_a)
    case_b.assigned_to.add(client_b)
    return World(admin, advocate_a, advocate_b, client_a, client_b, case_a, case_b,
                 ["Zelda Quillfeather", "MARK-A-77123"], ["Bartholomew Ostrander", "MARK-B-99456"])


@pytest.fixture
def client_as():
    """A Django test client logged in as a user (or anonymous for None)."""
    from django.test import Client

    def make(user=None, **kwargs):
        c = Client(**kwargs)
        if user is not None:
            c.force_login(user)
        return c

    return make


@pytest.fixture
def settings_override():
    """Change Django settings for one test (restored afterwards)."""
    from django.conf import settings

    saved = {}

    def override(**values):
        for k, v in values.items():
            saved.setdefault(k, getattr(settings, k, None))
            setattr(settings, k, v)

    yield override
    for k, v in saved.items():
        setattr(settings, k, v)
