"""What a backup may bring into a store, checked row by row before anything is written.

A backup is a file somebody hands the operator: it may have been edited. Every row must belong to
a table a backup holds, name only fields that table has, and carry values its columns and the case
model accept (dates 1900-2100, amounts up to 100 million, text of sane length). A document row
names a file only by a hex SHA-256 the archive holds, and its path stays relative. Users come in
only when the operator says so (`--with-users`); administrators (superuser, staff, permissions,
the admin role) only with `--with-admins`.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist, ValidationError

from .. import model
from ..errors import BadInput

MAX_DEPTH = 20
_USER_TABLES = {"auth.user", "auth.group", "web.profile"}


def rows_digest(rows: list[dict]) -> dict[str, dict]:
    """Per table: how many rows and a SHA-256 of them (canonical JSON), for the manifest."""
    groups: dict[str, list] = defaultdict(list)
    for row in rows:
        groups[str(row.get("model", "")).lower()].append(row)
    return {label: {"count": len(items), "sha256": _digest(items)} for label, items in sorted(groups.items())}


def _digest(items: list) -> str:
    return hashlib.sha256(json.dumps(items, sort_keys=True, separators=(",", ":"),
                                     ensure_ascii=False).encode()).hexdigest()


def users_of(rows: list[dict]) -> list[dict]:
    """The user accounts a backup holds, and which are administrators (listed in the manifest)."""
    return [{"username": r["fields"].get("username"), "superuser": bool(r["fields"].get("is_superuser")),
             "staff": bool(r["fields"].get("is_staff"))}
            for r in rows if str(r.get("model", "")).lower() == "auth.user" and isinstance(r.get("fields"), dict)]


def parse(data: bytes, *, file: str) -> list[dict]:
    try:
        rows = json.loads(data)
    except (ValueError, RecursionError):
        raise BadInput("data.json is not readable JSON: the backup is damaged", file=file)
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise BadInput("data.json is not a list of rows: the backup is damaged", file=file, where="data.json")
    return rows


def check_manifest_rows(rows: list[dict], manifest: dict, *, file: str) -> None:
    """Each table's rows as the manifest counted and hashed them (a changed, added or dropped row)."""
    listed = manifest.get("rows")
    if listed is None:  # a version 1 backup: no row hashes, the rows are still checked one by one
        return
    if not isinstance(listed, dict):
        raise BadInput("the manifest's row list is damaged", file=file, where="manifest.json")
    found = rows_digest(rows)
    for label in sorted(set(found) | set(listed)):
        if found.get(label) != listed.get(label):
            raise BadInput(f"the rows of {label} are not the ones the backup was made with (a row was changed, "
                           "added or removed): refused", file=file, where="data.json")


def check_rows(rows: list[dict], *, allowed: set[str], documents: set[str], file: str,
               with_users: bool, with_admins: bool) -> None:
    """Every row against its table and the case model's limits; raises BadInput naming the first bad one."""
    users = [r for r in rows if str(r.get("model", "")).lower() == "auth.user"]
    if users and not with_users:
        names = ", ".join(str((r.get("fields") or {}).get("username"))[:40] for r in users[:5])
        raise BadInput(f"the backup holds {len(users)} user account(s) ({names}): restore them only if you "
                       "trust the backup, with --with-users", file=file, where="data.json")
    for i, row in enumerate(rows):
        where = f"data.json row {i + 1}"
        label = str(row.get("model", "")).lower()
        if label not in allowed:
            raise BadInput(f"holds a row of {label[:60]!r}, which no backup holds: refused", file=file, where=where)
        fields = row.get("fields")
        if not isinstance(fields, dict):
            raise BadInput("a row without fields: the backup is damaged", file=file, where=where)
        _check_pk(row.get("pk"), file=file, where=where)
        table = apps.get_model(label)
        for name, value in fields.items():
            _check_field(table, name, value, file=file, where=f"{where} ({label}.{name})")
        if label == "store.document":
            _check_document(fields, documents, file=file, where=where)
        if label in _USER_TABLES and not with_admins:
            _check_not_admin(label, fields, file=file, where=where)


