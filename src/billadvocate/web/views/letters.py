"""Letters: the ones this case needs (and why), preview, edit, download as PDF or DOCX, mark as
sent. The wording comes from billadvocate.letters; an edit changes the subject and body only."""

from __future__ import annotations

import io
import tempfile
import zipfile
from datetime import datetime, time
from pathlib import Path

from django.contrib import messages
from django.db import transaction
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
from ..intake_forms import BUREAU_CHOICES
from ..needs import place_for
from ..permissions import can, case_view

try:  # the letters package (issue 7); the pages say so when it is missing from a build
    from ... import letters as L
    from ...letters.compose import parse_markup
    from ...letters.facts import LetterFacts, first_missing
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


def _draft_key(account_key: str, bureau: str | None) -> str:
    """Whose draft: the bill's key, or for a letter to a credit bureau 'bureau-<name>'."""
    return f"bureau-{bureau}" if bureau else (account_key or "")


def _letter(case_row, result, letter_type, account_key, lang, *, edited=True, bureau=None):
    """The letter (with the saved edit, if any) or raise BadInput / MissingFact."""
    k = L.kind(letter_type)
    letter = L.letter_for(result, letter_type, account_id=None if k.case_level else account_key,
                          bureau=bureau if k.case_level else None, lang=lang)
    if edited:
        draft = LetterDraft.objects.filter(case=case_row, account_key=_draft_key(account_key, bureau),
                                           type=letter_type, lang=lang).first()
        if draft is not None:
            letter = apply_edit(letter, draft.subject, draft.body)
    return letter


def _item(case_row, k, facts, sent: list) -> dict:
    """One letter of the list: why the case needs it (None once it was sent), the fact it still
    lacks (in words, with the page and field to fill), and when it was sent."""
    try:
        why = k.when(facts)
    except BadInput:
        why = None
    need = first_missing(k.needs, facts)
    return {"type": k.type, "title": k.title, "why": None if sent else why, "sent": sent[0] if sent else None,
            "missing": place_for(case_row, need.path(facts)) if need is not None else None}


def needed_letters(result, case_row=None) -> list[dict]:
    """Each account's letters: the ones the case needs (with the reason) first, then the others.
    A letter marked as sent leaves 'needed' and says when it went."""
    out = []
    sent_rows = list(m.Letter.objects.filter(case=case_row).select_related("account").order_by("-sent_at")
                     ) if case_row is not None else []
    for review in result.accounts:
        items = []
        for k in L.all_kinds():
            if k.case_level:
                continue
            try:
                facts = L.facts_for(result, k.type, account_id=review.account.id)
            except BadInput:
                continue
            sent = [s for s in sent_rows if s.type == k.type and s.account and s.account.key == review.account.id]
            items.append(_item(case_row, k, facts, sent))
        items.sort(key=lambda i: i["why"] is None)
        out.append({"account": review.account, "letters": items})
    return out


def bureau_letters(result, case_row) -> list[dict]:
    """A credit-dispute letter for each bureau whose report has a problem (one letter per bureau)."""
    k = L.kind("credit_dispute")
    out = []
    sent_rows = list(m.Letter.objects.filter(case=case_row, type="credit_dispute").select_related("event")
                     .order_by("-sent_at"))
    for bureau in LetterFacts(result, None).credit_bureaus():
        facts = L.facts_for(result, "credit_dispute", bureau=bureau)
        sent = [s for s in sent_rows if s.event is not None and (s.event.extra or {}).get("bureau") == bureau]
        out.append({"bureau": bureau, "name": dict(BUREAU_CHOICES).get(bureau, bureau), **_item(case_row, k, facts, sent)})
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
    sent = list(m.Letter.objects.filter(case=case_row).select_related("account").order_by("-id"))
    from .log import event_words

    words = event_words()
    for s in sent:  # the letter's title and how it went, in words
        s.title = words["type"].get(s.type, s.type)
        s.method_words = words["method"].get(s.method or "", s.method or "")
    return render(request, "web/letters.html", {
        "case": case_row, "problem": problem, "groups": needed_letters(result, case_row) if result else [],
        "bureaus": bureau_letters(result, case_row) if result else [],
        "has_credit_report": case_row.tradelines.exists(),
        "sent": sent, "can_manage": can(request.user, "manage", case_row)})


