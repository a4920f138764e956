"""Progress of long reading work (a multi-page scan, a large 835), shown only when the shell asks.

Readers call `steps(label, total)` and advance it; by default nothing is shown. The CLI turns on a
progress bar on a terminal (never under --json) with `show_progress(...)`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

# factory(label, total) -> context manager yielding advance(n)
_factory: ContextVar[Callable | None] = ContextVar("billadvocate_progress", default=None)


def _noop(n: int = 1) -> None:
    return None


@contextmanager
def steps(label: str, total: int) -> Iterator[Callable[[int], None]]:
    """A unit of long work of `total` steps; yields advance(n=1)."""
    factory = _factory.get()
    if factory is None or total <= 1:
        yield _noop
        return
    with factory(label, total) as advance:
        yield advance


@contextmanager
def show_progress(console) -> Iterator[None]:
    """Within this block, long reading work draws a rich progress bar on `console` (stderr)."""
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    @contextmanager
    def factory(label: str, total: int):
        with Progress(TextColumn("{task.description}"), BarColumn(), TextColumn("{task.percentage:>3.0f}%"),
                      TimeRemainingColumn(), console=console, transient=True) as bar:
            task = bar.add_task(label, total=total)
            yield lambda n=1: bar.advance(task, n)

    token = _factory.set(factory)
    try:
        yield
    finally:
        _factory.reset(token)
