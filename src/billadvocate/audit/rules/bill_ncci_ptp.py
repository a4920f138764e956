"""Two codes billed together on one date that an NCCI procedure-to-procedure edit says not to pay.

Each NCCI PTP edit pairs a column-1 code with a column-2 code that is part of it (or mutually
exclusive with it). Modifier indicator 0: the column-2 code is never paid with the column-1 code on
the same date. Indicator 1: it may be, but only with a modifier showing a separate service
(anatomic, global-surgery, 27, 59, 91, XE, XS, XP, XU) on either line. Indicator 9: the edit is
withdrawn. Edits differ between practitioner and outpatient hospital bills, so the bill's setting
picks the table, and the line's date of service picks the quarterly release in force.

Anti-pattern: 80053 (comprehensive metabolic panel) and 80048 (basic metabolic panel) on the same
date: the basic panel is inside the comprehensive one (indicator 0). When the bill's setting cannot
be decided (audit/setting.py), only the edits both tables make are reported, at the milder of their
two indicators; the result's notes say which edits were left out. A separate-service modifier (59,
XE, XS, XP, XU) on a pair of indicator 0 is named as a misuse: no modifier unbundles such a pair.
"""

from ..rule import Rule
from ..sqltypes import concat_lines, distinct_text, has_modifier, line_list, lines_of

# NCCI Policy Manual, ch. I, sec. E: modifiers that may bypass an indicator-1 edit
BYPASS_MODIFIERS = ("E1", "E2", "E3", "E4", "FA", "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9",
                    "LC", "LD", "LM", "LT", "RC", "RI", "RT", "TA", "T1", "T2", "T3", "T4", "T5", "T6",
                    "T7", "T8", "T9", "24", "25", "57", "58", "78", "79", "27", "59", "91",
                    "XE", "XS", "XP", "XU")

# the "distinct procedural service" modifiers: on an indicator-0 pair they are misused (nothing unbundles it)
DISTINCT_SERVICE = ("59", "XE", "XS", "XP", "XU")

# NCCI tables by setting; a bill whose setting could not be decided is checked against both
TABLES = ("professional", "outpatient")


def coded() -> str:
    """The coded lines of bills whose setting picks an NCCI table, each with `tbl`, the table it is
    checked against. A line of a bill whose setting is unknown (NULL) comes twice, once per table
    (`undecided`). Their modifiers are tested in `hits`, only on the pairs an edit matches: a few
    thousand in millions of lines, where testing every line cost more than the pair join itself."""
    both = " UNION ALL ".join(f"SELECT '{t}' AS s" for t in TABLES)
    return f"""(SELECT source, line, dos, code, description, charge, mods, t.s AS tbl, setting IS NULL AS undecided
                FROM audit_lines JOIN ({both}) t ON t.s = coalesce(setting, t.s)
                WHERE code IS NOT NULL AND dos IS NOT NULL)"""


def pair_hits_sql() -> str:
    """CTEs ending in `hits`: each (column-1 line, column-2 line) an edit of table `tbl` does not pay
    on the same date. Shared with audit/setting.py, which counts the edits only one table makes."""
    return f"""
        codes AS (  -- the codes on the bills, by table: a few thousand rows even for millions of lines
            SELECT DISTINCT tbl, code FROM {coded()} AS a
        ), edits AS (  -- only the edits between codes on the bills: a small hash table to probe
            SELECT * FROM ref_ncci_ptp
            WHERE modifier_indicator IN (0, 1)
              AND (setting, column_1) IN (SELECT tbl, code FROM codes)
              AND (setting, column_2) IN (SELECT tbl, code FROM codes)
        ), candidates AS (  -- lines whose code is in one of those edits (either column), read once
            SELECT * FROM {coded()} AS a
            WHERE (tbl, code) IN (SELECT setting, column_1 FROM edits UNION SELECT setting, column_2 FROM edits)
        ), c1 AS (  -- lines whose code is the column-1 code of an edit
            SELECT * FROM candidates WHERE (tbl, code) IN (SELECT setting, column_1 FROM edits)
        ), c2 AS (  -- lines whose code is a column-2 code: only these pairs can hit an edit
            SELECT * FROM candidates WHERE (tbl, code) IN (SELECT setting, column_2 FROM edits)
        ), hits AS (
            SELECT c2.source, c2.line AS line2, c1.line AS line1, c2.code AS code2, c1.code AS code1,
                   c2.description AS description2, c2.charge AS charge2, c2.dos, p.modifier_indicator,
                   p.rationale, p.release_from, c2.tbl, c2.undecided,
                   CASE WHEN {has_modifier('c2.mods', DISTINCT_SERVICE)} THEN c2.line
                        WHEN {has_modifier('c1.mods', DISTINCT_SERVICE)} THEN c1.line END AS misused_on
            FROM c1
            JOIN c2 ON c2.source = c1.source AND c2.dos = c1.dos AND c2.line <> c1.line AND c2.tbl = c1.tbl
            JOIN edits p
              ON p.setting = c1.tbl AND p.column_1 = c1.code AND p.column_2 = c2.code
             AND c1.dos BETWEEN p.applies_from AND p.applies_to
             AND (p.effective_date IS NULL OR c1.dos >= p.effective_date)
             AND (p.deletion_date IS NULL OR c1.dos < p.deletion_date)
            WHERE p.modifier_indicator = 0
               OR (p.modifier_indicator = 1 AND NOT {has_modifier('c1.mods', BYPASS_MODIFIERS)}
                   AND NOT {has_modifier('c2.mods', BYPASS_MODIFIERS)})
        )"""