def _type_or_404(letter_type):
    if L is None:
        raise Http404("letters are not part of this installation")
    if letter_type not in L.LETTER_TYPES:
        raise Http404("no such letter type")


def _bureau(request, letter_type) -> str | None:
    """The credit bureau a credit-dispute letter goes to (404 for anything else)."""
    if not L.kind(letter_type).case_level:
        return None
    bureau = (request.GET.get("bureau") or request.POST.get("bureau") or "").lower()
    if bureau not in L.BUREAUS:
        raise Http404("no such credit bureau")
    return bureau


def _query(account_key: str, bureau: str | None) -> str:
    return f"bureau={bureau}" if bureau else f"account={account_key}"


def _account_key(request, case_row, bureau) -> str | None:
    """The bill the letter is about: the one asked for, else the first (for a letter to a credit
    bureau: the bill its report lines name, else the first); None when the case has no bill."""
    key = request.GET.get("account") or request.POST.get("account") or ""
    if case_row.accounts.filter(key=key).exists():
        return key
    if bureau:
        line = case_row.tradelines.filter(bureau=bureau, account_key__isnull=False).first()
        if line and case_row.accounts.filter(key=line.account_key).exists():
            return line.account_key
    first = case_row.accounts.order_by("position").first()
    return first.key if first else None


@case_view("edit")
def letter(request, case_row, letter_type):
    """Preview and edit one letter; download it; mark it as sent."""
    _type_or_404(letter_type)
    bureau = _bureau(request, letter_type)
    account_key = _account_key(request, case_row, bureau)
    if account_key is None:
        return redirect("web:intake", case_id=case_row.pk, step="bill")
    lang = _lang(request, case_row)
    query = _query(account_key, bureau)
    result, problem = casework.try_review(case_row)
    letter_obj, missing, place, not_advised = None, None, None, None
    if result is not None:
        try:
            letter_obj = _letter(case_row, result, letter_type, account_key, lang, bureau=bureau)
        except L.NotAdvised:  # the review advises against this letter here: say why, and how to choose it anyway
            facts = L.facts_for(result, letter_type, account_id=account_key) if not bureau else None
            advice = facts.money_advice if facts is not None else None
            not_advised = list(advice.reasons) if advice is not None else []
            place = None
        except BadInput as e:
            place = place_for(case_row, e.where)
            missing = None if place else e.problem
    form = None
    draft_key = _draft_key(account_key, bureau)
    if letter_obj is not None:
        form = LetterEditForm(request.POST or None, initial={"text": body_text(letter_obj)})
        if request.method == "POST" and form.is_valid():
            subject = request.POST.get("subject", "")[:300]
            LetterDraft.objects.update_or_create(
                case=case_row, account_key=draft_key, type=letter_type, lang=lang,
                defaults={"subject": subject or letter_obj.subject, "body": form.cleaned_data["text"],
                          "updated_by": request.user})
            messages.success(request, _("Your changes to the letter were saved."))
            return redirect(f"{request.path}?{query}&lang={lang}")
    return render(request, "web/letter.html", {
        "case": case_row, "type": letter_type, "title": L.kind(letter_type).title, "account": account_key,
        "bureau": bureau or "", "query": query,
        "lang": lang, "letter": letter_obj, "preview": L.render(letter_obj, "txt").decode() if letter_obj else "",
        "form": form, "problem": problem, "missing": missing, "place": place, "not_advised": not_advised,
        "sent_form": LetterSentForm(),
        "edited": LetterDraft.objects.filter(case=case_row, account_key=draft_key, type=letter_type,
                                             lang=lang).exists(),
        "can_manage": can(request.user, "manage", case_row)})


@require_POST
@case_view("edit")
def letter_reset(request, case_row, letter_type):
    _type_or_404(letter_type)
    bureau = _bureau(request, letter_type)
    account_key, lang = request.POST.get("account") or request.GET.get("account", ""), _lang(request, case_row)
    LetterDraft.objects.filter(case=case_row, account_key=_draft_key(account_key, bureau), type=letter_type,
                               lang=lang).delete()
    messages.success(request, _("The letter is back to its original wording."))
    return redirect(f"{request.path.rsplit('/reset/', 1)[0]}/?{_query(account_key, bureau)}&lang={lang}")


