"""Call scripts: what to say, what to ask and what never to say to the provider's billing office,
the collector and the insurer, filled with this case's numbers.

Every call: write down the date, time, the person's name and a reference number, and follow up in
writing; what is said on the phone is hard to prove.
"""

from __future__ import annotations

import re
from typing import Any

from ..util import dollars

ALWAYS_NOTE = ["the date and time", "the name of the person you spoke to", "a reference number for the call",
               "what they agreed to; then confirm it in a letter or email"]
NEVER_SAY_BASE = [
    "Do not give a card number, bank account or routing number, or agree to an automatic withdrawal, on this call.",
    "Do not agree to a payment plan or an amount on the spot; say you will reply in writing.",
]


def _lines(nums: list[int]) -> str:
    return ", ".join(map(str, nums))


def owed_sentences(offer) -> list[str]:
    """What is owed, in the patient's words, with the arithmetic a person can check: the steps that
    changed the figure (the lines taken off, each cap, the yardstick), from the money engine."""
    if not offer or offer.get("withheld"):
        return []  # no figure on the phone where no offer is safe (a time-barred debt, a bill not yet known)
    caps = [r for r in offer.get("steps", []) if r.get("kind") in ("cap", "price", "appeal_hold")]
    if offer.get("no_offer"):
        caps = [r for r in caps if r.get("amount") == 0 and r["step"] != offer["no_offer"]][:1]  # what brought it to $0
    out = [_sentence(_first_person(offer["no_offer"]))] if offer.get("no_offer") else []
    for r in caps:
        out.append(_sentence(_first_person(r["step"])) + (f" ({r['citations'][0]})" if r["citations"] else ""))
    return out


FIRST_PERSON = ((r"\b[Yy]ou are\b", "I am"), (r"\b[Yy]ou were\b", "I was"), (r"\b[Yy]ou\b(?= (?:owe|qualify|have|had|did|do|may|must|can|should|paid|got|received|signed|asked|need)\b)", "I"),
                (r"\bYour\b", "My"), (r"\byour\b", "my"), (r"\byours\b", "mine"), (r"\bYou\b", "I"), (r"\byou\b", "me"))
SAY_FINDINGS_CHARS = 600  # the findings read aloud in one breath; the rest are in the letter


def _first_person(text: str) -> str:
    """A message written to the patient ('you owe', 'your plan', 'billed to you') as the patient says it
    on the phone ('I owe', 'my plan', 'billed to me')."""
    for a, b in FIRST_PERSON:
        text = re.sub(a, b, text)
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _findings_said(messages: list[str]) -> str:
    """The problems found, each a whole sentence in the first person, as many as fit in one breath; the
    others are counted, never cut mid-word or mid-sentence."""
    said: list[str] = []
    for m in messages:
        sentence = _sentence(_first_person(m))
        if said and sum(len(x) + 1 for x in said) + len(sentence) > SAY_FINDINGS_CHARS:
            break
        said.append(sentence)
    left = len(messages) - len(said)
    if left:
        said.append("One more problem is in my letter." if left == 1 else f"{left} more problems are in my letter.")
    return " ".join(said)


def _lower_the(name: str) -> str:
    """'The hospital's policy' inside a sentence: 'the hospital's policy' (a proper name keeps its capital)."""
    return "t" + name[1:] if name.startswith("The ") else name


def provider_script(account, findings, assistance, offer) -> dict[str, Any]:
    p = account.provider
    acct = account.account_number or account.id
    when = account.care.start.isoformat() if account.care.start else "the date on the bill"
    disputed = sorted({ln for f in findings if f.severity != "info" for ln in f.lines})
    say = [f"I'm calling about account {acct} for care on {when}. I want to resolve this bill, and I need it corrected first."]
    if disputed:
        say.append((f"Line {disputed[0]} of the itemized bill is" if len(disputed) == 1 else
                    f"Lines {_lines(disputed)} of the itemized bill are") + " in dispute. "
                   + _findings_said([f.message for f in findings if f.severity != "info"]))
    else:
        say.append("Please send me a fully itemized bill with the CPT/HCPCS code of every line.")
    eligible = [x for x in assistance.get("programs", []) if x["eligible"] is not False and x["id"] != "MEDICAID"]
    if eligible:
        names = "; ".join(_lower_the(x.get("name") or "financial assistance") for x in eligible)
        say.append(f"I am applying for financial assistance ({names}). Please put "
                   "the account on hold, and stop any collection or credit reporting while it is reviewed.")
    say += owed_sentences(offer)
    if offer and offer.get("opening") and offer["fair_amount"] > 0:
        say.append(f"A fair amount for this care is {dollars(offer['fair_amount'])}. "
                   f"I can offer {dollars(offer['opening'])} as payment in full.")
    ask = ["What is the balance after every insurance payment and adjustment, and has the claim been billed to my insurer?",
           "Has the account been sent to a collection agency, sold, or reported to a credit bureau? If so, when and to whom?",
           "Please send me your financial-assistance policy and application, and your cash (self-pay) price for these services."]
    free = bool(offer and offer.get("no_offer") and not offer.get("withheld")
                and (offer.get("fair") or {}).get("capped_by") == "assistance")
    if free:
        ask.append("Your financial-assistance policy gives free care at my income: will you apply it, write off "
                   "the whole balance and recall the account from collections?")
    elif p.fap and p.fap.agb_percent is not None:
        ask.append(f"Your amounts generally billed are {p.fap.agb_percent}% of charges: as a patient who qualifies "
                   "for assistance I may not be charged more; will you apply your discount and that limit?")
    if offer and offer.get("target"):
        ask.append(f"Will you accept {dollars(offer['target'])} as payment in full, in writing, reported as paid?")
    never = NEVER_SAY_BASE + ["Do not say the bill is correct or that you can pay it in full."]
    return {"to": "provider", "name": p.name, "phone": p.phone, "say": say, "ask": ask, "never_say": never,
            "write_down": ALWAYS_NOTE}


