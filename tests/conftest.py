"""Shared test helpers: run the real CLI in a subprocess, find the repo's examples and shared data."""

from __future__ import annotations

import atexit
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
# ../shared/data next to the checkout, or where BILLADVOCATE_SHARED_DATA points (e.g. from a worktree)
SHARED_DATA = Path(os.environ.get("BILLADVOCATE_SHARED_DATA") or next(
    (p for p in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data") if p.is_dir()),
    ROOT.parent / "shared" / "data"))

# Tests never touch the user's real data folder or database: everything (this process and the CLI
# subprocesses, which inherit the environment) points at a throwaway folder unless a test says otherwise.
os.environ["BILLADVOCATE_HOME"] = _HOME = tempfile.mkdtemp(prefix="billadvocate-test-home-")
atexit.register(shutil.rmtree, _HOME, ignore_errors=True)
os.environ.pop("DATABASE_URL", None)


@dataclass
class CliResult:
    code: int
    out: str
    err: str

    def json(self):
        return json.loads(self.out)


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None, input: str | None = None) -> CliResult:
    """Run `python -m billadvocate ARGS` on this checkout's src, as a user would."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **(env or {})}
    full_env.pop("BILLADVOCATE_DEBUG", None)
    p = subprocess.run([sys.executable, "-m", "billadvocate", *map(str, args)], capture_output=True,
                       text=True, cwd=cwd or ROOT, env=full_env, input=input, timeout=300)
    return CliResult(p.returncode, p.stdout, p.stderr)


@pytest.fixture
def cli():
    return run_cli


def shared(*parts: str) -> Path:
    """A file of ../shared/data, or skip the test cleanly when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not present: {path}")
    return path
