"""The one way the benchmarks time a step: the best of a few runs (the least disturbed by the machine)."""

from __future__ import annotations

import time


def timed(fn, repeat: int = 1) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best