def collector_script(account, offer, sol) -> dict[str, Any] | None:
    c = account.collector
    if c is None:
        return None
    ref = c.account_number or account.account_number or account.id
    say = [f"I'm calling about your reference {ref}, which you say is for {account.provider.name}.",
           "I dispute this debt. I am requesting validation in writing, and I will communicate in writing from now on."]
    notice = c.validation_notice
    if notice and notice.amount is not None and account.balance is not None and notice.amount > account.balance:
        say.append(f"Your notice asks for {dollars(notice.amount)}, but the provider's balance was "
                   f"{dollars(account.balance)}: explain the difference of {dollars(notice.amount - account.balance)} in writing.")
    ask = ["Who is the current creditor, and do you own this debt or collect it for the provider?",
           "What was the amount on the itemization date, and what interest, fees, payments and credits since?",
           "Has this been reported to a credit bureau? Please note that it is disputed."]
    if c.kind == "debt_buyer":
        ask.append("When did you buy this account?")
    if offer and offer.get("no_offer") and not offer.get("withheld"):
        say += owed_sentences(offer)
        ask.append("Nothing is owed on this account: will you stop collection, return the account to the provider, "
                   "and delete any credit reporting?")
    elif offer and offer.get("opening") is not None:
        ask.append(f"After validation: would you accept {dollars(offer['opening'])} as payment in full, "
                   "reported as paid or deleted, with no resale of any remainder?")
    never = NEVER_SAY_BASE + [
        "Do not say the debt is yours, or promise to pay anything, before you have their validation in writing.",
        "Do not make any payment, however small, just to stop the calls: on an old debt it can restart the statute of limitations.",
        "Do not give your employer, your income or your bank's name.",
    ]
    if sol and sol.get("expired"):
        never.append("This debt looks time-barred: do not acknowledge it in writing.")
    return {"to": "collector", "name": c.name, "phone": c.phone, "say": say, "ask": ask, "never_say": never,
            "write_down": ALWAYS_NOTE}


def nsa_protects(case, account) -> bool:
    """Whether the No Surprises Act's balance-billing protection applies (the rights engine decides)."""
    from ..rights.nsa_scope import nsa_applies

    return nsa_applies(case, account) is True


def nsa_lines(case, account) -> list[str]:
    """What to say about the No Surprises Act: only where it applies, citing the rule for this care."""
    from ..rights.nsa_scope import nsa_applies

    applies, care, p = nsa_applies(case, account), account.care, account.provider
    if care.ambulance == "ground":
        return ["This was a ground ambulance ride. Will the plan pay it as in network, and does my state protect me "
                "from a balance bill for it?"]
    if applies is not True:
        if applies is None and p.in_network is False and case.insurance.status == "insured":
            return ["The provider may be out of network; please tell me whether the No Surprises Act protections "
                    "apply to this claim."]
        return []
    if care.ambulance == "air":
        return ["This was an air ambulance ride. Under the No Surprises Act I owe only my in-network cost sharing, "
                "even though it is out of network (42 U.S.C. 300gg-135); please process it that way."]
    if care.emergency:
        return ["This was emergency care. Under the No Surprises Act I owe only my in-network cost sharing, even if "
                "the hospital is out of network (42 U.S.C. 300gg-131; 45 CFR 149.410); please process it that way."]
    return [f"{p.name} is out of network but treated me at an in-network facility. For this non-emergency care I "
            f"owe only my in-network cost sharing (42 U.S.C. 300gg-132; 45 CFR 149.420): I did not sign a notice and "
            f"consent form giving up that protection, and for anesthesia, radiology, pathology, lab work and similar "
            f"services no form can. Please process it that way."]


def insurer_script(case, account, fair) -> dict[str, Any] | None:
    ins = case.insurance
    if ins is None or ins.status not in ("insured", "medicare"):
        return None
    when = account.care.start.isoformat() if account.care.start else "the date of service"
    say = [f"I'm calling about a claim for care on {when} at {account.provider.name}"
           + (f", billed {dollars(fair['billed'])}." if fair and fair.get("billed") else ".")]
    say += nsa_lines(case, account)
    ask = ["Was the claim received? What was allowed, what did you pay, and what is my share, line by line?",
           "Were any lines denied, and why (the reason codes)? How and by when can I appeal?",
           "Please send me the Explanation of Benefits for this claim."]
    if ins.member_id:
        ask.insert(0, f"(Have your member ID ready: {ins.member_id}.)")
    never = ["Do not agree to close an appeal or a complaint on the phone."]
    if say[1:] and nsa_protects(case, account):
        never.insert(0, "Do not accept 'you owe the difference' for this care without asking them to reprocess the "
                        "claim at in-network cost sharing.")
    return {"to": "insurer", "name": ins.plan or "your insurer", "phone": None, "say": say, "ask": ask,
            "never_say": never, "write_down": ALWAYS_NOTE}


def call_scripts(case, account, findings, assistance, offer, sol) -> list[dict[str, Any]]:
    fair = (offer or {}).get("fair")
    scripts = [provider_script(account, findings, assistance, offer),
               collector_script(account, offer, sol), insurer_script(case, account, fair)]
    return [s for s in scripts if s is not None]
