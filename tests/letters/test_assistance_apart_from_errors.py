"""Free care (or a discount) under the hospital's financial-assistance policy is not a billing error: a letter
lists the errors under their own heading with the dollars they alone put in dispute (they must be corrected
whatever the assistance decision), and the assistance in its own paragraph, with its law. A long table's
attachment sentence names what it lists ('the 18 errors found on the itemized bill'), not '18 items of the
errors'. Read back from the er-visit example, reviewed, in English and Spanish."""

from __future__ import annotations

import re

from billadvocate.letters import letter_for
from billadvocate.letters.document import Paragraph, Table

from .test_letter_to_its_reader import HIGH_INCOME, letter_text, reviewed

ASSISTANCE = "IRS501R.OVER_AGB"
APART = {"en": "Apart from these errors", "es": "Además de estos errores"}
ERRORS_TITLE = {"en": "Errors found on the itemized bill", "es": "Errores en la factura detallada"}


def _errors_alone(tmp_path) -> float:
    """What the same bill's errors put in dispute for a household the policy does not help (no assistance
    finding at all): the figure the free-care letter must name for the errors alone."""
    folder = tmp_path / "high"
    folder.mkdir()
    review = reviewed(folder, household=HIGH_INCOME).accounts[0]
    assert all(f.rule != ASSISTANCE for f in review.findings)
    return float(review.in_dispute)


def _tables(letter) -> dict[str, list[str]]:
    """The letter's tables (in the body or attached) by title, each row as its cells joined by ' | '."""
    return {b.title: [" | ".join(r) for r in b.rows] for b in [*letter.body, *letter.attachments]
            if isinstance(b, Table)}


def test_free_care_with_errors_names_the_dollars_the_errors_alone_put_in_dispute(tmp_path):
    x = _errors_alone(tmp_path)
    result = reviewed(tmp_path)  # the example: free care at 153% of the guideline, and errors on the bill
    assert 0 < x < 4830
    en = letter_text(result, "billing_dispute")
    assert (f"The errors listed put ${x:,.2f} of the balance of $4,830.00 in dispute, each dollar counted once; they "
            "must be corrected whatever the decision on my financial assistance.") in en
    es = letter_text(result, "billing_dispute", "es")
    assert (f"Los errores señalados ponen en disputa ${x:,.2f} del saldo de $4,830.00, contando cada dólar una sola "
            "vez; deben corregirse sea cual sea la decisión sobre mi asistencia financiera.") in es
    # to the collector too: the errors' own dollars, not the whole balance the free care puts in dispute
    dispute = letter_text(result, "dispute")
    assert f"The itemized bill shows these problems, which put ${x:,.2f} of the balance of $4,830.00 in dispute" in dispute
    dispute_es = letter_text(result, "dispute", "es")
    assert f"que ponen en disputa ${x:,.2f} del saldo de $4,830.00" in dispute_es


def test_free_care_has_its_own_paragraph_not_a_row_of_the_errors_table(tmp_path):
    result = reviewed(tmp_path)
    for kind in ("billing_dispute", "dispute"):
        for lang in ("en", "es"):
            letter = letter_for(result, kind, lang=lang)
            errors = [row for title, rows in _tables(letter).items() if ERRORS_TITLE[lang] in title for row in rows]
            assert errors and not any(re.search(r"free care|gratuita", row, re.I) for row in errors), (kind, lang)
            own = [b.text for b in letter.body if isinstance(b, Paragraph) and b.text.startswith(APART[lang])]
            assert len(own) == 1, (kind, lang, own)
            assert ("free care" if lang == "en" else "atención gratuita") in own[0], (kind, lang, own)
            assert "26 U.S.C. 501(r)(5)" in own[0]  # its law, now that it has no table row
    # the hospital is asked to apply its policy as well as to correct the errors
    assert "apply your financial-assistance policy to this account" in letter_text(result, "billing_dispute")
    assert "apliquen su política de asistencia financiera a esta cuenta" in letter_text(result, "billing_dispute", "es")


def test_free_care_alone_is_not_a_row_of_errors(tmp_path):
    from .test_letter_to_its_reader import CLEAN_LAB, COLLECTOR

    result = reviewed(tmp_path, CLEAN_LAB, insurance={"status": "uninsured"}, balance=5.00, not_received=[],
                      collector=COLLECTOR)
    for kind in ("billing_dispute", "dispute"):
        for lang in ("en", "es"):
            letter = letter_for(result, kind, lang=lang)
            assert not any(ERRORS_TITLE[lang] in title for title in _tables(letter)), (kind, lang)
            text = " ".join(letter.text_blocks())
            assert "26 U.S.C. 501(r)(5)" in text, (kind, lang)


def test_the_attachment_sentence_names_what_it_lists(tmp_path):
    result = reviewed(tmp_path)
    n_errors = len([f for f in result.accounts[0].findings if f.rule != ASSISTANCE])
    assert n_errors > 6  # the table overflows into Attachment A
    en = letter_text(result, "billing_dispute")
    assert "items of the" not in en
    assert f"Attachment A lists the {n_errors} errors found on the itemized bill; it is part of this letter." in en
    es = letter_text(result, "billing_dispute", "es")
    assert "conceptos de la tabla" not in es
    assert (f"El Anexo A detalla los {n_errors} errores encontrados en la factura detallada y forma parte de esta "
            "carta.") in es
