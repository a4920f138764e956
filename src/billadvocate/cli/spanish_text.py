"""The text review in Spanish, after the plan, for a patient whose language is es: each account's amounts,
findings, protections, what the collector did wrong, the statute of limitations, deadlines, denials,
assistance, the offer, the plan, the call scripts and the notes; the same facts and order as the English
text (cli/human.py), from report/spanish.py and report/spanish_account.py (no rule or deadline ids)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from ..report import SEVERITY_ES, spanish
from ..report.spanish_account import PASSED_APPLICATION as PASSED, account_es
from ..util import dollars

ELIGIBLE = {True: "es probable que califique", False: "no califica", None: "todavía no se puede decidir"}
APPLIES = {True: "se aplica", False: "no se aplica", None: "todavía no se sabe"}


def _application_deadline(day, as_of: str) -> str:
    """A passed application deadline says so, and that applying still helps (26 CFR 1.501(r)-1(b)(3))."""
    if not day:
        return ""
    return " " + PASSED.format(day=day) if str(day) < as_of else f" Fecha límite: {day}."


def _say(c: Console, text: str) -> None:
    c.print(escape(str(text)), soft_wrap=True)


def print_account_es(c: Console, a: dict, as_of: str) -> None:
    """One account of the review (its JSON) in Spanish."""
    x = account_es(a)
    collector = x.get("collector")
    name = collector.get("name") if isinstance(collector, dict) else collector
    holder = f", ahora con {name}" if name else ""
    provider = x.get("provider")
    c.print(f"[bold underline]{escape(provider if isinstance(provider, str) else str(provider))}[/]{escape(holder)}")
    _say(c, f"Facturado {dollars(x.get('total_charges'))}; saldo que le piden {dollars(x.get('balance'))}; en disputa "
            f"{dollars(x.get('in_dispute'))}.")
    for n in (x.get("hospital") or {}).get("notes", []):
        _say(c, f"Hospital: {n}")
    if x.get("findings"):
        c.print("[bold]Qué está mal en la factura[/]")
        for f in x["findings"]:
            es = spanish.finding(f, "audit")
            n = f.get("lines") or []
            lines = (f"línea {n[0]}" if len(n) == 1 else f"líneas {', '.join(str(i) for i in n)}" if n else
                     "toda la factura")
            _say(c, f"  [{SEVERITY_ES.get(f['severity'], f['severity'])}] {lines}: {es['title']} "
                    f"({dollars(f.get('amount'))} en juego). {es['explanation']}")
    if x.get("protections"):
        c.print("[bold]Leyes que le protegen en este caso[/]")
        for p in x["protections"]:
            _say(c, f"  {p['law_es']}: {APPLIES[p.get('applies')]}. {p.get('why') or ''}")
    if x.get("violations"):
        c.print("[bold]Lo que hizo mal el cobrador o el proveedor[/]")
        seen = set()
        for v in x["violations"]:
            if v.get("rule") in seen:
                continue
            seen.add(v.get("rule"))
            es = spanish.finding(v, "conduct")
            times = sum(1 for w in x["violations"] if w.get("rule") == v.get("rule"))
            _say(c, f"  [{SEVERITY_ES.get(v['severity'], v['severity'])}] {es['title']}"
                    + (f" ({times} veces)" if times > 1 else "") + f". {es['explanation']}")
    if x.get("sol") and x["sol"].get("warning"):
        _say(c, f"Plazo para demandar: {x['sol']['warning']}")
    if x.get("deadlines"):
        c.print("[bold]Fechas límite[/]")
        for d in sorted(x["deadlines"], key=lambda d: (d["date"], d["kind"])):
            es = spanish.deadline(d, x)
            past = " (ya pasó)" if str(d["date"]) < as_of else ""
            _say(c, f"  {d['date']}{past}  {es['what']}: {es['why']}")
    for ap in x.get("appeals") or []:
        codes = ", ".join(r["code"] for r in ap.get("reasons", []))
        due = ap.get("next_due")
        _say(c, f"Reclamación {ap['claim_id']} ({dollars(ap['amount'])} negado, {codes}): "
                f"{spanish.WHO_ES.get(ap['who'], '')}"
                + (f"; ahora: {spanish.STAGE_WORDS_ES.get(ap.get('stage') or '', '')}" if ap.get("stage") else "")
                + (f"; próxima fecha límite {due['date']} ({spanish.deadline_title(due['kind'], 'es')})" if due else "")
                + ".")
    s = x.get("assistance") or {}
    c.print("[bold]Ayuda financiera[/]")
    if s.get("fpl_percent") is not None:
        _say(c, f"Los ingresos del hogar son el {s['fpl_percent']:.2f}% de la línea de pobreza de {s['year']} "
                f"({dollars(s['guideline'])} para un hogar de {s['household_size']}).")
    else:
        _say(c, "Para calcular el porcentaje de la línea de pobreza faltan datos del hogar (ingresos y tamaño).")
    for p in s.get("programs", []):
        _say(c, f"  {p['name_es']}: {ELIGIBLE[p.get('eligible')]}. {p.get('why') or ''}")
    app = s.get("application")
    if app and app.get("programs"):
        to = app.get("send_to") or "el proveedor"
        _say(c, f"  Para solicitarla ({'; '.join(app['programs_es'])}), envíe a {to}: "
                + "; ".join(app["documents"]) + "." + _application_deadline(app.get("deadline"), as_of))
    offer = x.get("offer")
    if offer:
        if offer.get("no_offer"):
            _say(c, f"Oferta: ninguna. {offer['no_offer']}")
        else:
            _say(c, f"Oferta: empiece con {dollars(offer['opening'])}, busque {dollars(offer['target'])} y no acepte "
                    f"más de {dollars(offer['walk_away'])} (cantidad justa {dollars(offer['fair_amount'])}).")
        for st in offer.get("steps") or []:
            _say(c, f"  - {st['step']}")
        for r in (offer.get("reasons") or [])[1:] if not offer.get("no_offer") else []:
            _say(c, f"  - {r}")
        if offer.get("terms"):
            _say(c, "  Exija por escrito:")
            for t in offer["terms"]:
                _say(c, f"    * {t}")
        for w in offer.get("warnings") or []:
            _say(c, f"  Advertencia: {w}")
    plan = x.get("plan")
    if plan:
        if plan.get("monthly") and plan.get("months"):
            _say(c, f"Plan de pagos: {dollars(plan['monthly'])} al mes durante {plan['months']} "
                    f"{'mes' if plan['months'] == 1 else 'meses'}, primer pago el {plan.get('first_payment')}, "
                    f"{plan.get('interest_rate', 0):g}% de interés.")
        else:
            _say(c, "Plan de pagos: ninguno propuesto.")
        _say(c, f"  {plan.get('why') or ''}")
        if plan.get("missed_payment"):
            _say(c, "  Si no podrá hacer un pago: " + " ".join(plan["missed_payment"][:2]))
    for cs in x.get("call_scripts") or []:
        if not isinstance(cs, dict):
            continue
        phone = f" ({cs['phone']})" if cs.get("phone") else ""
        c.print(f"[bold]Qué decir si llama {escape(cs.get('to_es') or '')}[/], {escape(cs.get('name') or '')}"
                f"{escape(phone)}")
        for label, key in (("Diga", "say"), ("Pregunte", "ask"), ("Nunca", "never_say")):
            for line in cs.get(key, []):
                _say(c, f"  {label}: {line}")
    for n in x.get("notes") or []:
        _say(c, f"Nota: {n}")


def print_credit_es(c: Console, result) -> None:
    """The credit section of the review in Spanish: each finding's plain Spanish title and explanation, the
    disputes to send (bureau, items, amount, dates) and the credit deadlines with their Spanish reasons;
    a note or next step without Spanish stays English (report/spanish_account.sentence)."""
    from ..report.spanish_account import sentence

    if result is None or not result.tradelines:
        for n in (result.notes if result else []):
            _say(c, "Reporte de crédito: " + (NO_CREDIT_REPORT if n.startswith("no credit report in the case")
                                              else sentence(n) or n))
        return
    c.print("[bold underline]Reporte de crédito[/]")
    if result.findings:
        c.print("[bold]Lo que no debería estar en su reporte de crédito[/]")
        for f in result.findings:
            es = spanish.finding(f, "credit")
            _say(c, f"  [{SEVERITY_ES.get(f.severity, f.severity)}] {es['title']}"
                    + (f" ({dollars(f.amount)} en juego)" if f.amount else "") + f". {es['explanation']}")
    else:
        _say(c, "Las revisiones que se pudieron hacer no encontraron problemas en el reporte de crédito.")
    for d in result.disputes:
        total = sum((i.balance or 0) for i in d.items)
        state = ((f"enviada el {d.sent}, respuesta a más tardar el {d.due}" + (" (VENCIDA)" if d.overdue else ""))
                 if d.sent else "todavía no enviada")
        _say(c, f"  Disputa con {d.name}: {len(d.items)} {'entrada' if len(d.items) == 1 else 'entradas'}, "
                f"{dollars(total)} reportados; {state}")
    for d in sorted(result.deadlines, key=lambda d: d.date):
        es = spanish.deadline(d)
        _say(c, f"  {d.date}  {es['what']}: {es['why']}")
    steps = [sentence(x) or x for x in result.next_steps or []]
    if steps:
        c.print("[bold]Qué hacer después[/]")
        for n, step in enumerate(steps, start=1):
            _say(c, f"  {n}. {step}")
    for n in result.notes:
        _say(c, f"Nota: {sentence(n) or n}")


NO_CREDIT_REPORT = ("el caso no tiene reporte de crédito: añada las cuentas en cobranza que aparecen en sus reportes "
                    "para revisarlas.")
