"""Backup and restore: the whole store (every case, user, log and audit entry, and the documents)
in one .zip that works across databases (a SQLite store restores into PostgreSQL and back).

The archive holds manifest.json (format, counts, each document's SHA-256), data.json (Django's
serialized rows, natural keys for users) and documents/<sha256>. Restore goes into an empty store
only, checks every document against its hash first, and loads the rows in one transaction.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from ..errors import BadInput
from . import audit, blobs
from . import models as m

FORMAT = "billadvocate-backup"
VERSION = 1
SKIP_MODELS = {"contenttypes.contenttype", "auth.permission", "sessions.session", "admin.logentry"}


def _labels() -> list[str]:
    """Every model with rows worth keeping (the web app's too), as app_label.ModelName."""
    out = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if label not in SKIP_MODELS and not model._meta.proxy and model._meta.managed:
            out.append(model._meta.label)
    return out


def backup(file: str | Path) -> dict:
    """Write the whole store to FILE (.zip), atomically. Returns what it holds."""
    file = Path(file)
    buf = io.StringIO()
    with transaction.atomic():
        if connection.vendor == "postgresql":  # one snapshot for every table
            with connection.cursor() as cur:
                cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        call_command("dumpdata", *_labels(), natural_foreign=True, indent=None, stdout=buf, verbosity=0)
        shas = sorted(set(m.Document.objects.values_list("sha256", flat=True)))
        counts = {"cases": m.Case.objects.count(), "events": m.Event.objects.count(),
                  "documents": len(shas), "audit_entries": m.AuditEntry.objects.count()}
    missing = [s for s in shas if not blobs.path_of(s).is_file()]
    if missing:
        raise BadInput(f"{len(missing)} document file(s) are missing from the data folder, e.g. {missing[0]}",
                       file=str(blobs.root()))
    manifest = {"format": FORMAT, "version": VERSION, "created_at": timezone.now().isoformat(),
                "database": connection.vendor, "counts": counts,
                "documents": {s: blobs.path_of(s).stat().st_size for s in shas}}
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".part")
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.json", json.dumps(manifest, indent=2))
            z.writestr("data.json", buf.getvalue())
            for sha in shas:
                z.write(blobs.path_of(sha), f"documents/{sha}")
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return {"file": str(file), **counts, "bytes": file.stat().st_size}


def _read_manifest(z: zipfile.ZipFile, file: str) -> dict:
    try:
        manifest = json.loads(z.read("manifest.json"))
    except (KeyError, ValueError):
        raise BadInput("is not a billadvocate backup (no readable manifest.json)", file=file)
    if manifest.get("format") != FORMAT:
        raise BadInput("is not a billadvocate backup", file=file, where="manifest.json")
    if manifest.get("version") != VERSION:
        raise BadInput(f"backup version {manifest.get('version')} is not supported (this is {VERSION})",
                       file=file, where="manifest.json")
    return manifest


def restore(file: str | Path) -> dict:
    """Load a backup into an empty store: all of it, or (on any problem) nothing."""
    file = Path(file)
    name = str(file)
    if not file.is_file():
        raise BadInput("no such file: check the path to the backup", file=name)
    from django.contrib.auth import get_user_model

    held = m.Case.objects.count()
    users = get_user_model().objects.count()
    if held or users:
        raise BadInput(f"the store already holds {held} case(s) and {users} user(s): restore into an empty "
                       "store (a new BILLADVOCATE_HOME or an empty database)")
    added: list[str] = []
    try:
        with zipfile.ZipFile(file) as z:
            manifest = _read_manifest(z, name)
            for sha, size in manifest["documents"].items():
                try:
                    data = z.read(f"documents/{sha}")
                except KeyError:
                    raise BadInput(f"document {sha} is listed but not in the archive", file=name)
                stored = blobs.put_bytes(data)
                if stored.sha256 != sha or stored.size != size:
                    if stored.created:
                        blobs.discard(stored.sha256)
                    raise BadInput(f"document {sha} does not match its hash: the backup is damaged",
                                   file=name, where=f"documents/{sha}")
                if stored.created:
                    added.append(sha)
            with tempfile.TemporaryDirectory(prefix="billadvocate-restore-") as tmp:
                data_path = Path(tmp) / "data.json"
                data_path.write_bytes(z.read("data.json"))
                with transaction.atomic():
                    with audit.paused():
                        call_command("loaddata", str(data_path), verbosity=0)
                    audit.record("restore", model="store.Backup", object_id=file.name,
                                 after={"file": name, "counts": manifest["counts"]})
    except zipfile.BadZipFile:
        _discard(added)
        raise BadInput("is not a readable .zip archive", file=name)
    except BaseException:
        _discard(added)
        raise
    return {"file": name, **manifest["counts"]}


def _discard(shas: list[str]) -> None:
    for sha in shas:
        blobs.discard(sha)
