"""The hospital search the intake offers as the patient types the hospital's name (CMS list, no network)."""

from __future__ import annotations

import re

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from ...hospitals import find, load

FIELDS = ("ccn", "name", "address", "city", "state", "zip", "type", "ownership", "nonprofit", "nonprofit_reason",
          "emergency", "score")


@login_required
@require_GET
def hospital_search(request):
    """GET ?q=NAME[&state=XX]: up to 8 hospitals, best first, as `hospital find --json` gives them."""
    q = (request.GET.get("q") or "").strip()[:200]
    state = (request.GET.get("state") or "").strip().upper()
    state = state if re.fullmatch(r"[A-Z]{2}", state) else None
    d = load()
    if len(q) < 3 or d is None:
        return JsonResponse({"hospitals": [], "source": d.label if d else None})
    found = find(d, q, state=state, limit=8)
    if state and not found:  # the hospital may be in another state than the patient's
        found = find(d, q, limit=8)
    return JsonResponse({"hospitals": [{k: h[k] for k in FIELDS} for h in found], "source": d.label})