RULE = Rule(
    id="BILL.NCCI_PTP",
    severity="high",
    summary="a column-2 code of an NCCI procedure-to-procedure edit billed with its column-1 code on the same date",
    citations=[
        "CMS National Correct Coding Initiative, procedure-to-procedure (PTP) edits, practitioner and outpatient hospital tables (quarterly releases)",
        "Medicare NCCI Policy Manual, ch. I, sec. E (modifiers and modifier indicators)",
        "CMS Medicare Claims Processing Manual (Pub. 100-04), ch. 23, sec. 20.9 (correct coding initiative)",
    ],
    sql=f"""
        WITH {pair_hits_sql()}, agreed AS (
            SELECT source, line2, line1, code2, code1, description2, charge2, dos, modifier_indicator,
                   rationale, release_from, tbl AS setting, misused_on
            FROM hits WHERE NOT undecided
            UNION ALL  -- setting unknown: only what the practitioner and the hospital tables both say
            SELECT source, line2, line1, min(code2), min(code1), min(description2), min(charge2), min(dos),
                   max(modifier_indicator), min(rationale), min(release_from), 'both', min(misused_on)
            FROM hits WHERE undecided
            GROUP BY source, line2, line1 HAVING count(DISTINCT tbl) = 2
        )
        SELECT source,
               {concat_lines(lines_of('line1'), line_list('line2'))} AS lines, line2, {line_list('line2')} AS stake_lines, min(charge2) AS amount,
               min(code2) AS code2, min(description2) AS description2,
               {distinct_text('code1')} AS code1s, min(dos) AS date,
               min(modifier_indicator) AS modifier_indicator, min(rationale) AS rationale,
               min(release_from) AS release,
               CASE min(setting) WHEN 'both' THEN 'practitioner and outpatient hospital' ELSE min(setting) END AS setting,
               CASE WHEN min(modifier_indicator) = 0 THEN 'high' ELSE 'medium' END AS severity,
               min(CASE WHEN modifier_indicator = 0 THEN misused_on END) AS misused_on,
               CASE WHEN min(CASE WHEN modifier_indicator = 0 THEN misused_on END) IS NULL THEN 'edit'
                    ELSE 'misused_modifier' END AS kind
        FROM agreed
        GROUP BY source, line2
    """,
    message={
        "edit": ("Line {line2}, {description2} ({code2}) on {date}, is bundled into {code1s} "
                 "(NCCI {setting} edit of {release}, modifier indicator {modifier_indicator}: {rationale}); "
                 "lines {line_list}"),
        "misused_modifier": ("Line {line2}, {description2} ({code2}) on {date}, is bundled into {code1s} "
                             "(NCCI {setting} edit of {release}, modifier indicator 0: {rationale}); the "
                             "separate-service modifier on line {misused_on} cannot unbundle this pair, so "
                             "using it here is a misuse; lines {line_list}"),
    },
    explanation=("Medicare's coding edits say these two services are not billed separately on the same day. "
                 "With indicator 0 the bundled line should come off; with indicator 1 it stays only if the "
                 "record shows a separate service and the bill carries a modifier (such as 59 or XU) saying so. "
                 "Private insurers and self-pay prices commonly follow the same edits."),
    severity_column=True,
    money_columns=("amount",),
)
