"""Keeping a case: import, export, the log, documents. Every write is one transaction.

A failed import leaves nothing behind: the rows roll back, and document files this import added
to the store are removed again (a killed process may leave an unreferenced file, never a row).
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import tempfile
import zipfile
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Iterator

import yaml
from django.db import transaction
from django.db.models import F, Max

from .. import archive, model
from ..casefile import case_dir, load_case
from ..errors import BadInput
from ..util import atomic_write, file_target
from . import audit, blobs, mapping
from . import models as m


def get_case(case_id: int | str) -> m.Case:
    try:
        return m.Case.objects.get(pk=int(case_id))
    except (ValueError, m.Case.DoesNotExist):
        raise BadInput(f"no case {case_id} in the store: `billadvocate case list` shows the ids")


def account_of(case_row: m.Case, key: str | None) -> m.Account:
    """The named account, or the only one; a case with several needs --account."""
    accounts = list(case_row.accounts.order_by("position"))
    if key is None:
        if len(accounts) == 1:
            return accounts[0]
        keys = ", ".join(a.key for a in accounts)
        raise BadInput(f"case {case_row.pk} has several accounts ({keys}): say which with --account")
    for a in accounts:
        if a.key == key:
            return a
    raise BadInput(f"case {case_row.pk} has no account {key!r} (it has {', '.join(a.key for a in accounts)})")


# ---------------------------------------------------------------- import


@contextmanager
def _unpacked(path: Path) -> Iterator[Path]:
    """A case file, a folder with case.yaml, or an exported .zip: yields the case file to load."""
    if path.suffix.lower() == ".zip" and path.is_file():
        with tempfile.TemporaryDirectory(prefix="billadvocate-import-") as tmp:
            with archive.SafeZip(path, limits=archive.CASE_ARCHIVE) as z:
                z.extract_all(Path(tmp))
            yield Path(tmp)
        return
    yield path


def import_case(path: str | Path, *, user=None) -> m.Case:
    """Read a case file with its documents into the store, all or nothing."""
    path = Path(path)
    with _unpacked(path) as source:
        case = load_case(source)
        return save_case(case, base=case_dir(case), source=str(path), user=user)


def save_case(case: model.Case, *, base: Path, source: str = "", user=None) -> m.Case:
    added: list[str] = []
    try:
        files = _keep_documents(case, base, added)
        with transaction.atomic():
            row = _insert(case, files, base, source=source, user=user)
            audit.record("import", row, after={"source": source})
        blobs.settle(added)
        return row
    except BaseException:
        for sha in added:
            blobs.discard(sha)
        raise


def _keep_documents(case: model.Case, base: Path, added: list[str]) -> dict[str, blobs.Stored]:
    paths = [p for a in case.accounts for p in (*a.bill, *a.eob)] + [d.path for d in case.documents]
    out = {}
    for rel in dict.fromkeys(paths):
        stored = blobs.put_file(base / rel)
        if stored.created:
            added.append(stored.sha256)
        out[rel] = stored
    return out


def _insert(case: model.Case, files: dict[str, blobs.Stored], base: Path, *, source: str, user) -> m.Case:
    user_id = getattr(user, "pk", None)
    row = m.Case.objects.create(source=source[:500], created_by_id=user_id, **mapping.case_columns(case))
    mapping.person_row(row, case.patient).save()
    if case.household is not None:
        mapping.household_row(row, case.household).save()
    zone = case.patient.zone
    position = 0
    accounts: dict[str, m.Account] = {}
    for i, account in enumerate(case.accounts):
        a = mapping.account_row(row, account, i)
        a.save()
        accounts[account.id] = a
        for role in ("bill", "eob"):
            for rel in getattr(account, role):
                _document(row, a, role, rel, files[rel], position, user_id,
                          read=_read(base / rel, role))
                position += 1
        events = [mapping.event_row(a, event, j, zone) for j, event in enumerate(account.events)]
        audit.record_created(m.Event.objects.bulk_create(events, batch_size=500))
    for j, doc in enumerate(case.documents):
        a = None
        if doc.account is not None:
            a = accounts.get(doc.account)
            if a is None:
                raise BadInput(f"no account {doc.account!r} in this case", where=f"documents[{j}].account")
        _document(row, a, doc.kind, doc.path, files[doc.path], position, user_id, note=doc.note)
        position += 1
    if case.credit_report is not None:
        for j, line in enumerate(case.credit_report.tradelines):
            mapping.tradeline_row(row, line, j).save()
    return row


def _document(case_row, account, role, rel, stored: blobs.Stored, position, user_id, note=None, read=None):
    media = mimetypes.guess_type(rel)[0] or "application/octet-stream"
    return m.Document.objects.create(
        case=case_row, account=account, role=role, position=position, path=rel, sha256=stored.sha256,
        size=stored.size, media_type=media, note=note, read=read, added_by_id=user_id)


# ---------------------------------------------------------------- export


def materialize(case_row: m.Case, folder: Path) -> model.Case:
    """Write the stored case's documents into FOLDER at their paths; the case, ready for the engines."""
    case = mapping.to_canonical(case_row)
    for doc in case_row.documents.all():
        target = folder / doc.path
        if not target.resolve().is_relative_to(folder.resolve()):
            raise BadInput(f"document path {doc.path!r} leaves the case folder", where=f"case {case_row.pk}")
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists():
            shutil.copyfile(blobs.path_of(doc.sha256), target)
    case._dir = folder
    return case


