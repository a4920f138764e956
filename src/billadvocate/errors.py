"""The one error type a user ever sees: bad input, said in one line with where and what to do."""

from __future__ import annotations


class BadInput(Exception):
    """Input the user can fix. Rendered as one line: `FILE: PLACE: problem`; the CLI exits 2."""

    def __init__(self, problem: str, *, file: str | None = None, where: str | None = None):
        self.problem = problem
        self.file = file
        self.where = where
        super().__init__(self.line())

    def line(self) -> str:
        parts = [p for p in (self.file, self.where) if p]
        return ": ".join([*parts, self.problem])


class LawDataError(Exception):
    """The shipped or imported law data is malformed (e.g. a value without a citation)."""
