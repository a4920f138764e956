"""The one document model every letter is built into, and every renderer (PDF, DOCX, txt) reads.

A letter is a sender block, a date, a recipient block, reference lines, a subject, a body of
blocks (paragraphs, headings, bullet lists, tables), a closing with a signature block, the
enclosures, and attachments (tables too long for the body). Renderers never decide wording.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, is_dataclass, replace


@dataclass
class Table:
    """A table with a title; `widths` are relative column widths, `align` is L or R per column."""

    title: str
    columns: list[str]
    rows: list[list[str]]
    widths: list[float] | None = None
    align: list[str] | None = None


@dataclass
class Paragraph:
    text: str


@dataclass
class Heading:
    text: str


@dataclass
class Bullets:
    items: list[str]


Block = Paragraph | Heading | Bullets | Table


@dataclass
class Letter:
    """A letter ready to render: all wording decided, in one language."""

    type: str
    lang: str
    title: str
    sender: list[str]
    date: str
    recipient: list[str]
    references: list[tuple[str, str]]
    subject: str
    salutation: str
    body: list[Block]
    closing: str
    signature: list[str]
    enclosures: list[str] = field(default_factory=list)
    delivery: str | None = None  # e.g. "Sent by certified mail, return receipt requested"
    attachments: list[Table] = field(default_factory=list)
    citations: list[str] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)  # "enclosures", "page", "of", ...
    file_stem: str = ""

    def text_blocks(self) -> list[str]:
        """Every piece of text of the letter, in reading order (for search and tests)."""
        out = [*self.sender, self.date, *self.recipient, *(f"{k}: {v}" for k, v in self.references),
               self.subject, self.salutation]
        for b in [*self.body, *self.attachments]:
            if isinstance(b, (Paragraph, Heading)):
                out.append(b.text)
            elif isinstance(b, Bullets):
                out.extend(b.items)
            else:
                out.append(b.title)
                out.extend(" | ".join(r) for r in b.rows)
        return [*out, self.closing, *self.signature, *self.enclosures]


_CONTROL = {c: None for c in range(32) if c not in (9, 10)} | {127: None} | {c: None for c in range(0x80, 0xA0)}


def printable(value):
    """A copy of a letter (or any part of it) with control characters taken out of every string.

    The text comes from the user (names, notes, account numbers): a stray NUL, form feed or escape
    would make python-docx refuse the document or leave garbage in a PDF a patient signs."""
    if isinstance(value, str):
        return value.translate(_CONTROL)
    if isinstance(value, list):
        return [printable(v) for v in value]
    if isinstance(value, tuple):
        return tuple(printable(v) for v in value)
    if isinstance(value, dict):
        return {k: printable(v) for k, v in value.items()}
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: printable(getattr(value, f.name)) for f in fields(value) if f.init})
    return value
