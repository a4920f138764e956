"""Accessibility basics that can be checked without a browser: colour contrast of the style
sheet's text and button colours (WCAG AA, 4.5:1), a language on every page, labelled fields."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT

CSS = ROOT / "src" / "billadvocate" / "web" / "static" / "web" / "style.css"


def _luminance(hex_colour: str) -> float:
    hex_colour = hex_colour.lstrip("#")
    if len(hex_colour) == 3:
        hex_colour = "".join(c * 2 for c in hex_colour)
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_contrast_formula_matches_known_values():
    assert contrast("#000", "#fff") == pytest.approx(21.0)
    assert contrast("#777", "#fff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("fg,bg", [
    ("ink", "paper"), ("muted", "paper"), ("accent", "paper"), ("bad", "paper"), ("good", "paper"),
    ("warn", "paper"), ("ink", "soft"), ("muted", "soft"), ("accent", "soft"),
    ("#ffffff", "accent"), ("#ffffff", "bad"), ("#ffffff", "warn"), ("#ffffff", "good"), ("focus", "paper"),
])
def test_text_and_buttons_have_at_least_aa_contrast(fg, bg):
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{3,6})", CSS.read_text()))
    ratio = contrast(colours.get(fg, fg), colours.get(bg, bg))
    assert ratio >= 4.5, f"{fg} on {bg}: {ratio:.2f}"


def test_chart_colours_keep_contrast_with_white_labels():
    from billadvocate.web.charts import COLOURS

    for c in COLOURS:
        assert contrast(c, "#ffffff") >= 4.5


def test_pages_declare_their_language_and_have_one_main_heading(world, client_as):
    c = client_as(world.client_a)
    for path in ("/login/", f"/cases/{world.case_a.pk}/", f"/cases/{world.case_a.pk}/log/"):
        page = c.get(path, follow=True).content.decode()
        assert re.search(r'<html lang="(en|es)">', page)
        assert page.count("<h1>") == 1, path
