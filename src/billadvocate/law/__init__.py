"""The law as data: dated parameters, each value with its citation (OpenFisca-style).

Parameters live in YAML files under `parameters/`, the path naming the issuing authority
(`gov/hhs/fpg.yaml` -> `gov.hhs.fpg...`). A parameter is a mapping with `values:`, each keyed by
the date it took effect:

    first_person:
      contiguous:
        description: Poverty guideline for a household of one, 48 states and DC
        unit: USD
        values:
          2025-01-15:
            value: 15650
            reference:
              - title: "90 FR 5917 (Jan. 17, 2025)"
                href: https://www.govinfo.gov/content/pkg/FR-2025-01-17/html/2025-01377.htm
          2026-01-13: {value: 15960, reference: [{title: "91 FR 1797"}]}

A value without a `reference` (a list of at least one {title, href?}) refuses to load. A value may
say `unconfirmed: true` with a `note`, when no primary text confirmed it: engines carry that flag
into their output. `value: null` records that a rule stopped applying (e.g. a vacated regulation).
"""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from pathlib import Path

from ..errors import LawDataError
from .parameters_model import Citation, DatedValue, Parameter, load_file, load_tree

PARAMETERS_DIR = Path(__file__).parent / "parameters"

__all__ = ["Citation", "DatedValue", "Parameter", "LawDataError", "law", "Law", "PARAMETERS_DIR"]


class Law:
    """All parameters under one folder, looked up by dotted path and as-of date.

    `Law(root)` reads and checks the whole tree at once. `Law(root, lazy=True)` (the shipped law,
    `law()`) reads only the file that holds a looked-up path (gov.hhs.fpg... -> gov/hhs/fpg.yaml),
    so a command that needs three values does not parse every state's law; `parameters` (and
    anything that lists them) still reads the whole tree, once."""

    def __init__(self, root: Path = PARAMETERS_DIR, *, lazy: bool = False):
        self.root = root
        self._all: dict[str, Parameter] | None = None
        self._some: dict[str, Parameter] = {}
        self._files: set[Path] = set()
        if not lazy:
            self._all = load_tree(root)

    @property
    def parameters(self) -> dict[str, Parameter]:
        if self._all is None:
            self._all = load_tree(self.root)
        return self._all

    def _find(self, path: str) -> Parameter | None:
        if self._all is not None:
            return self._all.get(path)
        if path not in self._some:
            parts = path.split(".")
            for i in range(len(parts) - 1, 0, -1):
                file = self.root.joinpath(*parts[:i]).with_suffix(".yaml")
                if file.is_file():
                    if file not in self._files:
                        load_file(self.root, file, self._some)
                        self._files.add(file)
                    break
        return self._some.get(path) if path in self._some else self.parameters.get(path)

    def parameter(self, path: str) -> Parameter:
        found = self._find(path)
        if found is None:
            raise KeyError(f"no law parameter {path!r}") from None
        return found

    def at(self, path: str, as_of: date) -> DatedValue:
        """The value in force on `as_of` with its citation; KeyError if none was yet in force."""
        return self.parameter(path).at(as_of)

    def value(self, path: str, as_of: date):
        return self.at(path, as_of).value

    def children(self, prefix: str) -> dict[str, Parameter]:
        """Parameters under a dotted prefix, keyed by the rest of their path."""
        p = prefix.rstrip(".") + "."
        return {k[len(p):]: v for k, v in self.parameters.items() if k.startswith(p)}

    def __contains__(self, path: str) -> bool:
        return self._find(path) is not None


@lru_cache(maxsize=1)
def law() -> Law:
    """The law shipped with billadvocate (each file read once per process, when first needed)."""
    return Law(lazy=True)
