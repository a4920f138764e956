"""A command starts sooner when it does not import what it never uses:

- pandas, where it happens to be installed (the Spark extra and the test extra bring it): pyarrow imports
  it the first time it builds an array, only to check whether it was handed a DataFrame, and billadvocate
  never hands it one (half a second). So while a command runs, pandas is hidden from this process; pyarrow
  then takes it as absent, as on a plain install.
- numpy, from pyarrow's own import (about 0.05 CPU s of a 300-line audit's 0.6): pyarrow imports numpy only
  to convert numpy arrays, and billadvocate hands it Python values and Parquet files. While pyarrow itself is
  being imported numpy is hidden, so pyarrow starts as on an install without numpy (numpy is optional to it);
  once pyarrow is imported numpy is importable as before (OCR needs it: ingest/ocr.py).

`batch` is left alone: its Spark engine needs pandas and numpy with pyarrow (PySpark's mapInArrow)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


def _pyarrow_importing() -> bool:
    """Whether the pyarrow package is being imported right now (importlib marks a module's spec while its
    code runs)."""
    pa = sys.modules.get("pyarrow")
    return pa is not None and bool(getattr(getattr(pa, "__spec__", None), "_initializing", False))


class _HideUnused:
    """An import finder that answers 'not installed' for pandas and its submodules (unless pandas was
    imported already: its own later imports must work), and for numpy while pyarrow is being imported."""

    def __init__(self) -> None:
        self.pandas = "pandas" not in sys.modules

    def find_spec(self, name, path=None, target=None):
        top = name.partition(".")[0]
        if (top == "pandas" and self.pandas) or (top == "numpy" and _pyarrow_importing()):
            raise ModuleNotFoundError(f"No module named {name!r} (hidden while a billadvocate command runs)",
                                      name=name)
        return None


def needs_pandas(args: Sequence[str]) -> bool:
    """Whether the command line may run code that needs pandas (the batch command's Spark engine)."""
    first = next((a for a in args if not a.startswith("-")), None)
    return first == "batch"


@contextmanager
def unused_hidden(args: Sequence[str]) -> Iterator[None]:
    """pandas, and numpy from pyarrow's import, hidden while the command of `args` runs (not for batch)."""
    if needs_pandas(args):
        yield
        return
    finder = _HideUnused()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
