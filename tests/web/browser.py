"""Helpers for the end-to-end tests: a real `billadvocate serve` on a free port, Debian's
chromium driven by Playwright, and screenshots kept under test-artifacts/web/."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

import pytest

from tests.conftest import ROOT

ARTIFACTS = ROOT / "test-artifacts" / "web"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("BILLADVOCATE_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser")):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`billadvocate serve` in a subprocess on a fresh data folder."""

    def __init__(self, home: Path):
        self.home = home
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BILLADVOCATE_HOME": str(home)}
        for k in ("DATABASE_URL", "BILLADVOCATE_ENV", "BILLADVOCATE_DEBUG"):
            env.pop(k, None)
        self.log = open(home / "serve.log", "w+")
        self.proc = subprocess.Popen([sys.executable, "-m", "billadvocate", "serve", "--port", str(self.port)],
                                     stdout=self.log, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        deadline = time.time() + 90
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"serve exited: {self.output()}")
            try:
                with urlopen(f"{self.url}/login/", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"serve did not answer in time: {self.output()}")

    def output(self) -> str:
        self.log.flush()
        return (self.home / "serve.log").read_text()

    def admin_password(self) -> str:
        m = re.search(r"password:\s+(\S+)", self.output())
        assert m, self.output()
        return m.group(1)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
        self.log.close()


def need_browser() -> str:
    """The chromium binary, or skip the test cleanly."""
    path = chromium_path()
    if path is None:
        pytest.skip("no chromium binary: the browser tests need Debian's chromium (.ci/run installs it)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        pytest.skip("the playwright package is not installed")
    return path


def serve(tmp_path_factory, name: str, seed):
    """The body of a module's `server` fixture (`yield from serve(...)`): skip without chromium, start
    `billadvocate serve` on a fresh data folder named `name`, point this process's Django at the same
    store, call `seed(server)` to make its users and cases, close the connections, yield the server and
    stop it afterwards."""
    need_browser()
    home = tmp_path_factory.mktemp(name)
    s = Server(home)
    from tests.store.conftest import use_database

    use_database(home, None)
    from billadvocate.web import casework

    casework.clear_cache()
    seed(s)
    from django.db import connections

    connections.close_all()
    yield s
    s.stop()


def serve_one_patient(tmp_path_factory, name: str, *, username: str, password: str, example: str,
                      patient: str, account_number: str):
    """`serve` seeded with one client user and one example case assigned to them (its pk as `case_id`)."""
    from tests.web.conftest import import_example, make_user

    def seed(s: Server) -> None:
        user = make_user(username, "client", password=password)
        case = import_example(example, patient=patient, account_number=account_number)
        case.assigned_to.add(user)
        s.case_id = case.pk

    yield from serve(tmp_path_factory, name, seed)


@pytest.fixture(scope="module")
def browser(server):
    """Chromium, started after `server` (whose seeding uses Django outside Playwright's loop)."""
    from playwright.sync_api import sync_playwright

    path = need_browser()
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


def shot(page, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