def _check_pk(pk: Any, *, file: str, where: str) -> None:
    if pk is not None and not (isinstance(pk, int) and not isinstance(pk, bool) and 0 < pk < 2 ** 63):
        raise BadInput(f"row id {str(pk)[:40]!r} is not a positive whole number", file=file, where=where)


def _check_field(table, name: str, value: Any, *, file: str, where: str) -> None:
    try:
        field = table._meta.get_field(name)
    except FieldDoesNotExist:
        raise BadInput(f"names a field {name[:60]!r} the table does not have: refused", file=file, where=where)
    try:
        _sane(value, 0)
    except ValueError as e:
        raise BadInput(f"{e}", file=file, where=where)
    if field.is_relation:
        refs = value if field.many_to_many else [value]
        if not isinstance(refs, list) or not all(_is_ref(v) for v in refs):
            raise BadInput("a reference that is neither a row id nor a user name: the backup is damaged",
                           file=file, where=where)
        return
    try:
        clean = field.to_python(value)
        if clean in field.empty_values:
            if value is None and not field.null:
                raise ValidationError("an empty value where one is required")
        else:
            field.validate(clean, None)  # choices, JSON that serializes
            field.run_validators(clean)  # lengths, integer ranges
    except ValidationError as e:
        raise BadInput(f"{'; '.join(e.messages)[:200]}: the backup is damaged or was edited", file=file, where=where)
    if isinstance(clean, (date, datetime, Decimal)):  # the case model's bounds (ids and sizes are not amounts)
        try:
            model.check_sane(clean)
        except ValueError as e:
            raise BadInput(f"{e}", file=file, where=where)


def _is_ref(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, int) and not isinstance(v, bool):
        return v > 0
    return isinstance(v, list) and len(v) <= 3 and all(isinstance(x, str) and len(x) <= 150 for x in v)


def _sane(value: Any, depth: int) -> None:
    """Nested JSON values: not too deep, every leaf within the case model's limits."""
    if depth > MAX_DEPTH:
        raise ValueError(f"is nested more than {MAX_DEPTH} levels deep")
    if isinstance(value, dict):
        for k, v in value.items():
            model.check_sane(k)
            _sane(v, depth + 1)
    elif isinstance(value, list):
        for v in value:
            _sane(v, depth + 1)
    elif isinstance(value, (float, Decimal, str, date, datetime)):  # ints are ids and sizes, checked by columns
        model.check_sane(value)


def _check_document(fields: dict, documents: set[str], *, file: str, where: str) -> None:
    sha = fields.get("sha256")
    if sha not in documents:
        raise BadInput("a document row names a file the backup does not hold (or not by its SHA-256): refused",
                       file=file, where=f"{where} (store.document.sha256)")
    path = fields.get("path")
    if not isinstance(path, str) or not path or any(ord(c) < 32 for c in path) \
            or PurePosixPath(path).is_absolute() or PureWindowsPath(path).is_absolute() \
            or PureWindowsPath(path).drive or path.startswith("~") or ".." in PureWindowsPath(path).parts:
        raise BadInput(f"document path {str(path)[:80]!r} is not a path inside a case folder: refused",
                       file=file, where=f"{where} (store.document.path)")


def _check_not_admin(label: str, fields: dict, *, file: str, where: str) -> None:
    admin = (label == "auth.user" and (fields.get("is_superuser") or fields.get("is_staff")
                                       or fields.get("user_permissions") or fields.get("groups"))) \
        or (label == "auth.group" and fields.get("permissions")) \
        or (label == "web.profile" and fields.get("role") == "admin")
    if admin:
        who = fields.get("username") or fields.get("name") or "a user"
        raise BadInput(f"the backup makes {str(who)[:40]!r} an administrator (superuser, staff, permissions or "
                       "the admin role): restore administrators only if you trust the backup, with --with-admins",
                       file=file, where=where)
