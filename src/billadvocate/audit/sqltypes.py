"""Arrow -> SQL type names, and the few DuckDB-specific expressions the rules need, in one place.

Rule SQL is plain SQL over the canonical tables so that it can be translated for Spark; the
DuckDB list functions it needs are produced here only.
"""

from __future__ import annotations

import pyarrow as pa


def duck_type(t: pa.DataType) -> str:
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return "VARCHAR"
    if pa.types.is_date(t):
        return "DATE"
    if pa.types.is_boolean(t):
        return "BOOLEAN"
    if pa.types.is_decimal(t):
        return f"DECIMAL({t.precision},{t.scale})"
    if pa.types.is_floating(t):
        return "DOUBLE"
    if pa.types.is_integer(t):
        return {8: "TINYINT", 16: "SMALLINT", 32: "INTEGER", 64: "BIGINT"}[t.bit_width]
    if pa.types.is_list(t):
        return duck_type(t.value_type) + "[]"
    raise TypeError(f"no SQL type for {t}")


def lines_of(column: str) -> str:
    """Aggregate: the sorted list of line numbers of a group (sorting the finished list is cheaper than
    DuckDB's ordered aggregate)."""
    return f"list_sort(list({column}))"


def line_list(*columns: str) -> str:
    """Scalar: a list of line numbers from columns of one row."""
    return "[" + ", ".join(columns) + "]"


def modifiers_text(column: str = "modifiers") -> str:
    """The modifiers as ' 25 59 ', so rules test one with plain LIKE '% 59 %'."""
    return f"' ' || coalesce(array_to_string({column}, ' '), '') || ' '"


def has_modifier(mods_column: str, modifiers) -> str:
    """Does the ' 25 59 ' text hold any of these modifiers? One regular expression (Spark: RLIKE),
    several times faster than a chain of LIKEs on the millions of line pairs of a claims extract."""
    for m in modifiers:
        if not m.isalnum():
            raise ValueError(f"modifier {m!r} is not alphanumeric")
    # most lines carry no modifier ('  '): the comparison spares them the regular expression
    return f"({mods_column} <> '  ' AND regexp_matches({mods_column}, ' ({'|'.join(modifiers)}) '))"


def text_matches(column: str, patterns, needles=()) -> str:
    """Does the text hold any of these regular expressions, ignoring case? One scan, no upper-cased
    copy of every description (Spark: RLIKE with the same flags). `needles`: plain words, one of which
    (any case) every match holds: a cheap ILIKE first, so the regular expression reads only the few
    texts that could match (a third of the time over ten million descriptions)."""
    regex = f"regexp_matches({column}, '(?is){'|'.join(patterns)}')"
    if not needles:
        return regex
    first = " OR ".join(f"{column} ILIKE '%{n}%'" for n in needles)
    return f"(({first}) AND {regex})"


def group_key(*columns: str) -> str:
    """One 64-bit hash of the columns: a cheap first-pass grouping key. Keys that collide only add
    candidates; the rule then groups the candidates by the columns themselves, so no group is lost or
    merged (Spark: xxhash64)."""
    return f"hash({', '.join(columns)})"


def concat_lines(a: str, b: str) -> str:
    """Scalar: two line lists joined."""
    return f"list_concat({a}, {b})"


def no_lines() -> str:
    """Scalar: an empty list of line numbers."""
    return "CAST([] AS BIGINT[])"


def all_but_first(column: str) -> str:
    """Aggregate: the group's line numbers after the first (the extra copies)."""
    return f"{lines_of(column)}[2:]"


def distinct_text(column: str) -> str:
    """Aggregate: the group's distinct values, sorted, as 'a, b' (one pass, no DISTINCT aggregate)."""
    return f"array_to_string(list_sort(list_distinct(list({column}))), ', ')"

