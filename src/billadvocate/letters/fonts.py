"""The Unicode TrueType font the PDFs embed (Source Serif Pro, from the font-source-serif-pro
pip package), so Spanish accents and the euro-free dollar text render on any machine."""

from __future__ import annotations

from pathlib import Path

import font_source_serif_pro

FONT_DIR = Path(font_source_serif_pro.__file__).resolve().parent / "files"
FAMILY = "SourceSerif"
STYLES = {"": "SourceSerifPro-Regular.ttf", "B": "SourceSerifPro-Bold.ttf",
          "I": "SourceSerifPro-It.ttf"}


def add_fonts(pdf) -> None:
    for style, name in STYLES.items():
        pdf.add_font(FAMILY, style, str(FONT_DIR / name))
