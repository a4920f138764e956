"""Letters: the ones this case needs (and why), preview, edit, download as PDF or DOCX, mark as
sent. The wording comes from billadvocate.letters; an edit changes the subject and body only."""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import datetime, time
from pathlib import Path

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ... import model
from ...errors import BadInput
from ...store import cases as store
from ...store import models as m
from .. import casework
from ..forms import LetterEditForm, LetterSentForm
from ..models import LetterDraft
from ..permissions import can, case_view

try:  # the letters package (issue 7); the pages say so when it is missing from a build
    from ... import letters as L
    from ...letters.compose import parse_markup
    from ...letters.document import Bullets, Heading, Paragraph, Table
except ImportError:  # pragma: no cover
    L = None

CONTENT_TYPES = {"pdf": "application/pdf",
                 "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}


def body_text(letter) -> str:
    """The letter's body in the templates' markup: paragraphs, '## ' headings, '- ' bullets,
    and '[[table:N]]' where a table stands (tables are kept as they are)."""
    out, n = [], 0
    for b in letter.body:
        if isinstance(b, Paragraph):
            out.append(b.text)
        elif isinstance(b, Heading):
            out.append(f"## {b.text}")
        elif isinstance(b, Bullets):
            out.append("\n".join(f"- {item}" for item in b.items))
        elif isinstance(b, Table):
            n += 1
            out.append(f"[[table:{n}]]")
    return "\n\n".join(out)


def apply_edit(letter, subject: str, text: str):
    """The letter with its subject and body replaced by the edited text (tables kept by number)."""
    tables = {str(i): t for i, t in enumerate((b for b in letter.body if isinstance(b, Table)), start=1)}
    lines = [ln if not (ln.strip().startswith("[[table:") and ln.strip()[8:-2] not in tables) else ""
             for ln in text.splitlines()]
    body, extra = parse_markup("\n".join(lines), tables, letter.lang)
    letter.subject = subject.strip() or letter.subject
    letter.body = body
    letter.attachments = [*extra, *letter.attachments]
    return letter


def _lang(request, case_row) -> str:
    lang = request.GET.get("lang") or request.POST.get("lang")
    if lang in L.LANGUAGES:
        return lang
    patient = casework.patient_of(case_row)
    if patient and patient.language in L.LANGUAGES:
        return patient.language
    return (get_language() or "en")[:2] if (get_language() or "en")[:2] in L.LANGUAGES else "en"


def _letter(case_row, result, letter_type, account_key, lang, *, edited=True):
    """The letter (with the saved edit, if any) or raise BadInput / MissingFact."""
    k = L.kind(letter_type)
    letter = L.letter_for(result, letter_type, account_id=None if k.case_level else account_key, lang=lang)
    if edited:
        draft = LetterDraft.objects.filter(case=case_row, account_key=account_key or "", type=letter_type,
                                           lang=lang).first()
        if draft is not None:
            letter = apply_edit(letter, draft.subject, draft.body)
    return letter


def needed_letters(result) -> list[dict]:
    """Each account's letters: the ones the case needs (with the reason) first, then the others."""
    out = []
    for review in result.accounts:
        facts_reason = {}
        for k in L.all_kinds():
            if k.case_level:
                continue
            try:
                facts = L.facts_for(result, k.type, account_id=review.account.id)
                facts_reason[k.type] = k.when(facts)
            except BadInput:
                facts_reason[k.type] = None
        items = [{"type": k.type, "title": k.title, "why": facts_reason.get(k.type)} for k in L.all_kinds()
                 if not k.case_level]
        items.sort(key=lambda i: i["why"] is None)
        out.append({"account": review.account, "letters": items})
    return out


def _unavailable(request, case_row):
    return render(request, "web/error.html", {
        "heading": _("Letters"), "detail": _("Letters are not part of this installation.")}, status=404)


@case_view("edit")
def letters(request, case_row):
    if L is None:
        return _unavailable(request, case_row)
    missing = casework.missing_for_review(case_row)
    if missing:
        return redirect("web:intake", case_id=case_row.pk, step=missing)
    result, problem = casework.try_review(case_row)
    sent = m.Letter.objects.filter(case=case_row).select_related("account").order_by("-id")
    return render(request, "web/letters.html", {
        "case": case_row, "problem": problem, "groups": needed_letters(result) if result else [],
        "sent": sent, "can_manage": can(request.user, "manage", case_row)})


def _type_or_404(letter_type):
    if L is None:
        raise Http404("letters are not part of this installation")
    if letter_type not in L.LETTER_TYPES or L.kind(letter_type).case_level:
        raise Http404("no such letter type")


@case_view("edit")
def letter(request, case_row, letter_type):
    """Preview and edit one letter; download it; mark it as sent."""
    _type_or_404(letter_type)
    account_key = request.GET.get("account") or request.POST.get("account") or ""
    if not case_row.accounts.filter(key=account_key).exists():
        first = case_row.accounts.order_by("position").first()
        if first is None:
            return redirect("web:intake", case_id=case_row.pk, step="bill")
        account_key = first.key
    lang = _lang(request, case_row)
    result, problem = casework.try_review(case_row)
    letter_obj, missing = None, None
    if result is not None:
        try:
            letter_obj = _letter(case_row, result, letter_type, account_key, lang)
        except BadInput as e:
            missing = e.problem if not e.where else f"{e.where}: {e.problem}"
    form = None
    if letter_obj is not None:
        form = LetterEditForm(request.POST or None, initial={"text": body_text(letter_obj)})
        if request.method == "POST" and form.is_valid():
            subject = request.POST.get("subject", "")[:300]
            LetterDraft.objects.update_or_create(
                case=case_row, account_key=account_key, type=letter_type, lang=lang,
                defaults={"subject": subject or letter_obj.subject, "body": form.cleaned_data["text"],
                          "updated_by": request.user})
            messages.success(request, _("Your changes to the letter were saved."))
            return redirect(f"{request.path}?account={account_key}&lang={lang}")
    return render(request, "web/letter.html", {
        "case": case_row, "type": letter_type, "title": L.kind(letter_type).title, "account": account_key,
        "lang": lang, "letter": letter_obj, "preview": L.render(letter_obj, "txt").decode() if letter_obj else "",
        "form": form, "problem": problem, "missing": missing, "sent_form": LetterSentForm(),
        "edited": LetterDraft.objects.filter(case=case_row, account_key=account_key, type=letter_type,
                                             lang=lang).exists(),
        "can_manage": can(request.user, "manage", case_row)})


@require_POST
@case_view("edit")
def letter_reset(request, case_row, letter_type):
    _type_or_404(letter_type)
    account_key, lang = request.POST.get("account") or request.GET.get("account", ""), _lang(request, case_row)
    LetterDraft.objects.filter(case=case_row, account_key=account_key, type=letter_type, lang=lang).delete()
    messages.success(request, _("The letter is back to its original wording."))
    return redirect(f"{request.path.rsplit('/reset/', 1)[0]}/?account={account_key}&lang={lang}")


@case_view("edit")
def letter_download(request, case_row, letter_type, fmt):
    """The letter as PDF or DOCX (with the saved edit)."""
    _type_or_404(letter_type)
    if fmt not in CONTENT_TYPES:
        raise Http404("no such format")
    account_key = request.GET.get("account") or ""
    if not case_row.accounts.filter(key=account_key).exists():
        raise Http404("no such bill in this case")
    lang = _lang(request, case_row)
    result = casework.review(case_row)
    try:
        letter_obj = _letter(case_row, result, letter_type, account_key, lang)
    except BadInput as e:
        messages.error(request, e.problem)
        return redirect(f"/cases/{case_row.pk}/letters/{letter_type}/?account={account_key}&lang={lang}")
    data = L.render(letter_obj, fmt, as_of=result.as_of)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = f"{letter_obj.file_stem or letter_type}-{lang}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{"".join(c for c in name if c.isalnum() or c in "._-")}"'
    return response


@require_POST
@case_view("edit")
def letter_sent(request, case_row, letter_type):
    """Record that the letter went out: the letter kept as a PDF, a Letter row, and a log entry."""
    _type_or_404(letter_type)
    account_key = request.POST.get("account") or request.GET.get("account", "")
    account = case_row.accounts.filter(key=account_key).first()
    if account is None:
        raise Http404("no such bill in this case")
    lang = _lang(request, case_row)
    form = LetterSentForm(request.POST)
    back = f"/cases/{case_row.pk}/letters/{letter_type}/?account={account_key}&lang={lang}"
    if not form.is_valid():
        messages.error(request, _("Say how the letter was sent."))
        return redirect(back)
    d = form.cleaned_data
    result = casework.review(case_row)
    try:
        letter_obj = _letter(case_row, result, letter_type, account_key, lang)
    except BadInput as e:
        messages.error(request, e.problem)
        return redirect(back)
    sent_on = d.get("sent_on") or timezone.localdate()
    event = model.Event.model_validate({
        "at": sent_on.isoformat(), "kind": "letter", "from": "patient", "type": letter_type,
        "method": d["method"], "tracking": d.get("tracking") or None,
        "to": "collector" if account.collector and L.kind(letter_type).recipient in ("collector", "holder") else "provider"})
    with tempfile.TemporaryDirectory(prefix="billadvocate-letter-") as tmp:
        path = Path(tmp) / f"{letter_obj.file_stem or letter_type}-{lang}.pdf"
        path.write_bytes(L.render(letter_obj, "pdf", as_of=result.as_of))
        doc = store.add_document(case_row, path, role="letter", account_key=account_key, user=request.user,
                                 note=f"{letter_type} ({lang}), sent")
    row = store.log_event(case_row, event, account_key=account_key, user=request.user)
    m.Letter.objects.create(case=case_row, account=account, type=letter_type,
                            recipient=(letter_obj.recipient or [""])[0][:200], document=doc,
                            generated_at=timezone.now(),
                            sent_at=timezone.make_aware(datetime.combine(sent_on, time(12, 0))),
                            method=d["method"], tracking=d.get("tracking") or None, event=row)
    casework.touch(case_row)
    messages.success(request, _("Marked as sent, and added to the log."))
    return redirect(back)


def batch_zip(case_rows, letter_type: str, fmt: str, lang_default: str) -> tuple[bytes, list[str]]:
    """One letter of a type for each case (each bill) as a zip; the cases skipped, and why."""
    buf = io.BytesIO()
    skipped = []
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for case_row in case_rows:
            result, problem = casework.try_review(case_row)
            if result is None:
                skipped.append(f"case {case_row.pk}: {problem}")
                continue
            patient = casework.patient_of(case_row)
            lang = patient.language if patient and patient.language in L.LANGUAGES else lang_default
            for review in result.accounts:
                try:
                    letter_obj = _letter(case_row, result, letter_type, review.account.id, lang)
                except BadInput as e:
                    skipped.append(f"case {case_row.pk} / {review.account.id}: {e.problem}")
                    continue
                z.writestr(f"case-{case_row.pk}-{letter_obj.file_stem or letter_type}-{lang}.{fmt}",
                           L.render(letter_obj, fmt, as_of=result.as_of))
        if skipped:
            z.writestr("SKIPPED.txt", "\n".join(skipped) + "\n")
    return buf.getvalue(), skipped
