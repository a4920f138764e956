"""The same service billed twice on the same day, with no modifier that explains the repeat.

Anti-pattern: two lines for CBC (85025) on 2024-10-15, one unit and $45.00 each, no modifier.
Allowed: a repeat with modifier 76/77 (repeat procedure), 91 (repeat lab test) or a distinct-service
modifier (59, XE, XS, XP, XU) on the later line. The finding lists every line of the group and puts
the extra copies' charges at stake.
"""

from ..rule import Rule
from ..sqltypes import all_but_first, has_modifier, lines_of

REPEAT_MODIFIERS = ("76", "77", "91", "59", "XE", "XS", "XP", "XU")

# lines that could repeat another: charged, no repeat modifier, something to compare
CANDIDATES = f"""
    SELECT source, line, code, description, service_date, units, charge, service_day,
           coalesce(code, upper(trim(description))) AS service
    FROM audit_lines
    WHERE charge > 0
      AND NOT {has_modifier('mods', REPEAT_MODIFIERS)}
      AND (coalesce(code, '') <> '' OR coalesce(revenue_code, '') <> '' OR coalesce(description, '') <> '')
"""
# what makes two lines the same service: bill, code (or description), date, units and charge
SAME = ("source", "service", "service_date", "units", "charge")

RULE = Rule(
    id="BILL.DUPLICATE",
    severity="high",
    summary="the same service billed more than once on the same date without a repeat-service modifier",
    citations=[
        "CMS Medicare Claims Processing Manual (Pub. 100-04), ch. 1, sec. 80.3.2.2 (duplicate claims)",
        "NCCI Policy Manual, ch. 1, sec. E (modifiers 59, XE, XS, XP, XU) and modifiers 76/77/91 (CPT Appendix A)",
    ],
    sql=f"""
        SELECT source,
               {lines_of('line')} AS lines,
               {all_but_first('line')} AS stake_lines,
               count(*) AS copies,
               min(coalesce(code, '')) AS code,
               min(description) AS description,
               service_date AS date,
               units,
               charge,
               charge * (count(*) - 1) AS amount
        FROM ({CANDIDATES} AND service_day IN (SELECT k FROM repeat_keys)) AS l
        GROUP BY {", ".join(SAME)}
        HAVING count(*) > 1
    """,
    message=("{description} ({code}) is billed {copies} times on {date} for {charge} each, "
             "with no modifier showing a repeat service (lines {line_list})"),
    explanation=("A service done once should be billed once. If it really was repeated, the bill "
                 "should carry modifier 76, 77 or 91 (or 59, XE, XS, XP or XU); ask the billing office to "
                 "remove the extra copies or show the record of the repeat."),
    money_columns=("amount", "charge"),
)
