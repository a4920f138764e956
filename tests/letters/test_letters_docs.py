"""Every letter type is documented (docs/letters.md is generated from the units) and cites law."""

from __future__ import annotations

import importlib

from billadvocate.docgen import letters_reference
from billadvocate.letters import LETTER_TYPES


def test_every_letter_type_has_a_documented_unit():
    text = letters_reference()
    for t in LETTER_TYPES:
        assert f"## `{t}`" in text, t
        module = importlib.import_module(f"billadvocate.letters.kinds.{t}")
        assert module.__doc__ and len(module.__doc__.strip()) > 80, f"{t} has no explanation"


def test_the_bureau_addresses_carry_their_source():
    from billadvocate.letters.kinds.credit_dispute import bureaus

    for name, b in bureaus().items():
        assert b["name"] and len(b["address"]) == 2 and b["citation"].strip(), name
