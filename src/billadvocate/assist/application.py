"""What to send with a financial-assistance application, to whom, and by when.

The deadline itself (FAP_APPLICATION_END) is computed by the rights engine from the first bill
date; review copies it here when it exists. The letters engine renders the `fap_application`
letter from these facts.
"""

from __future__ import annotations

from typing import Any

BASE_DOCUMENTS = [
    "the hospital's financial-assistance application form (ask for it, or download it from the hospital's website)",
    "proof of household income: the last 2-3 pay stubs, or last year's tax return, or benefit letters (Social Security, unemployment); a signed statement if there is no income",
    "a list of the people in the household (the tax return shows it)",
    "the bill or statement with the account number",
]
INSURED_DOCUMENTS = ["the insurance card and the insurer's Explanation of Benefits for this care"]
WINDOW_501R = ("A nonprofit hospital must accept and process an application sent within 240 days after "
               "the first bill after discharge (26 CFR 1.501(r)-1(b)(3)); many accept later ones, so apply anyway.")


def application_facts(sit, programs: list[dict[str, Any]]) -> dict[str, Any]:
    """The application packet for the programs that may help (eligible true or undecided)."""
    useful = [p for p in programs if p["eligible"] is not False and p["id"] != "MEDICAID"]
    documents = list(BASE_DOCUMENTS)
    if sit.insurance in ("insured", "medicare"):
        documents += INSURED_DOCUMENTS
    windows = []
    for p in useful:
        for d in p.get("documents", []):
            if d not in documents:
                documents.append(d)
        if p.get("window"):
            windows.append(f"{p['name']}: {p['window']}")  # the program's name: the patient reads it
    federal = next((p for p in useful if p["id"] == "FEDERAL.501R"), None)
    if federal is not None:
        windows.insert(0, f"{federal['name']}: {WINDOW_501R}")
    return {
        "programs": [p["id"] for p in useful],
        "send_to": sit.provider_name,
        "documents": documents,
        "windows": windows,
        "first_bill_date": sit.first_bill_date.isoformat() if sit.first_bill_date else None,
        "deadline": None,  # FAP_APPLICATION_END, filled by review from the rights engine's deadlines
        "letter": "fap_application",
        "ask_for": [
            "a written decision, and the reason for any denial",
            "that collection (and any credit reporting) is paused while the application is pending",
            "a refund of anything paid above what you owe once assistance is granted",
        ],
    }
