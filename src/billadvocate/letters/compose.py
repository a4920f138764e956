"""Build a letter: check its facts, fill its template in one language, and lay it out as the
document model (letters/document.py) that every renderer reads.

Templates are Jinja files, `templates/<lang>/<type>.j2`, one per language, written in a small
markup: blank lines separate paragraphs, `## ` starts a heading, `- ` a bullet, and a line
`[[table:NAME]]` places a table (findings, violations, credit_items). A template sets `subject`
and `enclosures` at its top level. Undefined names fail loudly (StrictUndefined), so a template
can never print a half-empty letter.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from ..util import dollars, safe_slug
from .document import Bullets, Heading, Letter, Paragraph, Table
from .facts import LetterFacts, address_lines, check_needs, long_date
from .kinds import LetterKind, barred

TEMPLATES = Path(__file__).resolve().parent / "templates"
LANGUAGES = ("en", "es")
OVERFLOW_ROWS = 6  # a table longer than this moves to an attachment, so the letter stays short


@lru_cache(maxsize=None)
def labels(lang: str) -> dict[str, Any]:
    """The fixed wording of one language (`templates/<lang>/labels.yaml`)."""
    return yaml.safe_load((TEMPLATES / lang / "labels.yaml").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _env(lang: str) -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES / lang)), undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True,
                      autoescape=False)  # noqa: S701 - plain text, never HTML
    env.filters["money"] = dollars
    env.filters["day"] = lambda d: long_date(d, lang)
    env.filters["lines"] = lambda f: ", ".join(map(str, f.lines))
    env.filters["first_person"] = lambda text: first_person(text)
    # a finding as the patient's statement, without the request (the letter's own paragraph asks)
    env.filters["statement"] = lambda f: letter_message(f.rule, f.message, request=False)
    env.filters["law"] = lambda f: cites(f.citations, lang)  # a finding's law in a sentence (not a table row)
    return env


_PROOF = re.compile(r"\s*Proof: .*$", re.S)  # the engines' pointers into the case file (events[2] ...)
_LOG_REF = re.compile(r"\b(?:credit_report\.)?(?:events|tradelines)\[\d+\]\s*(?:\(([^)]*)\))?")


def patient_words(message: str) -> str:
    """An engine's message without its pointers into the case file: a letter names no data path."""
    message = _PROOF.sub(".", message).replace("..", ".")
    return _LOG_REF.sub(lambda m: m.group(1) or "the log", message)


LIMIT_NOT_DEBT = ((r"\bI owe only\b", "I can be charged only"),
                  (r"\bI owe at most (\$[\d,]+\.\d\d)", r"no more than \1 can be charged to me"),
                  (r"\bI owe (?!\$0\.00\b)(\$[\d,]+\.\d\d)", r"the most that can be charged to me is \1"),
                  (r"(\$[\d,]+\.\d\d) owed\b", r"\1 billed"))


def first_person(message: str) -> str:
    """The engines speak to the patient ('it spoke with you', 'your bill'); a letter is the
    patient speaking: 'it spoke with me', 'my bill'."""
    message = patient_words(message)
    message = re.sub(r"\b(with|to|for|from|contacted|called|told|asked|sent|wrote|reached|bill|billed|charge|charged|"
                     r"sue|sued|collect|pay|paid|refund|owes) you\b", r"\1 me", message)
    subject = {"are": "am", "were": "was"}
    message = re.sub(r"\b[Yy]ou (owe|paid|have|had|were|are|asked|received|got|did|disputed|sent|qualify|"
                     r"may|can|must|will|should|would|need|spoke|called|wrote)\b",
                     lambda m: "I " + subject.get(m.group(1), m.group(1)), message)
    # a letter states what may be charged, never what the patient owes (as negotiate/scripts says it on the phone),
    # and an amount asked is not called a debt ('the $4,830.00 owed is more than 10% of the income')
    for owed, limit in LIMIT_NOT_DEBT:
        message = re.sub(owed, limit, message)
    message = re.sub(r"\bthe patient's\b", "my", message)
    message = re.sub(r"\byour\b", "my", message)
    return re.sub(r"\bYour\b", "My", message)


# The statute and rule that hold each kind of protected care to in-network cost sharing (the No Surprises Act)
NSA_LAW = {"emergency care": "42 U.S.C. 300gg-131; 45 CFR 149.410",
           "care at an in-network facility": "42 U.S.C. 300gg-132; 45 CFR 149.420",
           "an air ambulance": "42 U.S.C. 300gg-135; 45 CFR 149.440"}
