"""The highest-level E/M or emergency visit code with little else on the bill to support that level.

Level 5 emergency visits (99285) and the top office, hospital and consult levels need high-complexity
medical decision making. A visit billed at the top level with fewer than two other distinct
diagnostic or treatment services on the same date (imaging, labs, ECG, drug administration,
procedures) is worth questioning; the bill alone cannot prove it, so this is low severity and only
asks for the record. At stake: the difference to the next lower level, in proportion to the
fee-schedule's relative values when they are known.
"""

from ..rule import Rule
from ..sqltypes import line_list

# top level -> next lower level (CMS E/M families; code numbers only)
TOP_LEVELS = {"99285": "99284", "99215": "99214", "99205": "99204", "99223": "99222",
              "99233": "99232", "99245": "99244", "99255": "99254", "99350": "99349"}
_pairs = ", ".join(f"('{k}', '{v}')" for k, v in TOP_LEVELS.items())

RULE = Rule(
    id="BILL.UPCODING_SUSPECT",
    severity="low",
    summary="the highest-level E/M or emergency visit code with nothing on the bill supporting that level",
    citations=[
        "CMS Evaluation and Management Services Guide (MLN006764): code level chosen by medical decision making or time",
        "Medicare Claims Processing Manual (Pub. 100-04), ch. 12, sec. 30.6.1 (selection of the level of E/M service)",
    ],
    sql=f"""
        WITH top AS (
            SELECT a.source, a.line, a.dos, a.code, a.description, a.charge, t.lower_code, a.setting
            FROM audit_lines a JOIN (VALUES {_pairs}) AS t(code, lower_code) ON t.code = a.code
        ), support AS (  -- each of those bills' dates: its distinct other diagnostic or treatment services
            -- (a top level is never one, so a visit's own line is not counted: no line pairs to build)
            SELECT o.source, o.dos, count(DISTINCT o.code) AS services
            FROM audit_lines o
            WHERE o.source IN (SELECT source FROM top) AND o.code IS NOT NULL
              AND o.code NOT IN (SELECT code FROM (VALUES {_pairs}) AS x(code, lower_code))
              AND (o.code BETWEEN '10000' AND '69999' OR o.code BETWEEN '70000' AND '89999'
                   OR o.code BETWEEN '90000' AND '99199' OR o.code LIKE 'J%' OR o.code = '99291')
            GROUP BY o.source, o.dos
        ), rvu AS (
            SELECT hcpcs, max(work_rvu + pe_facility_rvu + mp_rvu) AS total
            FROM ref_pfs_rvu WHERE modifier IS NULL GROUP BY hcpcs
        )
        SELECT t.source, {line_list('t.line')} AS lines, {line_list('t.line')} AS stake_lines, t.line, t.code,
               t.description, t.lower_code, coalesce(s.services, 0) AS services, t.charge,
               coalesce(round(t.charge * (1 - rl.total / rt.total), 2), 0) AS amount
        FROM top t LEFT JOIN support s ON s.source = t.source AND s.dos = t.dos
        LEFT JOIN rvu rt ON rt.hcpcs = t.code LEFT JOIN rvu rl ON rl.hcpcs = t.lower_code
        WHERE coalesce(s.services, 0) < 2
    """,
    message=("Line {line}, {description} ({code}), is the highest visit level, but the bill shows only "
             "{services} other diagnostic or treatment service(s) that day; ask for the record supporting it "
             "(the next level is {lower_code})"),
    explanation=("The top visit level is for the most complex problems. When little was done, ask the provider "
                 "for the visit note and how the level was chosen; if it does not support the top level, ask "
                 "for the visit to be re-coded one level lower."),
    money_columns=("amount", "charge"),
    reference_codes=tuple(TOP_LEVELS.values()),
)
