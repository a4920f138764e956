"""Speed of the web app: a case page with 1,000 log entries, and 50 users at once for 60 seconds.

Starts `billadvocate serve` on 127.0.0.1 (a free port) on a fresh data folder in a temporary
directory, seeds one case with 1,000 log entries and one login per simulated user, then:

1. times the case pages (results, log) one request at a time, against a baseline measured in
   the same run (the login page, which touches no case), and checks the target: under 200 ms;
2. runs N users (default 50) for S seconds (default 60), each logged in with its own session and
   looping over the results, log, reminders and documents pages, and counts errors (target: 0).

Loopback only, bounded in users (<= 100) and seconds (<= 300); everything is deleted afterwards.

    PYTHONPATH=src python benchmarks/web_load.py [--users 50] [--seconds 60] [--events 1000]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "load test passphrase 1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(home: Path, users: int, events: int) -> int:
    """One case with EVENTS log entries, readable by USERS client logins; returns the case id."""
    sys.path.insert(0, str(ROOT / "src"))
    from billadvocate.djangoapp import setup

    setup(home=home)
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password

    from billadvocate import model
    from billadvocate.store import cases as store
    from billadvocate.store import models as m
    from billadvocate.web.models import Profile

    case = store.import_case(ROOT / "examples" / "er-visit-nonprofit" / "case.yaml")
    account = case.accounts.get()
    zone = "America/Los_Angeles"
    from billadvocate.store import mapping

    rows = []
    for i in range(events):
        e = model.Event.model_validate({"at": f"2026-{1 + i % 10:02d}-{1 + i % 28:02d}T{8 + i % 12:02d}:{i % 60:02d}:00-07:00",
                                        "kind": "call", "from": "collector", "note": f"call {i}: asked for payment"})
        rows.append(mapping.event_row(account, e, 1000 + i, zone))
    m.Event.objects.bulk_create(rows)
    hashed = make_password(PASSWORD)  # one Argon2 hash shared by every simulated user
    User = get_user_model()
    for i in range(users):
        u = User.objects.create(username=f"load{i}", password=hashed)
        Profile.objects.create(user=u, role="client")
        case.assigned_to.add(u)
    from django.db import connections

    connections.close_all()
    return case.pk


class Session:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path: str) -> tuple[int, bytes]:
        try:
            with self.opener.open(self.base + path, timeout=30) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def login(self, username: str) -> None:
        _status, body = self.get("/login/")
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()
        data = urllib.parse.urlencode({"csrfmiddlewaretoken": token, "username": username,
                                       "password": PASSWORD}).encode()
        req = urllib.request.Request(self.base + "/login/", data=data, headers={"Referer": self.base + "/login/"})
        with self.opener.open(req, timeout=60) as r:
            if "/login/" in r.geturl():
                raise RuntimeError(f"login failed for {username}")


def timed(session: Session, path: str, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        status, _body = session.get(path)
        out.append(time.perf_counter() - start)
        if status != 200:
            raise RuntimeError(f"{path}: HTTP {status}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--events", type=int, default=1000)
    args = ap.parse_args()
    users, seconds = max(1, min(args.users, 100)), max(1.0, min(args.seconds, 300.0))
    home = Path(tempfile.mkdtemp(prefix="billadvocate-load-"))
    proc = None
    try:
        case_id = seed(home, users, args.events)
        port = free_port()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "BILLADVOCATE_HOME": str(home)}
        for k in ("DATABASE_URL", "BILLADVOCATE_ENV", "BILLADVOCATE_DEBUG"):
            env.pop(k, None)
        proc = subprocess.Popen([sys.executable, "-m", "billadvocate", "serve", "--port", str(port),
                                 "--threads", "16"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        base = f"http://127.0.0.1:{port}"
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/login/", timeout=2).read()
                break
            except OSError:
                time.sleep(0.2)
        one = Session(base)
        one.login("load0")
        pages = {"results": f"/cases/{case_id}/", "log": f"/cases/{case_id}/log/",
                 "log, all 1,000+": f"/cases/{case_id}/log/?all=1"}
        for path in pages.values():  # warm up: first review, template compilation
            one.get(path)
        baseline = statistics.median(timed(one, "/login/", 20))
        print(f"case {case_id} with {args.events} log entries; baseline (login page) {baseline * 1000:.1f} ms")
        worst = 0.0
        for name, path in pages.items():
            t = timed(one, path, 20)
            med, p95 = statistics.median(t), sorted(t)[int(len(t) * 0.95) - 1]
            worst = max(worst, med) if name != "log, all 1,000+" else worst
            print(f"  {name:18} median {med * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms  "
                  f"= {med / baseline:5.1f} x baseline")
        print(f"target: a case page under 200 ms: {'PASS' if worst < 0.2 else 'FAIL'} ({worst * 1000:.1f} ms)")

        sessions = []
        for i in range(users):
            s = Session(base)
            s.login(f"load{i}")
            sessions.append(s)
        loop = [f"/cases/{case_id}/", f"/cases/{case_id}/log/", f"/cases/{case_id}/reminders/",
                f"/cases/{case_id}/documents/"]
        counts, errors, latencies = [0] * users, [0] * users, [[] for _ in range(users)]
        stop = time.monotonic() + seconds

        def run(i: int) -> None:
            k = i
            while time.monotonic() < stop:
                start = time.perf_counter()
                try:
                    status, _ = sessions[i].get(loop[k % len(loop)])
                    if status != 200:
                        errors[i] += 1
                except Exception:
                    errors[i] += 1
                latencies[i].append(time.perf_counter() - start)
                counts[i] += 1
                k += 1

        threads = [threading.Thread(target=run, args=(i,)) for i in range(users)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        total, errs = sum(counts), sum(errors)
        lat = sorted(x for ls in latencies for x in ls)
        print(f"{users} users for {seconds:.0f} s: {total} requests ({total / seconds:.1f}/s), {errs} errors, "
              f"median {statistics.median(lat) * 1000:.0f} ms, p95 {lat[int(len(lat) * 0.95) - 1] * 1000:.0f} ms")
        print(f"target: no error: {'PASS' if errs == 0 else 'FAIL'}")
        return 0 if errs == 0 and worst < 0.2 else 1
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(home, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
