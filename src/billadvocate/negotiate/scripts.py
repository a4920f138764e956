"""Call scripts: what to say, what to ask and what never to say to the provider's billing office,
the collector and the insurer, filled with this case's numbers.

The patient never says the debt is theirs or how much they owe: a statement of the debt can be used
as an admission, and on an old debt an acknowledgment or a promise to pay can revive it: the time-barred
warning names the case's state rule (negotiate/barred.call_revival).
The script proposes a resolution instead, paid only once the terms are confirmed in writing, and on a
time-barred debt it offers nothing unless the patient chose to pay (negotiate withholds the offer).

Every call: write down the date, time, the person's name and a reference number, and follow up in
writing; what is said on the phone is hard to prove.
"""

from __future__ import annotations

import re
from typing import Any

from ..util import dollars
from .barred import call_revival, judged_reason, time_barred

ALWAYS_NOTE = ["the date and time", "the name of the person you spoke to", "a reference number for the call",
               "what they agreed to; then confirm it in a letter or email"]
NEVER_SAY_BASE = [
    "Do not give a card number, bank account or routing number, or agree to an automatic withdrawal, on this call.",
    "Do not agree to a payment plan or an amount on the spot; say you will reply in writing.",
    "Do not say that you owe this bill or how much you owe: offer to resolve the account, and only in writing.",
]
TIME_BARRED = ("This debt looks too old to be sued on (time-barred). On this call do not agree to pay, do not promise "
               "to pay, do not pay anything, and do not confirm that the debt is yours or how much it is.")
TIME_BARRED_CHOSE = ("This debt looks too old to be sued on (time-barred), and you chose to offer to settle it anyway. "
                     "On this call do not confirm that the debt is yours or how much it is, and do not pay or promise "
                     "anything until the settlement is in writing.")
# said only where the limit has not run out: past it, the time-barred warning says the state's own rule
SMALL_PAYMENT = ("Do not make any payment, however small, just to stop the calls: on an old debt it can restart the "
                 "statute of limitations.")
IN_WRITING = ("that this settles the account in full, that nothing more will be billed or collected, and that it will "
              "be reported as paid or removed from my credit reports")
NOT_AN_ADMISSION = "This is an offer to settle a disputed account, not an agreement that I owe it."


def _lines(nums: list[int]) -> str:
    return ", ".join(map(str, nums))


def owed_sentences(offer) -> list[str]:
    """What is owed, in the patient's words, with the arithmetic a person can check: the steps that
    changed the figure (the lines taken off, each cap, the yardstick), from the money engine."""
    if not offer or offer.get("withheld"):
        return []  # no figure on the phone where no offer is safe (a time-barred debt, a bill not yet known)
    # the legal limits only: a fair price said aloud reads as what the patient agrees is owed
    caps = [r for r in offer.get("steps", []) if r.get("kind") in ("cap", "appeal_hold")]
    if offer.get("no_offer"):
        caps = [r for r in caps if r.get("amount") == 0 and r["step"] != offer["no_offer"]][:1]  # what brought it to $0
    out = [_sentence(_said(offer["no_offer"]))] if offer.get("no_offer") else []
    for r in caps:
        out.append(_sentence(_said(r["step"])) + (f" ({r['citations'][0]})" if r["citations"] else ""))
    return out


# what the patient owes, as the limit of what may be charged: "I owe at most $250.00" admits $250.00
NOT_OWED = ((r"\bI owe at most (\$[\d,]+\.\d\d)", r"no more than \1 can be charged to me"),
            (r"\bI owe (?!\$0\.00\b)(\$[\d,]+\.\d\d)", r"the most that can be charged to me is \1"),
            (r"\bI owe only\b", "I can be charged only"), (r"(\$[\d,]+\.\d\d) I owe\b", r"\1 still asked"),
            # the money engine's advice to the patient, as the patient says it: she is sending it
            (r"; send the application, and everything", "; I am sending the application, and everything"))


