"""A command does not import pandas (half a second of start-up) where it happens to be installed, nor
numpy through pyarrow's import, except `batch`, whose Spark engine needs them; both are importable again
once the command ends, and numpy as soon as pyarrow is imported (OCR needs it)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from billadvocate.cli.quick_start import needs_pandas, unused_hidden

needs_installed_pandas = pytest.mark.skipif(importlib.util.find_spec("pandas") is None,
                                            reason="pandas is not installed (the test extra brings it)")
needs_installed_numpy = pytest.mark.skipif(importlib.util.find_spec("numpy") is None,
                                           reason="numpy is not installed (the OCR extra brings it)")
SRC = str(Path(__file__).resolve().parents[2] / "src")


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
    probe = ("import importlib, importlib.util\nfrom billadvocate.cli.quick_start import unused_hidden\n"
             "with unused_hidden(['audit']):\n"
             "    try:\n        importlib.import_module('pandas')\n        print('imported')\n"
             "    except ModuleNotFoundError:\n        print('hidden')\n"
             "with unused_hidden(['batch', 'audit']):\n    print(importlib.util.find_spec('pandas') is not None)\n"
             "import pandas\nprint('after', pandas.__name__)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(Path(__file__).resolve().parents[2] / "src")})
    assert out.stdout.split() == ["hidden", "True", "after", "pandas"]


@needs_installed_numpy
def test_an_audit_process_imports_pyarrow_without_numpy(tmp_path):
    """... and `audit --json` of a CSV bill prints no text report, reads no PDF or workbook and writes no
    letter: rich, pdfplumber, openpyxl, jinja2, fpdf and django stay unimported too."""
    bill = tmp_path / "bill.csv"
    bill.write_text("line,date,code,description,units,charge\n1,2025-03-02,99285,ER VISIT,1,2150.00\n")
    probe = ("import sys\nfrom billadvocate.cli.main import main\n"
             f"try:\n    main(['audit', {str(bill)!r}, '--json'])\nexcept SystemExit as e:\n    code = e.code\n"
             "unused = ('numpy', 'rich', 'pdfplumber', 'openpyxl', 'jinja2', 'fpdf', 'django')\n"
             "print('pyarrow' in sys.modules, [m for m in unused if m in sys.modules], code)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"BILLADVOCATE_HOME": str(tmp_path), "PATH": "/usr/bin:/bin", "PYTHONPATH": SRC})
    assert out.stdout.strip().splitlines()[-1] == "True [] 0"


@needs_installed_numpy
def test_numpy_is_hidden_only_from_pyarrow_import():
    """Hidden while pyarrow itself is imported; importable in the same command once pyarrow is (OCR after the
    audit's imports), and for batch pyarrow gets it as usual."""
    probe = ("import sys, importlib\nfrom billadvocate.cli.quick_start import unused_hidden\n"
             "with unused_hidden(['audit']):\n    import pyarrow\n    print('numpy' in sys.modules)\n"
             "    import numpy\n    print(numpy.__name__)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SRC})
    assert out.stdout.split() == ["False", "numpy"]
    probe = ("import sys\nfrom billadvocate.cli.quick_start import unused_hidden\n"
             "with unused_hidden(['batch', 'audit']):\n    import pyarrow\n    print('numpy' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         env={"PATH": "/usr/bin:/bin", "PYTHONPATH": SRC})
    assert out.stdout.split() == ["True"]
