"""The first run of `billadvocate serve`: an administrator account, made once, with a random
password that is printed once and never stored in clear."""

from __future__ import annotations

import secrets

from django.contrib.auth import get_user_model
from django.db import transaction

from .models import ADMIN, Profile


def ensure_admin(username: str = "admin") -> str | None:
    """Create the administrator when no user exists yet; return its password (else None)."""
    User = get_user_model()
    with transaction.atomic():
        if User.objects.exists():
            return None
        password = secrets.token_urlsafe(12)
        user = User.objects.create_superuser(username=username, email=None, password=password)
        Profile.objects.create(user=user, role=ADMIN)
    return password
