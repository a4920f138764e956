"""An add-on code billed without any of its primary procedures on the same date.

An add-on code (e.g. 96375, each additional IV push) describes work done in addition to a primary
service and is never paid alone. NCCI's add-on code edits list, for type-1 add-ons, the only primary
codes it may go with; for types 2 and 3 the list is not exhaustive, so those are not judged.

Anti-pattern: 96375 on 2025-03-02 with no 96360, 96365, 96374, 96409 or 96413 that day. Allowed:
96375 with 96374 on the same date.
"""

from ..rule import Rule
from ..sqltypes import line_list

RULE = Rule(
    id="BILL.ADDON_WITHOUT_PRIMARY",
    severity="medium",
    summary="an add-on code billed without any of its primary procedures on the same date",
    citations=[
        "CMS National Correct Coding Initiative, add-on code edits (type 1: the listed primary codes only)",
        "Medicare NCCI Policy Manual, ch. I, sec. D (add-on codes are reported only with a primary procedure)",
    ],
    sql=f"""
        WITH addons AS (
            SELECT DISTINCT a.source, a.line, a.dos, a.code, a.description, a.charge
            FROM audit_lines a
            JOIN ref_ncci_aoc x ON x.add_on_code = a.code AND a.dos BETWEEN x.applies_from AND x.applies_to
            WHERE x.edit_type = 1 AND a.dos IS NOT NULL
        )
        SELECT d.source, {line_list('d.line')} AS lines, d.charge AS amount, d.line, d.code, d.description, d.dos AS date
        FROM addons d
        WHERE NOT EXISTS (
            SELECT 1 FROM (SELECT * FROM audit_lines WHERE source IN (SELECT source FROM addons)) p  -- those bills' lines
            JOIN ref_ncci_aoc x ON x.add_on_code = d.code AND x.primary_code = p.code
             AND d.dos BETWEEN x.applies_from AND x.applies_to
            WHERE p.source = d.source AND p.dos = d.dos AND p.line <> d.line)
    """,
    message="Line {line}, {description} ({code}) on {date}, is an add-on code, but none of its primary procedures is billed that day",
    explanation=("An add-on service is only billable together with the main service it adds to. Ask the billing "
                 "office which primary procedure it belongs to, or to remove it."),
)
