"""A command starts half a second sooner where pandas happens to be installed (the Spark extra and
the test extra bring it): pyarrow imports pandas the first time it builds an array, only to check
whether it was handed a DataFrame, and billadvocate never hands it one. So while a command runs,
pandas is hidden from this process; pyarrow then takes it as absent, as on a plain install.

`batch` is left alone: its Spark engine needs pandas (PySpark's mapInArrow)."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager


class _HidePandas:
    """An import finder that answers 'not installed' for pandas and its submodules."""

    def find_spec(self, name, path=None, target=None):
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r} (hidden while a billadvocate command runs)",
                                      name=name)
        return None


def needs_pandas(args: Sequence[str]) -> bool:
    """Whether the command line may run code that needs pandas (the batch command's Spark engine)."""
    first = next((a for a in args if not a.startswith("-")), None)
    return first == "batch"


@contextmanager
def pandas_hidden(args: Sequence[str]) -> Iterator[None]:
    if "pandas" in sys.modules or needs_pandas(args):  # already paid for, or needed
        yield
        return
    finder = _HidePandas()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