NSA_CAN_BE_WAIVED = ", unless you signed its notice-and-consent form before the care"
IN_NETWORK_REQUEST = ("I ask you to bill me no more than the in-network cost-sharing amount and to send me the "
                      "corrected bill")


def letter_message(rule: str, message: str, *, request: bool = True) -> str:
    """An engine's finding as the patient's own statement to the letter's recipient: first person, the
    patient's position and (`request`) what the patient asks of the recipient, never the review's advice
    to the patient ('get the insurer's EOB ...', 'check that the plan applied ...'), which stays in the
    report. The consent exception is the provider's to raise and prove (45 CFR 149.420(c)-(e)): the
    patient's letter does not raise it."""
    from ..audit.rules.eob_out_of_network_ancillary import RULE as ANCILLARY
    from ..audit.rules.nsa_balance_bill import RULE as BALANCE_BILL
    from ..audit.rules.eob_not_billed_to_insurer import RULE as NOT_BILLED
    from ..audit.rules.nsa_gfe_missing import RULE as GFE_MISSING
    from .facts import message_fields

    if rule == BALANCE_BILL.id:
        kind, cols = message_fields(BALANCE_BILL, message)
        consent = "" if cols.get("consent") == NSA_CAN_BE_WAIVED else cols.get("consent", "")
        if kind == "no_eob":
            law = NSA_LAW.get(cols["care"], "")
            text = (f"For {cols['care']} from an out-of-network provider I may be billed no more than the in-network "
                    f"cost-sharing amount{f' ({law})' if law else ''}{consent}; the bill asks {cols['asked']}")
            return text + (f". {IN_NETWORK_REQUEST}" if request else "")
        if kind == "excess":
            message = message.replace(NSA_CAN_BE_WAIVED, "")
    if rule == GFE_MISSING.id and message_fields(GFE_MISSING, message)[0] == "not_shown":
        # the case does not say whether an estimate was given: the letter asks for it (45 CFR 149.610)
        head = message.split("; if you got none", 1)[0]
        return first_person(head) + ("; I ask you to send me a copy of the Good Faith Estimate you gave me, or to tell "
                                     "me in writing that you did not give me one" if request else "")
    if rule == NOT_BILLED.id:  # a request to bill the plan, not a guess that it was never billed
        cols = message_fields(NOT_BILLED, message)[1]
        if cols:
            return first_person(f"You have {cols['plan']}, but the bill shows no insurance payment and you have "
                                f"received no Explanation of Benefits for it") + (
                f": I ask you to bill my insurance for the {cols['amount']} and to send me a corrected bill once it "
                "has processed the claim" if request else "")
    if rule == "CREDIT.BALANCE_WRONG":  # the bureau knows no case file
        message = message.replace(", with nothing in the case explaining it",
                                  ", and nothing I have received explains the difference")
    if rule == "STATE.REPORTED_DEBT_VOID":  # the letter states the law; the hedge and the advice are the review's
        message = re.sub(r"\s*\(This applies if [^)]*\)", "", message)
        message = re.sub(r"\s*Void is a defence you raise, [^.]*\.(?: Ask a lawyer or legal aid whether [^.]*\.)?", "",
                         message)
    if rule == ANCILLARY.id and message_fields(ANCILLARY, message)[0] == "share":
        head = message.rsplit("; check that the plan applied in-network cost sharing", 1)[0]
        return first_person(head) + ("; I ask you to bill me no more than my in-network cost sharing" if request else "")
    # 'ask for the visit note' is the review's advice to the patient: to the provider the patient asks for it;
    # to anyone else (a collector cannot send the provider's records) the request is left out
    asked = ASK_FOR.search(message)
    if asked:
        head = message[:asked.start()]
        return first_person(head + (f"{asked['sep']} I ask you to send me {asked['what']}{asked['note'] or ''}"
                                     if request else ""))
    return first_person(message)


ASK_FOR = re.compile(r"(?P<sep>[:;]) ask for (?P<what>the [^()]+?)(?P<note> \([^()]*\))?$")


