"""A visit billed with modifier 25 beside a minor procedure, with nothing on the bill showing a separate service.

A minor procedure (a global period of 0 or 10 days in the Physician Fee Schedule) already pays for
the usual evaluation before it; an E/M visit on the same day is paid on its own only when it is a
significant, separately identifiable service, which modifier 25 claims. When the bill shows that
day only the visit and the minor procedure (and their supplies and drugs), the visit is worth
questioning: the bill cannot prove it either way, so this is low severity and asks for the record.
At stake: the visit's charge.

Anti-pattern: 99213-25 and 11100 (skin biopsy, global 000) on one date and nothing else. A visit
with 25 beside a major procedure (90-day global: modifier 57 is the one for that), or on a day with
other services (imaging, labs, other procedures), is not reported.
"""

from ..rule import Rule
from ..sqltypes import line_list

# E/M visit codes (office, hospital, consults, emergency) and the OPPS clinic visit
EM_CODES = ("(code BETWEEN '99202' AND '99215' OR code BETWEEN '99221' AND '99239' OR code BETWEEN '99242' AND '99255' "
            "OR code BETWEEN '99281' AND '99285' OR code = 'G0463')")

RULE = Rule(
    id="BILL.MODIFIER_25_UNSUPPORTED",
    severity="low",
    summary="an E/M visit with modifier 25 beside a minor procedure and no separate service shown on the bill",
    citations=[
        "Medicare Claims Processing Manual (Pub. 100-04), ch. 12, sec. 30.6.6 (payment for E/M services provided during the global period; modifier 25)",
        "Medicare NCCI Policy Manual, ch. I, sec. D (modifier 25) and ch. XI (minor procedures include the decision to perform them)",
    ],
    sql=f"""
        WITH visits AS (  -- E/M lines carrying modifier 25: few, even in millions of lines
            SELECT source, line, dos, code, description, charge FROM audit_lines
            WHERE mods LIKE '% 25 %' AND dos IS NOT NULL AND {EM_CODES}
        ), same_day AS (  -- the other coded lines of those bills on those dates
            SELECT v.source, v.line AS visit_line, a.line, a.code,
                   coalesce(r.global_days IN ('000', '010'), false) AS minor
            FROM visits v
            JOIN audit_lines a ON a.source = v.source AND a.dos = v.dos AND a.line <> v.line AND a.code IS NOT NULL
            LEFT JOIN ref_pfs_rvu r ON r.hcpcs = a.code AND r.modifier IS NULL
             AND a.dos BETWEEN r.applies_from AND r.applies_to AND r.global_days IN ('000', '010', '090')
            WHERE a.source IN (SELECT source FROM visits)
        ), judged AS (
            SELECT source, visit_line, min(CASE WHEN minor THEN code END) AS minor_code,
                   min(CASE WHEN minor THEN line END) AS minor_line,
                   sum(CASE WHEN minor OR code LIKE 'J%' OR code LIKE 'A%' THEN 0 ELSE 1 END) AS others
            FROM same_day GROUP BY source, visit_line
        )
        SELECT v.source, {line_list('v.line', 'j.minor_line')} AS lines, {line_list('v.line')} AS stake_lines,
               v.line, v.code, v.description, v.dos AS date, j.minor_code, j.minor_line, v.charge AS amount
        FROM visits v JOIN judged j ON j.source = v.source AND j.visit_line = v.line
        WHERE j.minor_code IS NOT NULL AND j.others = 0
    """,
    message=("Line {line}, {description} ({code}) with modifier 25 on {date}, is billed beside a minor procedure "
             "({minor_code}, line {minor_line}) and the bill shows no other service that day; a visit is paid "
             "on its own only when it was significant and separate from the procedure: ask for the visit note"),
    explanation=("A minor procedure's price already includes the short evaluation before it. Modifier 25 says the "
                 "visit was a separate, significant service; ask the provider for the record showing it. If the "
                 "visit was only the decision to do the procedure, ask for the visit charge to be removed."),
    money_columns=("amount",),
)