@case_view("edit")
def letter_download(request, case_row, letter_type, fmt):
    """The letter as PDF or DOCX (with the saved edit)."""
    _type_or_404(letter_type)
    if fmt not in CONTENT_TYPES:
        raise Http404("no such format")
    bureau = _bureau(request, letter_type)
    account_key = _account_key(request, case_row, bureau) if bureau else (request.GET.get("account") or "")
    if not case_row.accounts.filter(key=account_key).exists():
        raise Http404("no such bill in this case")
    lang = _lang(request, case_row)
    result = casework.review(case_row)
    try:
        letter_obj = _letter(case_row, result, letter_type, account_key, lang, bureau=bureau)
    except BadInput as e:
        messages.error(request, e.problem)
        return redirect(f"/cases/{case_row.pk}/letters/{letter_type}/?{_query(account_key, bureau)}&lang={lang}")
    data = L.render(letter_obj, fmt, as_of=result.as_of)
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    name = f"{letter_obj.file_stem or letter_type}-{bureau + '-' if bureau else ''}{lang}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{"".join(c for c in name if c.isalnum() or c in "._-")}"'
    return response


@require_POST
@case_view("edit")
def letter_sent(request, case_row, letter_type):
    """Record that the letter went out: the letter kept as a PDF, a Letter row, and a log entry.
    Marking the same letter sent again (a double click, a reload) records it once."""
    _type_or_404(letter_type)
    bureau = _bureau(request, letter_type)
    account_key = _account_key(request, case_row, bureau) if bureau else (
        request.POST.get("account") or request.GET.get("account", ""))
    account = case_row.accounts.filter(key=account_key).first()
    if account is None:
        raise Http404("no such bill in this case")
    lang = _lang(request, case_row)
    form = LetterSentForm(request.POST)
    back = f"/cases/{case_row.pk}/letters/{letter_type}/?{_query(account_key, bureau)}&lang={lang}"
    if not form.is_valid():
        messages.error(request, "; ".join(str(e) for errs in form.errors.values() for e in errs)
                       or _("Say how the letter was sent."))
        return redirect(back)
    d = form.cleaned_data
    result = casework.review(case_row)
    try:
        letter_obj = _letter(case_row, result, letter_type, account_key, lang, bureau=bureau)
    except BadInput as e:
        messages.error(request, e.problem)
        return redirect(back)
    sent_on = d.get("sent_on") or timezone.localdate()
    recipient = (letter_obj.recipient or [""])[0][:200]
    goes_to = L.kind(letter_type).recipient
    to = "bureau" if bureau else "insurer" if goes_to == "insurer" else None if goes_to == "regulator" else (
        "collector" if account.collector and goes_to in ("collector", "holder") else "provider")
    event = model.Event.model_validate({
        "at": sent_on.isoformat(), "kind": "letter", "from": "patient", "type": letter_type,
        "method": d["method"], "tracking": d.get("tracking") or None, "to": to, "bureau": bureau})
    with transaction.atomic():
        m.Case.objects.select_for_update().filter(pk=case_row.pk).first()  # one mark of a case at a time
        if m.Letter.objects.filter(case=case_row, account=account, type=letter_type, recipient=recipient,
                                   sent_at__date=sent_on).exists():
            messages.info(request, _("This letter was already marked as sent on that day."))
            return redirect(back)
        with tempfile.TemporaryDirectory(prefix="billadvocate-letter-") as tmp:
            path = Path(tmp) / f"{letter_obj.file_stem or letter_type}-{lang}.pdf"
            path.write_bytes(L.render(letter_obj, "pdf", as_of=result.as_of))
            doc = store.add_document(case_row, path, role="letter", account_key=account_key, user=request.user,
                                     note=f"{letter_type} ({lang}), sent")
        row = store.log_event(case_row, event, account_key=account_key, user=request.user)
        m.Letter.objects.create(case=case_row, account=account, type=letter_type, recipient=recipient, document=doc,
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