# the review's advice on a void debt (rights STATE.REPORTED_DEBT_VOID): the patient's to follow, not to say on the phone
VOID_ADVICE = re.compile(r" Void is a defence you raise, not an order that stops a lawsuit by itself: [^.]*\."
                         r"(?: Ask a lawyer or legal aid whether [^.]*\.)?")


def _said(text: str) -> str:
    """A message in the patient's words on the phone, with no statement of what they owe (that nothing is
    owed, "I owe $0.00", is a denial and stays)."""
    text = _first_person(VOID_ADVICE.sub("", text))
    for a, b in NOT_OWED:
        text = re.sub(a, b, text)
    return text


FIRST_PERSON = ((r"\b[Yy]ou are\b", "I am"), (r"\b[Yy]ou were\b", "I was"), (r"\b[Yy]ou\b(?= (?:owe|qualify|have|had|did|do|may|must|can|should|paid|got|received|signed|asked|need)\b)", "I"),
                (r"\bYour\b", "My"), (r"\byour\b", "my"), (r"\byours\b", "mine"), (r"\bYou\b", "I"), (r"\byou\b", "me"))
SAY_FINDINGS_CHARS = 600  # the findings read aloud in one breath; the rest are in the letter
ASSISTANCE_RULE = "IRS501R.OVER_AGB"  # what the hospital's financial-assistance policy lets it charge: no billing error


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


# the review's advice to the patient at the end of a finding: not said to the billing office
ADVICE_TO_PATIENT = re.compile(r"(?:: get the insurer's EOB to see that amount|; check that the plan applied in-network "
                               r"cost sharing)\.?$")


def _findings_said(messages: list[str]) -> str:
    """The problems found, each a whole sentence in the first person, as many as fit in one breath; the
    others are counted, never cut mid-word or mid-sentence."""
    said: list[str] = []
    for m in messages:
        sentence = _sentence(_said(ADVICE_TO_PATIENT.sub("", m)))
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


def _offering(offer) -> bool:
    """An offer the patient may make: negotiate withholds it on a time-barred debt the patient did not choose to pay."""
    return bool(offer and not offer.get("withheld") and not offer.get("no_offer") and offer.get("opening"))


def _barred_warning(sol, offer) -> list[str]:
    judged = judged_reason(sol)
    if judged:  # a debt reduced to a judgment is not 'too old to be sued on', whatever the limit was
        return [judged]
    if not time_barred(sol):
        return []
    return [(TIME_BARRED_CHOSE if _offering(offer) else TIME_BARRED) + " " + call_revival(sol)]


BALANCE_ASK = "What is the balance after every payment and adjustment?"  # no insurer to ask about
INSURER_ASK = ("What is the balance after every insurance payment and adjustment, and has the claim been billed to my "
               "insurer?")


def no_insurer(case, account) -> bool:
    """Uninsured, or insured but paying this care herself (self-pay): no claim went to any insurer."""
    return bool(account.care.self_pay) or (case is not None and case.insurance is not None
                                           and case.insurance.status == "uninsured")