def case_file_text(case: model.Case, *, as_json: bool = False) -> str:
    data = mapping.case_file_data(case, as_json=as_json)
    if as_json:
        import json

        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def export_case(case_row: m.Case, out: str | Path) -> list[Path]:
    """The case file and its documents: into a folder (case.yaml beside them), a named case file
    (.yaml/.yml/.json, documents beside it), or a .zip holding both."""
    out = Path(out)
    with tempfile.TemporaryDirectory(prefix="billadvocate-export-") as tmp:
        case = materialize(case_row, Path(tmp))
        rels = [d.path for d in case_row.documents.all()]
        if out.suffix.lower() == ".zip":
            text = case_file_text(case)
            file_target(out)
            out.parent.mkdir(parents=True, exist_ok=True)
            fd, part = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
            os.close(fd)
            try:
                with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as z:
                    z.writestr("case.yaml", text)
                    for rel in dict.fromkeys(rels):
                        z.write(Path(tmp) / rel, rel)
                os.replace(part, out)
            except BaseException:
                Path(part).unlink(missing_ok=True)  # a full disk leaves the old file, not half a new one
                raise
            written = [out]
        else:
            target = out / "case.yaml" if out.is_dir() or not out.suffix else out
            text = case_file_text(case, as_json=target.suffix.lower() == ".json")
            written = []
            for rel in dict.fromkeys(rels):
                written.append(atomic_write(target.parent / rel, (Path(tmp) / rel).read_bytes()))
            written.insert(0, atomic_write(target, text))
    with transaction.atomic():
        audit.record("export", case_row, after={"to": str(out)})
    return written


# ---------------------------------------------------------------- the log and documents


def log_event(case_row: m.Case, event: model.Event, *, account_key: str | None = None, user=None) -> m.Event:
    """Add one entry to an account's log, in time order (two writers at once both land)."""
    zone = mapping.to_canonical_zone(case_row)
    with transaction.atomic():
        account = m.Account.objects.select_for_update().get(pk=account_of(case_row, account_key).pk)
        instant = mapping.event_instant(event.at, zone)
        later = account.events.filter(at__gt=instant)
        position = later.order_by("position").values_list("position", flat=True).first()
        if position is None:
            position = (account.events.aggregate(p=Max("position"))["p"] if account.events.exists() else -1) + 1
        else:
            later_all = account.events.filter(position__gte=position)
            later_all.update(position=F("position") + 1)
        row = mapping.event_row(account, event, position, zone)
        row.recorded_by_id = getattr(user, "pk", None)
        row.save()
        m.Case.objects.filter(pk=case_row.pk).update(updated_at=row.recorded_at)
    return row


READ_HERE = object()  # add_document's default: read a bill or an EOB now