def rule_name(rule: str, lang: str, message: str = "", *, short: bool = False, request: bool = True) -> str:
    """A rule id in the reader's words: in English the engine's message as the patient's statement
    (letter_message), or, `short`, the rule's name; in Spanish always the rule's name, since the
    engines' messages are English."""
    names = labels(lang).get("rules", {})
    if lang == "en" and message and not short:
        return letter_message(rule, message, request=request)
    if rule == "IRS501R.OVER_AGB" and "free care" in message:  # free care is not a charge above AGB
        return names["IRS501R.OVER_AGB:free"]
    if rule in names:
        return names[rule]
    prefix = rule.split(".")[0] + ".*"
    return names.get(prefix) or names["*"]  # never the id itself: a letter speaks in words


def short_cite(citation: str) -> str:
    """'15 U.S.C. 1681e(b) (maximum possible accuracy)' -> '15 U.S.C. 1681e(b)': a trailing
    explanation is dropped; a court and year in parentheses ('(1st Cir. 2022)') is kept."""
    c = citation.strip()
    if c.endswith(")") and " (" in c:
        depth, opening = 0, None  # the "(" that the final ")" closes: a note may hold parentheses of its own
        for i in range(len(c) - 1, -1, -1):
            depth += {")": 1, "(": -1}.get(c[i], 0)
            if depth == 0:
                opening = i
                break
        if opening is None or opening < 1 or c[opening - 1] != " ":
            return c
        head, tail = c[:opening - 1], c[opening + 1:]
        subsection = re.fullmatch(r"[0-9a-zA-Z]{1,4}\)", tail)  # "(5)" is part of the pinpoint, not a note
        if head and not subsection and not re.search(r"\b(19|20)\d\d\)$", tail):
            return head
    return c


MAX_CELL_CITES = 3


SPANISH_CITE_WORDS = ((r"\bch\. ", "cap. "), (r"\bsec\. ", "secc. "), (r"\bmodifiers\b", "modificadores"),
                      (r" and ", " y "))


def law_cite(citation: str, lang: str = "en") -> str:
    """A citation as a letter's law column prints it: short (short_cite); in Spanish without the English
    prose that names the data a rule's figures come from ('42 CFR 414.20 and the CMS Physician Fee
    Schedule relative value files' -> '42 CFR 414.20') and with the pinpoint words in Spanish
    ('ch. 1, sec. E' -> 'cap. 1, secc. E')."""
    c = short_cite(citation)
    if lang != "en":
        c = re.sub(r"\s+and the\s.*$", "", c)
        for a, b in SPANISH_CITE_WORDS:
            c = re.sub(a, b, c)
    return c


def cites(citations: list[str], lang: str = "en") -> str:
    """Citations for a table cell: the statutes and rules (not case law), short, without repeats,
    never adverse authority, at most MAX_CELL_CITES (the letter is not a citation dump)."""
    kept = [law_cite(c, lang) for c in citations if not adverse(c) and " v. " not in c]
    return "; ".join(list(dict.fromkeys(kept))[:MAX_CELL_CITES]) or "-"


def adverse(citation: str) -> bool:
    """Authority against the patient's position (kept in the review as a caveat, never cited in
    the patient's own letter)."""
    return "dicta" in citation.lower()


def _same_name(a: str | None, b: str | None) -> bool:
    return bool(a and b) and " ".join(a.casefold().split()) == " ".join(b.casefold().split())


def bureau_account(facts: LetterFacts, t) -> str:
    """The account number the bureau can match for a tradeline: the furnisher's own reference (the
    collector's, or the provider's number on the bill), never the case file's own id for the account."""
    if t is None or not t.account:
        return "-"
    acct = next((a for a in facts.case.accounts if a.id == t.account), None)
    if acct is None:
        return "-"
    c = acct.collector
    if c is not None and c.account_number and (_same_name(t.furnisher, c.name) or
                                                 not _same_name(t.furnisher, acct.provider.name)):
        return c.account_number
    return acct.account_number or (c.account_number if c is not None and c.account_number else "-")


def credit_items(facts: LetterFacts) -> list[dict[str, Any]]:
    """The disputed tradelines of the facts' bureau, each with every reason found for it."""
    grouped: dict[int, dict[str, Any]] = {}
    for f, t in facts.credit_problems():
        item = grouped.setdefault(id(t) if t is not None else id(f), {
            "furnisher": t.furnisher if t else "-", "account": bureau_account(facts, t),
            "amount": t.original_amount if t and t.original_amount is not None else None,
            "reasons": []})
        item["reasons"].append({"rule": f.rule, "message": letter_message(f.rule, f.message),
                                "cites": [c for c in cites(f.citations).split("; ") if c != "-"]})
    return list(grouped.values())


