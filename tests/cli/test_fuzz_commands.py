"""Every command, fed hostile options and inputs, ends in exit 0 or 2: never 1, never a traceback.

The commands and their options are read from click itself, so a new command or option is fuzzed
the day it is added. Values come from what careless users and attackers type: impossible dates,
huge and negative numbers, paths to folders, devices, garbage and half-files, text in number fields.
"""

from __future__ import annotations

import os
import shutil
import traceback
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billadvocate.cli.main import _register, cli
from tests.conftest import EXAMPLES

SKIP = {("serve",), ("batch", "audit")}  # a server that never returns; batch has its own fuzz below
NUMBERS = ["0", "-1", "1", "3", "1e400", "nan", "-inf", "100000001", "99999999999999999999", "2.5", "abc", ""]
DATES = ["2025-02-30", "0000-01-01", "9999-12-31", "2025-13-01", "yesterday", "2025-1-1", "1899-12-31",
         "2024-02-29", "2026-12-04T10:00", "2026-12-04T25:00"]
TEXT = ["", " ", "x" * 5000, "../../etc/passwd", "'; DROP TABLE cases; --", "<script>alert(1)</script>",
        "ñandú", "\u202e", "--json", "-", "CA", "ZZ", "er-visit", "1", "0", "999999", "99999999999999999999999",
        "-1", "1.5", "0x10", "[/]", "[bold red]x[/]", "[link=file:///etc/passwd]y[/link]", ":warning:", "a\\"]


def _files(root: Path) -> list[str]:
    """Hostile and real inputs, all copies inside `root`: an output option may overwrite any of them, so
    nothing outside `root` is ever named (the suite may run as root: a device path would be replaced)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "empty.csv").write_bytes(b"")
    (root / "garbage.bin").write_bytes(os.urandom(2048))
    (root / "half.csv").write_text("date,code,description,units,charge\n2025-01-05,99213,Office visit,1,\"12")
    (root / "wide.csv").write_text("date,code,charge\n2025-01-05,99213," + "9" * 200_000 + "\n")
    (root / "case.yaml").write_text("billadvocate: 1\npatient: {state: CA}\naccounts: [{id: a, provider: {name: H}, "
                                    "bill: [../../etc/passwd]}]\n")
    (root / "bad.yaml").write_text("billadvocate: 1\npatient: [\n")
    (root / "deep.json").write_text("[" * 50_000 + "]" * 50_000)
    (root / "bomb.zip").write_bytes(b"PK\x05\x06" + b"\x00" * 18)
    example = root / "example"
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", example)
    return [str(p) for p in sorted(root.iterdir())] + [
        str(root / "missing.csv"),
        str(example / "case.yaml"), str(example / "bills" / "er-itemized.csv"), str(root / "out" / "x.pdf")]


def _commands():
    _register()
    out = []

    def walk(cmd: click.Command, path: tuple[str, ...]):
        if isinstance(cmd, click.Group):
            for name, sub in cmd.commands.items():
                walk(sub, path + (name,))
        elif path not in SKIP:
            out.append((path, cmd))

    walk(cli, ())
    return out


COMMANDS = _commands()


def _value(param: click.Parameter, files: list[str]) -> st.SearchStrategy[str]:
    t = param.type
    if isinstance(t, click.Choice):
        return st.sampled_from([*map(str, t.choices), "nonsense"])
    if isinstance(t, (click.Path, click.File)):
        return st.sampled_from(files)
    if isinstance(t, (click.types.IntParamType, click.types.FloatParamType, click.types.DecimalParamType)) \
            if hasattr(click.types, "DecimalParamType") else isinstance(t, (click.types.IntParamType,
                                                                           click.types.FloatParamType)):
        return st.sampled_from(NUMBERS)
    if isinstance(t, click.DateTime):
        return st.sampled_from(DATES)
    return st.sampled_from(TEXT + DATES + NUMBERS + files)


def _argv(draw, path, cmd, files) -> list[str]:
    argv = list(path)
    for param in cmd.params:
        if isinstance(param, click.Argument):
            n = 1 if param.nargs == 1 else draw(st.integers(1, 2))
            if param.required or draw(st.booleans()):
                argv += [draw(_value(param, files)) for _ in range(n)]
        elif isinstance(param, click.Option) and param.name not in ("help",):
            if param.required or draw(st.integers(0, 3)) == 0:
                name = param.opts[-1]
                if param.is_flag or param.count:
                    argv.append(name)
                else:
                    argv += [name, draw(_value(param, files))]
    if "--json" not in argv and any(o.opts[-1] == "--json" for o in cmd.params if isinstance(o, click.Option)):
        if draw(st.booleans()):
            argv.append("--json")
    return argv


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    # a stored case (id 1 and up), so the case commands get past "no such case" to the real work
    r = CliRunner().invoke(cli, ["case", "import", str(EXAMPLES / "er-visit-nonprofit" / "case.yaml")])
    assert r.exit_code == 0, r.output
    return _files(tmp_path_factory.mktemp("fuzz"))


def _check(argv):
    runner = CliRunner()
    r = runner.invoke(cli, argv, catch_exceptions=True)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        trace = "".join(traceback.format_exception(*r.exc_info)[-6:])
        raise AssertionError(f"billadvocate {' '.join(argv)[:300]}\n{trace}")
    shown = f"billadvocate {' '.join(argv)[:300]}\n{r.output[-800:]}"
    assert r.exit_code in (0, 2), shown
    assert "internal error" not in r.output and "Traceback" not in r.output, shown
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        trace = "".join(traceback.format_exception(*r.exc_info)[-6:])
        raise AssertionError(f"{shown}\n{trace}")


@pytest.mark.parametrize("path,cmd", COMMANDS, ids=[" ".join(p) for p, _ in COMMANDS])
def test_every_command_answers_hostile_input_with_exit_0_or_2(path, cmd, files, tmp_path, monkeypatch):
    monkeypatch.setenv("BILLADVOCATE_DEBUG", "1")  # a bug raises, so the failure shows where
    monkeypatch.chdir(tmp_path)  # anything a command writes by default lands here

    ran = []

    @settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "10")), deadline=None, derandomize=True,
              suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
    @given(st.data())
    def run(data):
        argv = data.draw(st.composite(lambda draw: _argv(draw, path, cmd, files))())
        _check(argv)
        ran.append(argv)

    run()
    assert ran, f"no input was tried for {' '.join(path)}"
