"""Who may see and do what: the ONE place where access is decided.

- an administrator sees every case;
- an advocate sees the cases assigned to them (the store's Case.assigned_to);
- a client sees their own case (also Case.assigned_to), and cannot do advocate-only things.

Every view that touches a case gets it from `case_for` (usually through the `case_view`
decorator); every object inside a case (document, event, letter, deadline) is then looked up
through that case, so an id from another case is simply not found. A case the user may not
see is answered with 404, never 403, so its existence is not revealed.
"""

from __future__ import annotations

from functools import wraps
from zoneinfo import ZoneInfo

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone

from ..store.mapping import to_canonical_zone

from .models import ADMIN, ADVOCATE, CLIENT, Profile

# What each role may do on a case it can see.
ACTIONS = {
    "view": {ADMIN, ADVOCATE, CLIENT},
    "edit": {ADMIN, ADVOCATE, CLIENT},  # intake, log, letters, reminders
    "manage": {ADMIN, ADVOCATE},  # give a client access, delete
}
# What each role may do outside any one case.
WORKBENCH = {ADMIN, ADVOCATE}  # dashboard, search, batch letters, export
CREATE_CASE = {ADMIN, ADVOCATE, CLIENT}


def role_of(user) -> str | None:
    """The user's role; superusers are administrators; None for anonymous users."""
    if not getattr(user, "is_authenticated", False):
        return None
    if user.is_superuser:
        return ADMIN
    try:
        return user.profile.role
    except Profile.DoesNotExist:
        return CLIENT


def visible_cases(user):
    """The cases this user may open, as a queryset of store cases."""
    from billadvocate.store.models import Case

    role = role_of(user)
    if role is None:
        return Case.objects.none()
    if role == ADMIN:
        return Case.objects.all()
    return Case.objects.filter(assigned_to=user).distinct()


def case_for(user, case_id, action: str = "view"):
    """The case `case_id` if this user may do `action` on it; Http404 when they may not see it."""
    from billadvocate.store.models import Case

    try:
        case = visible_cases(user).get(pk=int(case_id))
    except (ValueError, TypeError, Case.DoesNotExist):
        raise Http404("no such case")
    if role_of(user) not in ACTIONS[action]:
        raise PermissionDenied
    return case


def can(user, action: str, case=None) -> bool:
    """For templates: may this user do `action` (on `case`, or on the workbench)?"""
    role = role_of(user)
    if action == "workbench":
        return role in WORKBENCH
    if action == "create_case":
        return role in CREATE_CASE
    if case is None:
        return False
    return role in ACTIONS[action] and visible_cases(user).filter(pk=case.pk).exists()


def grant(user, case) -> None:
    """Let `user` open `case` (an advocate assigned, or the client whose case it is)."""
    case.assigned_to.add(user)


def case_view(action: str = "view"):
    """Decorator: resolve the URL's case_id to a case this user may `action`, or 404/403."""

    def decorate(view):
        @login_required
        @wraps(view)
        def wrapper(request, case_id, *args, **kwargs):
            case = case_for(request.user, case_id, action)
            # every time typed or shown on a case's pages is in the case's zone (the patient's
            # state by default), never the server's: a 10:00 call in Fresno is 10:00 in Fresno
            with timezone.override(ZoneInfo(to_canonical_zone(case))):
                return view(request, case, *args, **kwargs)

        wrapper.case_action = action
        return wrapper

    return decorate


def workbench_view(view):
    """Decorator: only administrators and advocates (pages across many cases)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if role_of(request.user) not in WORKBENCH:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