def _tables(kind: LetterKind, facts: LetterFacts, lang: str, extra: dict) -> dict[str, Table]:
    col = labels(lang)["columns"]
    tables: dict[str, Table] = {}
    # what a finding asks (re-bill the insurer, bill no more than in-network cost sharing) only the provider can
    # do: a letter to the collector states the patient's position alone
    to_provider = not (kind.recipient == "collector" or (kind.recipient == "holder" and facts.collector))
    if facts.review is not None:
        from .kinds.billing_dispute import ASSISTANCE_RULES

        # the errors on the bill: the financial-assistance finding is no billing error (its own section says it)
        tables["findings"] = Table(
            labels(lang)["tables"]["findings"],
            [col["lines"], col["problem"], col["amount"], col["law"]],
            [[", ".join(map(str, f.lines)) or "-", rule_name(f.rule, lang, f.message, request=to_provider),
              dollars(f.amount) if f.amount else "-", cites(f.citations, lang)]
             for f in facts.findings if f.rule not in ASSISTANCE_RULES],
            widths=[1.2, 6, 1.5, 3.6], align=["L", "L", "R", "L"])
        tables["violations"] = Table(
            labels(lang)["tables"]["violations"], [col["problem"], col["law"]],
            [[rule_name(v.rule, lang, v.message), cites(v.citations, lang)]
             for v in extra.get("conduct", facts.violations)],
            widths=[8, 4])
    if facts.bureau:
        rows = [[i["furnisher"], i["account"], dollars(i["amount"]) if i["amount"] is not None else "-",
                 "; ".join(dict.fromkeys(rule_name(r["rule"], lang, short=True) for r in i["reasons"]))]
                for i in credit_items(facts)]
        tables["credit_items"] = Table(
            labels(lang)["tables"]["credit_items"],
            [col["furnisher"], col["account"], col["amount"], col["problem"]], rows,
            widths=[3, 1.8, 1.7, 6], align=["L", "L", "R", "L"])
    return tables


def parse_markup(text: str, tables: dict[str, Table], lang: str) -> tuple[list, list[Table]]:
    """Template output -> body blocks, and the tables that overflow into attachments."""
    body: list = []
    attachments: list[Table] = []
    para: list[str] = []
    bullets: list[str] = []

    def flush() -> None:
        if para:
            body.append(Paragraph(" ".join(para)))
            para.clear()
        if bullets:
            body.append(Bullets(list(bullets)))
            bullets.clear()

    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            flush()
        elif line.startswith("[[table:") and line.endswith("]]"):
            flush()
            table = tables[line[8:-2]]
            if len(table.rows) > OVERFLOW_ROWS:
                letter = chr(ord("A") + len(attachments))
                name = labels(lang)["attachment"].format(letter=letter)
                attachments.append(Table(f"{name}: {table.title}", table.columns, table.rows,
                                         table.widths, table.align))
                body.append(Paragraph(labels(lang)["see_attachment"][line[8:-2]].format(
                    attachment=name, count=len(table.rows))))
            elif table.rows:
                body.append(table)
        elif line.startswith("## "):
            flush()
            body.append(Heading(line[3:].strip()))
        elif line.startswith("- "):
            if para:
                body.append(Paragraph(" ".join(para)))
                para.clear()
            bullets.append(line[2:].strip())
        elif bullets and raw.startswith("  "):  # a bullet continued on the next line
            bullets[-1] += " " + line
        else:
            if bullets:
                body.append(Bullets(list(bullets)))
                bullets.clear()
            para.append(line)
    flush()
    return body, attachments


def recipient(kind: LetterKind, facts: LetterFacts) -> tuple[str, list[str]]:
    """Who the letter goes to: name and address lines."""
    if kind.recipient in ("bureau", "insurer", "regulator"):  # the kind's extra names it: {"name", "address": [lines]}
        b = kind.extra(facts)[kind.recipient]
        return b["name"], list(b["address"])
    holder = facts.collector if kind.recipient == "collector" or (
        kind.recipient == "holder" and facts.collector) else None
    if holder is not None:
        return holder.name, address_lines(holder.address)
    p = facts.account.provider
    return p.name, address_lines(p.address)


