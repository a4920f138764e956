"""Import then export gives back the same case and the same document bytes (SQLite and PostgreSQL)."""

from __future__ import annotations

from pathlib import Path

import pytest

from billadvocate.casefile import load_case
from tests.conftest import EXAMPLES

HERE = Path(__file__).parent
CASES = [*sorted(EXAMPLES.glob("*/case.yaml")), HERE / "fixtures" / "full" / "case.yaml"]


def documents_of(case, base: Path) -> dict[str, bytes]:
    rels = [p for a in case.accounts for p in (*a.bill, *a.eob)] + [d.path for d in case.documents]
    return {rel: (base / rel).read_bytes() for rel in rels}


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("form", ["folder", "case.json", "bundle.zip"])
def test_import_then_export_gives_back_the_same_case(store, tmp_path, path, form):
    from billadvocate.store import cases

    row = cases.import_case(path)
    out = tmp_path / "out" / ("" if form == "folder" else form)
    cases.export_case(cases.get_case(row.pk), out)
    if form == "bundle.zip":
        again = cases.import_case(out)  # the bundle imports as it was exported
        cases.export_case(again, tmp_path / "unzipped")
        out = tmp_path / "unzipped"
    original, exported = load_case(path), load_case(out)
    assert exported.model_dump() == original.model_dump()
    assert documents_of(exported, out if out.is_dir() else out.parent) == documents_of(original, path.parent)


def test_every_field_of_the_full_case_survives_twice(store, tmp_path):
    from billadvocate.store import cases, mapping

    path = HERE / "fixtures" / "full" / "case.yaml"
    first = cases.import_case(path)
    cases.export_case(first, tmp_path / "a")
    second = cases.import_case(tmp_path / "a")
    assert mapping.case_file_data(mapping.to_canonical(second)) == mapping.case_file_data(load_case(path))
    text = (tmp_path / "a" / "case.yaml").read_text()
    assert "Ana María Pérez" in text and "2026-10-14T21:30:00" in text and "+00:00" in text


def test_the_stored_rows_hold_the_facts_in_columns(store):
    from billadvocate.store import cases
    from billadvocate.store.models import Document, Event

    row = cases.import_case(EXAMPLES / "er-visit-nonprofit" / "case.yaml")
    account = row.accounts.get()
    assert (account.key, account.provider_name, account.collector_name) == (
        "er-visit", "Valley General Hospital", "ABC Recovery")
    assert str(account.balance) == "4830.00"
    calls = Event.objects.filter(account=account, kind="call").order_by("at")
    assert [e.from_party for e in calls] == ["collector", "collector"]
    assert calls[0].at.isoformat() == "2026-10-13T17:05:00+00:00"  # 10:05 at UTC-7
    (bill,) = Document.objects.filter(case=row, role="bill")
    assert bill.read["lines"] > 0 and len(bill.sha256) == 64
    assert row.people.get().name == "Jane Doe" and row.household.size == 3


def test_the_full_case_really_sets_every_field_of_the_case_format():
    """So the round trip above covers every field; a field added to model.py belongs in the fixture."""
    from pydantic import BaseModel

    seen: dict[type, set[str]] = {}

    def walk(obj):
        if isinstance(obj, BaseModel):
            seen.setdefault(type(obj), set()).update(obj.model_fields_set)
            for name in type(obj).model_fields:
                walk(getattr(obj, name))
        elif isinstance(obj, list):
            for item in obj:
                walk(item)

    walk(load_case(HERE / "fixtures" / "full" / "case.yaml"))
    unset = {t.__name__: sorted(set(t.model_fields) - s) for t, s in seen.items() if set(t.model_fields) - s}
    assert not unset, f"add these to tests/store/fixtures/full/case.yaml: {unset}"