def add_document(case_row: m.Case, file: Path, *, role: str = "other", account_key: str | None = None,
                 note: str | None = None, user=None, read: dict | None | object = READ_HERE) -> m.Document:
    """Keep a file with the case (by content); a bill or EOB joins its account's list.

    What was read from it is kept with it: by default a bill or an EOB is read here (an OCR of a photo
    takes seconds); a caller that has read it already (the web reads an uploaded bill in the
    background) passes that record as `read` (see `bill_read_record`; {"problem": ...} when it could
    not be read, None when there is nothing to keep), and nothing is read again."""
    file = Path(file)
    if read is not READ_HERE and read is not None and not isinstance(read, dict):
        raise TypeError("read= takes what was read (a dict) or None")
    if not file.is_file():
        raise BadInput("no such file: check the path", file=str(file))
    if role not in m.Document.ROLES:
        raise BadInput(f"--as {role!r}: use one of {', '.join(m.Document.ROLES)}")
    needs_account = role in ("bill", "eob")
    account = account_of(case_row, account_key) if (needs_account or account_key) else None
    stored = blobs.put_file(file)
    try:
        with transaction.atomic():
            taken = set(case_row.documents.values_list("path", flat=True))
            rel = _free_path(f"{'bills' if role == 'bill' else 'eobs' if role == 'eob' else 'documents'}/{file.name}",
                             taken)
            position = (case_row.documents.aggregate(p=Max("position"))["p"] or 0) + 1
            if read is READ_HERE:
                read = _read(file, role)
            doc = _document(case_row, account, role, rel, stored, position, getattr(user, "pk", None),
                            note=note, read=read)
            m.Case.objects.filter(pk=case_row.pk).update(updated_at=doc.added_at)
            mapping.to_canonical(case_row)  # the case must still be a valid case file
        blobs.settle([stored.sha256])
        return doc
    except BaseException:
        if stored.created:
            blobs.discard(stored.sha256)
        raise


def _free_path(rel: str, taken: set[str]) -> str:
    if rel not in taken:
        return rel
    stem, dot, ext = rel.rpartition(".")
    if not dot:
        stem, ext = rel, ""
    n = 2
    while f"{stem}-{n}{dot}{ext}" in taken:
        n += 1
    return f"{stem}-{n}{dot}{ext}"


def bill_read_record(bill) -> dict:
    """What is kept with a bill's document from the bill as ingest.read_bill read it."""
    return {"format": bill.format, "lines": len(bill.lines), "total_charges": str(bill.total_charges),
            "notes": list(bill.notes)}


def _read(file: Path, role: str) -> dict | None:
    """What could be read from a bill or an EOB (kept with the document); a problem is noted, not fatal."""
    from ..ingest import read_bill, read_eob

    try:
        if role == "bill":
            return bill_read_record(read_bill(file))
        if role == "eob":
            eob = read_eob(file)
            claims = getattr(eob, "claims", [])
            return {"format": eob.format, "payer": eob.payer, "claims": len(claims),
                    "lines": sum(len(getattr(c, "lines", [])) for c in claims)}
    except BadInput as e:
        return {"problem": e.problem}
    except Exception as e:  # a reader's own bug must not cost the user their import
        return {"problem": f"could not be read ({type(e).__name__})"}
    return None


def now_in(case_row: m.Case) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime.now(ZoneInfo(mapping.to_canonical_zone(case_row))).replace(microsecond=0)


def parse_when(text: str | None, case_row: m.Case) -> date | datetime:
    """--at: YYYY-MM-DD, or a date-time (in the patient's zone unless it names an offset); default now."""
    if not text:
        return now_in(case_row)
    text = text.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        when = datetime.fromisoformat(text.replace(" ", "T", 1))
    except ValueError:
        raise BadInput(f"--at {text!r} is not a date or time: write YYYY-MM-DD or YYYY-MM-DDTHH:MM")
    if when.tzinfo is None:  # a clock time is the patient's: keep the offset it had that day
        from zoneinfo import ZoneInfo

        when = when.replace(tzinfo=ZoneInfo(mapping.to_canonical_zone(case_row)))
    return when
