"""A command does not import pandas (half a second of start-up) where it happens to be installed,
except `batch`, whose Spark engine needs it; and pandas is importable again once the command ends."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from billadvocate.cli.quick_start import needs_pandas, pandas_hidden

needs_installed_pandas = pytest.mark.skipif(importlib.util.find_spec("pandas") is None,
                                            reason="pandas is not installed (the test extra brings it)")


def test_only_the_batch_command_may_need_pandas():
    assert needs_pandas(["batch", "audit", "x.parquet", "--engine", "spark"])
    assert needs_pandas(["--debug", "batch"]) is True
    assert not needs_pandas(["audit", "bill.csv", "--json"])
    assert not needs_pandas(["review", "batch.yaml"])  # a file named batch is not the command
    assert not needs_pandas([])


@needs_installed_pandas
def test_an_audit_process_never_imports_pandas(tmp_path):
    bill = tmp_path / "bill.csv"
    bill.write_text("line,date,code,description,units,charge\n1,2025-03-02,99285,ER VISIT,1,2150.00\n")
    probe = ("import sys\nfrom billadvocate.cli.main import main\n"
             f"try:\n    main(['audit', {str(bill)!r}, '--json'])\nexcept SystemExit as e:\n    code = e.code\n"
             "print('pandas' in sys.modules, code)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"BILLADVOCATE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin",
                              "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")})
    assert out.stdout.strip().splitlines()[-1] == "False 0"


@needs_installed_pandas
def test_pandas_is_hidden_only_while_the_command_runs():
    probe = ("import importlib, importlib.util\nfrom billadvocate.cli.quick_start import pandas_hidden\n"
             "with pandas_hidden(['audit']):\n"
             "    try:\n        importlib.import_module('pandas')\n        print('imported')\n"
             "    except ModuleNotFoundError:\n        print('hidden')\n"
             "with pandas_hidden(['batch', 'audit']):\n    print(importlib.util.find_spec('pandas') is not None)\n"
             "import pandas\nprint('after', pandas.__name__)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")})
    assert out.stdout.split() == ["hidden", "True", "after", "pandas"]
