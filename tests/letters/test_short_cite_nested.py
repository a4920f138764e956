"""A citation whose trailing note holds parentheses of its own is shortened to its pinpoint, not cut inside the
note. The FDCPA's definition (federal/fdcpa.yaml: '15 U.S.C. 1692a(6) (definition of debt collector; (6)(A)
excludes ...)') printed in a letter's law column as '15 U.S.C. 1692a(6) (definition of debt collector; (6)(A)
excludes a creditor's own officers and employees collecting in the creditor's name;', and in Spanish with
'officers y employees'."""

from __future__ import annotations

from billadvocate.letters.compose import cites, short_cite

FDCPA_DEFINITION = ("15 U.S.C. 1692a(6) (definition of debt collector; (6)(A) excludes a creditor's own officers and "
                    "employees collecting in the creditor's name; (6)(F)(ii) excludes a debt the person originated)")


def test_a_note_with_its_own_parentheses_is_dropped_whole():
    assert short_cite(FDCPA_DEFINITION) == "15 U.S.C. 1692a(6)"
    assert cites([FDCPA_DEFINITION, "12 CFR 1006.14(b)"]) == "15 U.S.C. 1692a(6); 12 CFR 1006.14(b)"


def test_pinpoints_and_court_years_are_kept():
    assert short_cite("15 U.S.C. 1681i(a)(5)") == "15 U.S.C. 1681i(a)(5)"
    assert short_cite("15 U.S.C. 1681e(b) (maximum possible accuracy)") == "15 U.S.C. 1681e(b)"
    assert short_cite("Consumer Data Industry Ass'n v. Frey (1st Cir. 2022)") == \
        "Consumer Data Industry Ass'n v. Frey (1st Cir. 2022)"