def provider_script(account, findings, assistance, offer, sol=None, case=None) -> dict[str, Any]:
    p = account.provider
    acct = account.account_number or account.id
    when = account.care.start.isoformat() if account.care.start else "the date on the bill"
    # the errors on the bill; free care or a discount the patient is likely eligible for is no billing error, and
    # is said apart, as what the patient believes and applies for
    errors = [f for f in findings if f.severity != "info" and f.rule != ASSISTANCE_RULE]
    over = next((f for f in findings if f.severity != "info" and f.rule == ASSISTANCE_RULE), None)
    disputed = sorted({ln for f in errors for ln in f.lines})
    say = [f"I'm calling about account {acct} for care on {when}. I want to resolve this bill, and I need it corrected first."]
    if disputed:
        say.append((f"Line {disputed[0]} of the itemized bill is" if len(disputed) == 1 else
                    f"Lines {_lines(disputed)} of the itemized bill are") + " in dispute. "
                   + _findings_said([f.message for f in errors]))
    else:
        say.append("Please send me a fully itemized bill with the CPT/HCPCS code of every line.")
    eligible = [x for x in assistance.get("programs", []) if x["eligible"] is not False and x["id"] != "MEDICAID"]
    if eligible:
        names = "; ".join(_lower_the(x.get("name") or "financial assistance") for x in eligible)
        belief = "" if over is None else (
            f"I believe I qualify for {'free care' if 'free care' in over.message else 'a discount'} under your "
            "financial-assistance policy, and ")
        say.append(f"{belief}I am applying for financial assistance ({names}). Please put "
                   "the account on hold, and stop any collection or credit reporting while it is reviewed.")
    say += owed_sentences(offer)
    if _offering(offer) and offer["fair_amount"] > 0:
        say.append(f"I can offer {dollars(offer['opening'])} to resolve this account in full, if you confirm in "
                   f"writing {IN_WRITING}. {NOT_AN_ADMISSION}")
    ask = [BALANCE_ASK if no_insurer(case, account) else INSURER_ASK,
           "Has the account been sent to a collection agency, sold, or reported to a credit bureau? If so, when and to whom?",
           "Please send me your financial-assistance policy and application, and your cash (self-pay) price for these services."]
    free = bool(offer and offer.get("no_offer") and not offer.get("withheld")
                and (offer.get("fair") or {}).get("capped_by") == "assistance")
    if free:
        ask.append("Your financial-assistance policy gives free care at my income: will you apply it, write off "
                   "the whole balance and recall the account from collections?")
    elif p.fap and p.fap.agb_percent is not None:
        ask.append(f"Your amounts generally billed are {p.fap.agb_percent}% of charges: if I qualify for assistance, "
                   "I may not be charged more; will you apply your discount and that limit?")
    if _offering(offer) and offer.get("target"):
        ask.append(f"Would you accept {dollars(offer['target'])} to resolve this account in full, and confirm in "
                   f"writing, before any payment, {IN_WRITING}?")
    never = NEVER_SAY_BASE + ["Do not say the bill is correct or that you can pay it in full."] + _barred_warning(sol, offer)
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
        free = (offer.get("fair") or {}).get("capped_by") == "assistance"  # free care once the hospital approves it
        ask.append(("I am applying for the hospital's financial assistance, which gives free care at my income"
                    if free else "Nothing is owed on this account")
                   + ": will you stop collection, return the account to the provider, and delete any credit reporting?")
    elif _offering(offer):
        ask.append(f"After validation: I can offer {dollars(offer['opening'])} to resolve this account in full, if "
                   f"you confirm in writing, before any payment, {IN_WRITING}, with no resale of any remainder. "
                   f"Would you accept that? {NOT_AN_ADMISSION}")
    never = NEVER_SAY_BASE + [
        "Do not say the debt is yours, or promise to pay anything, before you have their validation in writing.",
        *([] if time_barred(sol) else [SMALL_PAYMENT]),
        "Do not give your employer, your income or your bank's name.",
    ]
    never += _barred_warning(sol, offer)
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
        return ["This was an air ambulance ride. Under the No Surprises Act I may be charged no more than my "
                "in-network cost sharing, even though it is out of network (42 U.S.C. 300gg-135); please process it "
                "that way."]
    if care.emergency:
        return ["This was emergency care. Under the No Surprises Act I may be charged no more than my in-network cost "
                "sharing, even if the hospital is out of network (42 U.S.C. 300gg-131; 45 CFR 149.410); please "
                "process it that way."]
    return [f"{p.name} is out of network but treated me at an in-network facility. For this non-emergency care I "
            "may be charged no more than my in-network cost sharing (42 U.S.C. 300gg-132; 45 CFR 149.420): I did not "
            "sign a notice and consent form giving up that protection, and for anesthesia, radiology, pathology, lab "
            "work and similar services no form can. Please process it that way."]


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
    scripts = [provider_script(account, findings, assistance, offer, sol, case),
               collector_script(account, offer, sol), insurer_script(case, account, fair)]
    return [s for s in scripts if s is not None]