def references(kind: LetterKind, facts: LetterFacts, lang: str) -> list[tuple[str, str]]:
    lab = labels(lang)["refs"]
    out = [(lab["patient"], facts.patient.name)]
    if kind.case_level:
        return out
    a = facts.account
    if kind.recipient in ("collector", "holder") and facts.collector:
        if facts.collector.account_number:
            out.append((lab["your_reference"], facts.collector.account_number))
        out.append((lab["original_creditor"], a.provider.name))
    if a.account_number:
        out.append((lab["account"], a.account_number))
    if a.care.start:
        span, label = long_date(a.care.start, lang), lab["service"]
        if a.care.end and a.care.end != a.care.start:
            span, label = span + " – " + long_date(a.care.end, lang), lab["services"]
        out.append((label, span))
    return out


def context(kind: LetterKind, facts: LetterFacts, lang: str) -> dict[str, Any]:
    extra = kind.extra(facts)
    a = facts.account
    ctx = {
        "lang": lang, "today": facts.as_of, "reply_by": facts.reply_by,
        "patient": facts.patient, "household": facts.case.household,
        "insurance": facts.case.insurance,
        "account": a, "provider": a.provider if a else None,
        "collector": facts.collector, "review": facts.review,
        "findings": facts.findings, "violations": facts.violations,
        "in_dispute": facts.review.in_dispute if facts.review else 0,
        "total_charges": facts.review.total_charges if facts.review else 0,
        "certified": kind.certified, "rule_name": lambda r, m="": rule_name(r, lang, m),
        "credit_items": credit_items(facts) if facts.bureau else [],
        "program_name": lambda p: (labels(lang).get("programs") or {}).get(p.get("id"))
        or p.get("name") or p.get("id"),
    }
    advice = facts.money_advice
    ctx["no_acknowledgment"] = advice.no_acknowledgment if advice is not None else None
    # a debt too old to sue on: a signed letter acknowledging it or promising to pay may revive it in
    # many states (e.g. Tex. Civ. Prac. & Rem. Code 16.065), so every letter about it says it does neither
    ctx["no_debt"] = labels(lang)["no_debt_barred"] if a is not None and barred(facts) else None
    ctx.update(extra)
    return ctx


def build_letter(kind: LetterKind, facts: LetterFacts, lang: str = "en", *,
                 file: str | None = None) -> Letter:
    """The letter of `kind` for these facts in `lang`; MissingFact when a needed fact is absent."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}")
    check_needs(kind.type, kind.needs, facts, file=file)
    lab = labels(lang)
    ctx = context(kind, facts, lang)
    template = _env(lang).get_template(f"{kind.type}.j2")
    module = template.make_module(ctx)
    body, attachments = parse_markup(str(module), _tables(kind, facts, lang, ctx), lang)
    name, address = recipient(kind, facts)
    p = kind.writer(facts) if kind.writer else facts.patient  # who signs: the patient, or (death_notice) a relative
    sender = [p.name, *address_lines(p.address), *([p.phone] if p.phone else []),
              *([p.email] if p.email else [])]
    candidates = [*kind.may_cite, *ctx.get("plan_citations", [])]
    for f in [*ctx["findings"], *ctx.get("conduct", []), *(f for f, _ in ctx.get("items", []))]:
        candidates += [*f.citations, *(short_cite(c) for c in f.citations), *(law_cite(c, lang) for c in f.citations)]
    # the account id and bureau are the user's text: a slug keeps every file inside --out
    stem = (f"{kind.type}-{safe_slug(facts.bureau or '', fallback='bureau')}" if kind.case_level
            else f"{safe_slug(facts.account.id, fallback='account')}-{kind.type}")
    letter = Letter(
        type=kind.type, lang=lang, title=lab["titles"][kind.type],
        sender=sender, date=long_date(facts.as_of, lang), recipient=[name, *address],
        references=references(kind, facts, lang), subject=getattr(module, "subject"),
        salutation=lab["salutation"], body=body, closing=lab["closing"],
        signature=[p.name], enclosures=list(getattr(module, "enclosures", [])),
        delivery=lab["certified"] if kind.certified else None, attachments=attachments,
        citations=list(kind.citations), labels=lab["render"], file_stem=stem,
    )
    printed = " ".join(" ".join(letter.text_blocks()).split())
    letter.citations += [c for c in dict.fromkeys(candidates)
                         if c not in letter.citations and " ".join(c.split()) in printed]
    return letter
