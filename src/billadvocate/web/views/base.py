"""Logging in and out, the start page, the account page, and what every template knows."""

from __future__ import annotations

import time

from django.contrib import messages
from django.contrib.auth import login, logout, update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.http import require_POST

from .. import throttle
from ..permissions import WORKBENCH, role_of, visible_cases
from ..security import SESSION_STARTED


def context(request) -> dict:
    """Template context for every page: the user's role and whether the workbench is theirs."""
    role = role_of(getattr(request, "user", None))
    return {"ba_role": role, "ba_workbench": role in WORKBENCH}


@never_cache
@csrf_protect
def login_view(request):
    """Log in; five failures of one user name from one address pause that pair (throttle.py)."""
    next_url = request.POST.get("next") or request.GET.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                           require_https=request.is_secure()):
        next_url = "/"
    if request.user.is_authenticated and request.method == "GET":
        return redirect(next_url)
    form = AuthenticationForm(request, data=request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            user = form.get_user()
            login(request, user)
            request.session[SESSION_STARTED] = time.time()
            response = redirect(next_url)
            language = getattr(getattr(user, "profile", None), "language", None)
            if language:
                translation.activate(language)
                response.set_cookie("django_language", language, samesite="Lax", httponly=True)
            return response
        if getattr(request, "axes_locked_out", False):
            return throttle.locked_out(request)
    return render(request, "web/login.html", {
        "form": form, "blocked": False, "next": next_url, "expired": request.GET.get("expired")})


@require_POST
def logout_view(request):
    logout(request)
    return redirect("web:login")


@login_required
def home(request):
    """The start page: the workbench for advocates, the case (or a new intake) for a client."""
    role = role_of(request.user)
    if role in WORKBENCH:
        return redirect("web:dashboard")
    cases = list(visible_cases(request.user).order_by("-id")[:2])
    if len(cases) == 1:
        return redirect("web:case", case_id=cases[0].pk)
    return render(request, "web/home.html", {"cases": visible_cases(request.user).order_by("-id")})


@login_required
def account(request):
    """Change one's own password."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        messages.success(request, _("Your password was changed."))
        return redirect("web:account")
    return render(request, "web/form_page.html", {"form": form, "heading": _("Your account"),
                                                  "intro": _("Change your password."),
                                                  "submit": _("Change password")})


def not_found(request, exception=None):
    return render(request, "web/error.html", {"heading": _("Not found"),
                                              "detail": _("This page does not exist, or it is not yours to see.")},
                  status=404)


def forbidden(request, exception=None):
    return render(request, "web/error.html", {"heading": _("Not allowed"),
                                              "detail": _("Your account cannot do this.")}, status=403)


def server_error(request):
    return render(request, "web/error.html", {"heading": _("Something went wrong"),
                                              "detail": _("The error was recorded without your data. Please try again.")},
                  status=500)


def csrf_failure(request, reason=""):
    return render(request, "web/error.html", {"heading": _("The form expired"),
                                              "detail": _("Go back, reload the page and send the form again.")},
                  status=403)
