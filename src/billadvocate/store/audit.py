"""The append-only audit trail: every change to a store row, who made it, when, before and after.

Recorded from Django's model signals, so a change through the CLI, the web app or the admin is
kept alike (bulk `QuerySet.update()` bypasses signals: the store uses it only to renumber
positions). Who: `acting_as(user=..., name=...)` around a change; the CLI names the OS user.
"""

from __future__ import annotations

import contextlib
import contextvars
import json
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

_actor: contextvars.ContextVar[tuple[int | None, str]] = contextvars.ContextVar(
    "billadvocate_actor", default=(None, "system"))
_TRACKED: set[type] = set()
_paused: contextvars.ContextVar[bool] = contextvars.ContextVar("billadvocate_audit_paused", default=False)


@contextlib.contextmanager
def acting_as(user=None, name: str | None = None):
    """Attribute the changes made inside to a user (and/or a name such as 'cli:alice')."""
    user_id = getattr(user, "pk", None)
    label = name or (getattr(user, "get_username", lambda: None)() if user is not None else None) or "system"
    token = _actor.set((user_id, label))
    try:
        yield
    finally:
        _actor.reset(token)


@contextlib.contextmanager
def paused():
    """No entries while loading a backup: the backup brings its own trail."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def current_actor() -> tuple[int | None, str]:
    return _actor.get()


def snapshot(instance) -> dict[str, Any]:
    """A row's column values as JSON-ready data."""
    data = {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _case_id(instance) -> int | None:
    from .models import Case

    if isinstance(instance, Case):
        return instance.pk
    return getattr(instance, "case_id", None)


def record(action: str, instance=None, *, model: str | None = None, object_id: Any = None,
           case_id: int | None = None, before: Any = None, after: Any = None) -> None:
    """Append one entry to the trail (also for actions that are not a row change, e.g. 'export')."""
    from .models import AuditEntry

    if _paused.get():
        return
    actor_id, actor = current_actor()
    AuditEntry.objects.create(
        actor_id=actor_id, actor=actor, action=action,
        model=model or (instance._meta.label if instance is not None else ""),
        object_id=str(object_id if object_id is not None else getattr(instance, "pk", "")),
        case_id=case_id if case_id is not None else (_case_id(instance) if instance is not None else None),
        before=before, after=after)


def record_created(rows: list) -> None:
    """One 'create' entry per row for rows inserted with bulk_create (which sends no signals)."""
    from .models import AuditEntry

    if _paused.get() or not rows:
        return
    actor_id, actor = current_actor()
    AuditEntry.objects.bulk_create([
        AuditEntry(actor_id=actor_id, actor=actor, action="create", model=r._meta.label, object_id=str(r.pk),
                   case_id=_case_id(r), after=snapshot(r)) for r in rows], batch_size=500)


def _pre_save(sender, instance, raw=False, **kwargs):
    if raw or instance.pk is None or instance._state.adding:
        instance._audit_before = None
        return
    old = sender._default_manager.filter(pk=instance.pk).first()
    instance._audit_before = snapshot(old) if old is not None else None


def _post_save(sender, instance, created, raw=False, **kwargs):
    if raw:  # loading a backup: the backup's own trail comes with it
        return
    after = snapshot(instance)
    before = getattr(instance, "_audit_before", None)
    if created or before is None:
        record("create", instance, after=after)
        return
    changed = sorted(k for k in after if before.get(k) != after.get(k) and k != "updated_at")
    if changed:
        record("update", instance, before={k: before.get(k) for k in changed},
               after={k: after[k] for k in changed})


def _post_delete(sender, instance, **kwargs):
    record("delete", instance, before=snapshot(instance))


def _m2m(sender, instance, action, pk_set, model, **kwargs):
    if action in ("post_add", "post_remove") and pk_set:
        field = sender._meta.model_name
        record(action.removeprefix("post_"), instance, after={field: sorted(pk_set)})


def track(model) -> None:
    """Record every change of this model in the trail (the web app may track its own models)."""
    if model in _TRACKED:
        return
    _TRACKED.add(model)
    uid = f"billadvocate-audit-{model._meta.label}"
    pre_save.connect(_pre_save, sender=model, dispatch_uid=uid + "-pre")
    post_save.connect(_post_save, sender=model, dispatch_uid=uid + "-post")
    post_delete.connect(_post_delete, sender=model, dispatch_uid=uid + "-del")
    for field in model._meta.many_to_many:
        m2m_changed.connect(_m2m, sender=field.remote_field.through, dispatch_uid=uid + "-" + field.name)


def connect() -> None:
    from . import models

    for model in (models.Case, models.Person, models.Household, models.Account, models.Document,
                  models.Event, models.Tradeline, models.Deadline, models.Letter):
        track(model)
