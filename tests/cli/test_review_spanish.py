"""The text review of a Spanish-speaking patient is Spanish after the plan too: amounts, findings,
protections, deadlines, assistance, the offer, the plan and the call scripts (cli/spanish_text.py),
with the English review's figures; an English speaker's review is unchanged."""

from __future__ import annotations

import re

import yaml

from tests.conftest import EXAMPLES, ROOT, run_cli

ES_SPEAKER = ROOT / "tests" / "scenarios" / "cases" / "es_speaker" / "case.yaml"
ENGLISH = re.compile(r"\b(the|you|your|must|before|after|which|until|this|with|owe|should|does|is|are|and|of|to|"
                     r"for|on|or|not|by|may|will|if)\b")
MONEY = re.compile(r"\$[\d,]+\.\d\d")


def _accounts_part(text: str) -> str:
    """The review from the first account to the credit section (the credit report is not reviewed here)."""
    body = text.split("\n\n", 2)[-1]
    return re.sub(r"\s+", " ", body.split("Credit report", 1)[0])


def _copy_in(tmp_path, case_file, language: str):
    data = yaml.safe_load(case_file.read_text(encoding="utf-8"))
    data["patient"]["language"] = language
    import shutil

    for p in case_file.parent.iterdir():
        if p.name != case_file.name:
            (shutil.copytree if p.is_dir() else shutil.copyfile)(p, tmp_path / p.name)
    out = tmp_path / "case.yaml"
    out.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return out


def test_the_spanish_speakers_review_is_spanish_after_the_plan(tmp_path):
    res = run_cli("review", ES_SPEAKER)
    assert res.code == 0, res.err
    part = _accounts_part(res.out)
    for heading in ("Qué está mal en la factura", "Leyes que le protegen en este caso", "Fechas límite",
                    "Ayuda financiera", "Oferta:", "Plan de pagos:", "Qué decir si llama al proveedor"):
        assert heading in part
    left = [part[max(0, m.start() - 60):m.end() + 60] for m in ENGLISH.finditer(part)]
    assert not left, left[:5]
    assert not re.search(r"\b[A-Z]{3,}\.[A-Z_]{3,}\b|[A-Z]+_[A-Z_]+", part), "a rule or deadline id shows"
    english = run_cli("review", _copy_in(tmp_path, ES_SPEAKER, "en"))
    assert english.code == 0, english.err
    # the same figures: every amount of the English offer, plan and protections is in the Spanish
    en_part = _accounts_part(english.out)
    assert "Laws that protect you here" in en_part and "Leyes que le protegen" not in en_part
    for key in ("Payment plan", "Offer"):
        line = next(ln for ln in english.out.splitlines() if ln.startswith(key))
        for amount in MONEY.findall(line):
            assert amount in part, (key, amount)


def test_an_english_speakers_review_is_unchanged(tmp_path):
    res = run_cli("review", EXAMPLES / "er-visit-nonprofit" / "case.yaml")
    assert res.code == 0, res.err
    assert res.out.startswith("Review for") and "Laws that protect you here" in res.out
    assert "Leyes que le protegen" not in res.out and "Qué hacer primero" not in res.out


def test_a_spanish_speakers_review_with_collector_conduct_and_a_credit_report_has_no_english(tmp_path):
    """The er-visit example for a Spanish speaker: violations, protections, deadlines, the credit report's
    findings, disputes and next steps, all in Spanish."""
    case = _copy_in(tmp_path, EXAMPLES / "er-visit-nonprofit" / "case.yaml", "es")
    res = run_cli("review", case)
    assert res.code == 0, res.err
    text = re.sub(r"\s+", " ", res.out)
    assert text.startswith("Revisión para") and "Reporte de crédito" in text and "Qué hacer después" in text
    left = [text[max(0, m.start() - 60):m.end() + 60] for m in ENGLISH.finditer(text)]
    assert not left, left[:5]
