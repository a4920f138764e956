"""Every letter template exists in both languages and renders without a missing field."""

from __future__ import annotations

import yaml

from billadvocate.letters import LANGUAGES, LETTER_TYPES, letter_for
from billadvocate.letters.compose import TEMPLATES
from billadvocate.letters.render_txt import render_txt

from .helpers import PLAN_LETTERS, full_result, result_for


def test_every_type_has_a_template_and_a_title_in_every_language():
    for lang in LANGUAGES:
        labels = yaml.safe_load((TEMPLATES / lang / "labels.yaml").read_text(encoding="utf-8"))
        for t in LETTER_TYPES:
            assert (TEMPLATES / lang / f"{t}.j2").is_file(), f"{lang}/{t}.j2 is missing"
            assert labels["titles"][t].strip()


def test_the_labels_files_have_the_same_keys_in_both_languages():
    def keys(d, prefix=""):
        out = set()
        for k, v in d.items():
            if k in ("rules", "programs"):  # names the engines give in English only
                continue
            out.add(prefix + k)
            if isinstance(v, dict):
                out |= keys(v, prefix + k + ".")
        return out

    en, es = (yaml.safe_load((TEMPLATES / lang / "labels.yaml").read_text(encoding="utf-8"))
              for lang in ("en", "es"))
    assert keys(en) == keys(es)


def test_every_template_renders_with_no_missing_field_in_both_languages():
    jane = full_result("er-visit-nonprofit")
    marcus = full_result("uninsured-outpatient")
    for lang in LANGUAGES:
        for t in LETTER_TYPES:
            letter = letter_for(result_for("er-visit-nonprofit", t) if t in PLAN_LETTERS else jane, t,
                                bureau="equifax" if t == "credit_dispute" else None, lang=lang)
            text = render_txt(letter)
            assert "{{" not in text and "{%" not in text and "[[table" not in text
            signer = "Luis Doe" if t == "death_notice" else "Jane Doe"  # a dead patient's relative signs for her
            assert letter.subject and letter.body and letter.signature == [signer]
        # the variants Jane's case does not reach
        for t in ("nsa_dispute", "hardship", "payment_plan_offer"):
            assert render_txt(letter_for(marcus, t, lang=lang))


def test_spanish_letters_are_not_english():
    jane = full_result("er-visit-nonprofit")
    for t in LETTER_TYPES:
        es = render_txt(letter_for(result_for("er-visit-nonprofit", t) if t in PLAN_LETTERS else jane, t,
                                   bureau="equifax" if t == "credit_dispute" else None, lang="es"))
        assert "Atentamente" in es and "Sincerely" not in es
        assert " the " not in es.replace("The ", "")  # no English sentence left in the Spanish text


def test_no_letter_prints_an_empty_fact():
    """With the engines' real results, and with a case stripped of optional facts, a letter is
    either complete or not written (MissingFact): never 'None' or a blank amount."""
    from billadvocate.letters import LETTER_TYPES, MissingFact, NotAdvised
    from billadvocate.letters.select import attach_letters

    from .helpers import EXAMPLE_NAMES, example_result

    results = [example_result(n) for n in EXAMPLE_NAMES]
    bare = example_result("er-visit-nonprofit")
    a = bare.case.accounts[0]
    a.balance = None
    a.collector.account_number = None
    a.collector.validation_notice = None
    bare.case.household.monthly_expenses = None
    bare.accounts[0].violations = []
    attach_letters(bare)
    for result in [*results, bare]:
        for t in LETTER_TYPES:
            for lang in LANGUAGES:
                try:
                    letter = letter_for(result, t, bureau="experian" if t == "credit_dispute" else None,
                                        lang=lang)
                except (MissingFact, NotAdvised):  # not written: a fact is missing, or it could hurt
                    continue
                text = render_txt(letter)
                assert "None" not in text and "$-" not in text and " - dollars" not in text, (t, lang)
                assert ":\n\nSincerely" not in text and ":\n\nAtentamente" not in text, (t, lang)
