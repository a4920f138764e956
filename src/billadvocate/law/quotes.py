"""Quote discipline: a confirmed legal value carries the words that state it, and they must prove it.

A value that is not `unconfirmed` has `quote:` (at most two sentences of the statute, regulation,
Federal Register notice or official page) and `source:` (where the words were read). The quote proves
the value when:

- a number appears in it, as digits ("$1,000", "33.8872") or in words ("four years", "one hundred
  twenty"), or a `derived:` line ("28215 / 1.5 = 18810", "1 * 365 = 365" for "one year" in days)
  computes the value from a number the quote gives;
- for anything else (true/false, a list, a table, a time of day, a date), every `proves:` phrase is in
  the quote;
- for billadvocate's own thresholds (`policy:` says why), every `proves:` phrase is in the quote.

`problems(value)` lists what is wrong with one value; tests/law/test_quotes.py runs it over every law
file under parameters/ (`in_scope`): federal, HHS and every state file, whenever it was written.
"""

from __future__ import annotations

import ast
import operator
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from .parameters_model import DatedValue

# The day the quote rule came in (2026-12-04). Until 2026-12-05 it covered only federal/, gov/ and the
# files read again since; now every file is covered, so an older value is quoted or marked unconfirmed.
QUOTE_RULE_SINCE = date(2026, 12, 4)
MAX_QUOTE_CHARS = 700

_ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen " \
        "sixteen seventeen eighteen nineteen".split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()


def in_scope(file: str, file_last_checked: Any = None, param_last_checked: Any = None) -> bool:
    """Whether the quote test covers a file (path under parameters/, forward slashes): every law file,
    whatever its `last_checked` (the dates are kept in the signature for callers that pass them)."""
    return file.endswith((".yaml", ".yml"))


def _words(n: int) -> list[str]:
    """English words for 0 <= n < 1,000,000 ("one hundred twenty", "one hundred and twenty")."""
    if n < 20:
        return [_ONES[n]]
    if n < 100:
        t, o = divmod(n, 10)
        return [_TENS[t]] if o == 0 else [f"{_TENS[t]}-{_ONES[o]}", f"{_TENS[t]} {_ONES[o]}"]
    if n < 1000:
        h, rest = divmod(n, 100)
        head = f"{_ONES[h]} hundred"
        return [head] if rest == 0 else [f"{head} {w}" for w in _words(rest)] + \
            [f"{head} and {w}" for w in _words(rest)]
    if n < 1_000_000:
        k, rest = divmod(n, 1000)
        heads = [f"{w} thousand" for w in _words(k)]
        return heads if rest == 0 else [f"{h} {w}" for h in heads for w in _words(rest)]
    return []


def normalize(text: str) -> str:
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2011", "-").replace("\u2010", "-").replace("\u00a0", " ")
    return " ".join(text.split()).lower()


def number_in(quote: str, n: Decimal) -> bool:
    """Whether the number is written in the quote, in digits or (whole numbers) in words."""
    q = normalize(quote)
    forms = {format(n.normalize(), "f")}
    if n == n.to_integral_value():
        i = int(n)
        forms |= {str(i), f"{i:,}"}
        for w in _words(i) if 0 <= i < 1_000_000 else []:
            if re.search(rf"(?<![a-z-]){re.escape(w)}(?![a-z])", q):
                return True
    for f in forms:
        if re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d]|[.,]\d)", q):
            return True
    return False


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def _eval(node: ast.AST, numbers: list[Decimal]) -> Decimal:
    if isinstance(node, ast.Expression):
        return _eval(node.body, numbers)
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
        numbers.append(Decimal(str(node.value)))
        return numbers[-1]
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_eval(node.left, numbers), _eval(node.right, numbers))
    raise ValueError("only numbers, + - * / and brackets")


def check_derived(derived: str, value: Any, quote: str) -> str | None:
    """'A op B = V': V is the value, the arithmetic holds (to a whole unit), and the quote gives A or B."""
    if "=" not in derived:
        return "derived must read 'arithmetic = value'"
    lhs, rhs = derived.rsplit("=", 1)
    numbers: list[Decimal] = []
    try:
        result = _eval(ast.parse(lhs.replace(",", "").replace("$", "").strip(), mode="eval"), numbers)
        stated = Decimal(rhs.replace(",", "").replace("$", "").strip())
    except (SyntaxError, ValueError, InvalidOperation, ZeroDivisionError) as e:
        return f"derived arithmetic {lhs.strip()!r} cannot be read ({e})"
    if stated != Decimal(str(value)):
        return f"derived gives {stated}, the value is {value}"
    if abs(result - stated) >= 1:
        return f"derived arithmetic gives {format(result.normalize(), 'f')}, not {stated}"
    if not any(number_in(quote, n) for n in numbers):
        return f"the quote contains none of {', '.join(str(n) for n in numbers)}, the figures the value is derived from"
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def problems(v: DatedValue) -> list[str]:
    """What is wrong with one value's proof (nothing for an unconfirmed value: its note says why)."""
    if v.unconfirmed:
        return []
    if not v.quote:
        return ["no quote: add quote: (the words that state the value) and source:, or mark it unconfirmed"]
    out = []
    if len(v.quote) > MAX_QUOTE_CHARS:
        out.append(f"the quote is {len(v.quote)} characters; keep the one or two sentences that state the value")
    q = normalize(v.quote)
    missing = [p for p in v.proves if normalize(p) not in q]
    if missing:
        out.append(f"the quote does not contain {missing[0]!r}")
    if v.policy:
        if not v.proves:
            out.append("a policy value needs proves: (the quoted fact it rests on)")
    elif v.derived:
        if not _is_number(v.value):
            out.append("derived is for numbers")
        elif err := check_derived(v.derived, v.value, v.quote):
            out.append(err)
    elif _is_number(v.value):
        if not number_in(v.quote, Decimal(str(v.value))):
            out.append(f"the quote does not contain the number {v.value}")
    elif not v.proves:
        out.append("a value that is not a number needs proves: (the phrase of the quote that states it)")
    return out
