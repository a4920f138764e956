"""Backup and restore: the whole store (every case, user, log and audit entry, and the documents)
in one .zip that works across databases (a SQLite store restores into PostgreSQL and back).

The archive holds manifest.json (format, counts, the SHA-256 of every file and of each table's
rows, the user accounts it carries), data.json (Django's serialized rows, natural keys for users)
and documents/<sha256>. Restore goes into an empty store only. It reads the archive as a stream
within limits (archive.py), refuses any file the manifest does not list, checks every row against
its table and the case model (backup_check.py) and every document against its hash, and only then
loads the rows in one transaction; users come in only with --with-users, administrators only with
--with-admins.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path

from django.apps import apps
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import timezone

from .. import archive
from ..errors import BadInput
from ..util import file_target
from . import audit, backup_check, blobs
from . import models as m

FORMAT = "billadvocate-backup"
VERSION = 2  # 2: hashes of every file and of each table's rows, the users listed
READS = {1, 2}
SKIP_MODELS = {"contenttypes.contenttype", "auth.permission", "sessions.session", "admin.logentry",
               "web.loginfailure", "axes.accessattempt", "axes.accesslog", "axes.accessfailurelog"}
MANIFEST_MAX = 256 * 1024 * 1024


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
    data = buf.getvalue().encode()
    rows = json.loads(data)
    manifest = {"format": FORMAT, "version": VERSION, "created_at": timezone.now().isoformat(),
                "database": connection.vendor, "counts": counts,
                "documents": {s: blobs.path_of(s).stat().st_size for s in shas},
                "files": {"data.json": hashlib.sha256(data).hexdigest(), **{f"documents/{s}": s for s in shas}},
                "rows": backup_check.rows_digest(rows), "users": backup_check.users_of(rows)}
    file_target(file)
    file.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".part")  # 0600: it holds PHI
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("manifest.json", json.dumps(manifest, indent=2))
            z.writestr("data.json", data)
            for sha in shas:
                z.write(blobs.path_of(sha), f"documents/{sha}")
        with open(tmp, "rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, file)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return {"file": str(file), **counts, "bytes": file.stat().st_size}


def _read_manifest(z: archive.SafeZip, file: str) -> dict:
    try:
        manifest = json.loads(z.read("manifest.json", max_bytes=MANIFEST_MAX))
    except (KeyError, ValueError, RecursionError):
        raise BadInput("is not a billadvocate backup (no readable manifest.json)", file=file)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise BadInput("is not a billadvocate backup", file=file, where="manifest.json")
    if manifest.get("version") not in READS:
        raise BadInput(f"backup version {str(manifest.get('version'))[:20]} is not supported (this reads "
                       f"{', '.join(map(str, sorted(READS)))})", file=file, where="manifest.json")
    docs = manifest.get("documents")
    if not isinstance(docs, dict) or not all(
            blobs.is_sha256(s) and isinstance(n, int) and not isinstance(n, bool) and n >= 0 for s, n in docs.items()):
        raise BadInput("the manifest's document list is damaged (each must be a SHA-256 and a size)",
                       file=file, where="manifest.json")
    if not isinstance(manifest.get("counts"), dict):
        raise BadInput("the manifest's counts are missing", file=file, where="manifest.json")
    return manifest


def _check_entries(z: archive.SafeZip, manifest: dict, file: str) -> None:
    """The archive holds exactly the files its manifest lists (an extra file is refused)."""
    wanted = {"manifest.json", "data.json", *(f"documents/{s}" for s in manifest["documents"])}
    for name in z.names:
        if name not in wanted:
            raise BadInput(f"holds {name[:80]!r}, which its manifest does not list: refused", file=file)
    for name in sorted(wanted):
        if name not in z.names:
            raise BadInput(f"{name} is listed but not in the archive", file=file)
    listed = manifest.get("files")
    if manifest["version"] >= 2 and (not isinstance(listed, dict) or set(listed) != wanted - {"manifest.json"}):
        raise BadInput("the manifest's file list does not match the archive: refused", file=file,
                       where="manifest.json")


def restore(file: str | Path, *, with_users: bool = False, with_admins: bool = False) -> dict:
    """Load a backup into an empty store: all of it, or (on any problem) nothing.

    with_users: create the user accounts the backup holds; with_admins: also make the ones it
    marks as administrators so (otherwise such a backup is refused)."""
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
    staging = Path(tempfile.mkdtemp(prefix=".restore-", dir=blobs.root_made()))
    blobs.note_staging(staging)
    try:
        with archive.SafeZip(file, limits=archive.BACKUP) as z:
            manifest = _read_manifest(z, name)
            _check_entries(z, manifest, name)
            data = z.read("data.json")
            if manifest["version"] >= 2 and hashlib.sha256(data).hexdigest() != manifest["files"]["data.json"]:
                rows = backup_check.parse(data, file=name)
                backup_check.check_manifest_rows(rows, manifest, file=name)  # names the table when it can
                raise BadInput("data.json is not the one the backup was made with: refused", file=name)
            rows = backup_check.parse(data, file=name)
            backup_check.check_manifest_rows(rows, manifest, file=name)
            backup_check.check_rows(rows, allowed={x.lower() for x in _labels()}, documents=set(manifest["documents"]),
                                    file=name, with_users=with_users or with_admins, with_admins=with_admins)
            staged = {sha: _stage(z, sha, size, staging, name) for sha, size in manifest["documents"].items()}
        data_path = staging / "data.json"
        data_path.write_bytes(data)
        with transaction.atomic():
            with audit.paused():
                call_command("loaddata", str(data_path), verbosity=0)
            _check_cases(name)
            for sha, path in staged.items():
                stored = blobs.put_file(path)
                if stored.created:
                    added.append(sha)
            audit.record("restore", model="store.Backup", object_id=file.name[:64],
                         after={"file": name, "counts": manifest["counts"]})
        blobs.settle(added)
    except BaseException:
        _discard(added)
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return {"file": name, **{k: manifest["counts"].get(k) for k in ("cases", "events", "documents", "audit_entries")}}


def _stage(z: archive.SafeZip, sha: str, size: int, staging: Path, file: str) -> Path:
    """A document's bytes copied out of the archive and checked against its name and size."""
    target = staging / sha
    h = hashlib.sha256()

    class Hashing:
        def write(self, chunk: bytes) -> None:
            h.update(chunk)
            out.write(chunk)

    with open(target, "xb") as out:
        n = z.copy_to(f"documents/{sha}", Hashing())
    if h.hexdigest() != sha or n != size:
        raise BadInput(f"document {sha} does not match its hash: the backup is damaged",
                       file=file, where=f"documents/{sha}")
    return target


def _check_cases(file: str) -> None:
    """Every restored case must still read as a case file (the engines' model, its limits)."""
    from . import mapping

    for row in m.Case.objects.all():
        try:
            mapping.to_canonical(row)
        except BadInput as e:
            raise BadInput(f"case {row.pk} would not open after the restore ({e.problem}): refused",
                           file=file, where=e.where)
        except Exception as e:  # a row the mapping cannot even read
            raise BadInput(f"case {row.pk} would not open after the restore ({type(e).__name__}): refused",
                           file=file)


def _discard(shas: list[str]) -> None:
    for sha in shas:
        blobs.discard(sha)
