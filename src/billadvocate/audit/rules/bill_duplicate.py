"""The same service billed twice on the same day, with no modifier that explains the repeat.

Anti-pattern: two lines for CBC (85025) on 2024-10-15, one unit and $45.00 each, no modifier.
Allowed: a repeat with modifier 76/77 (repeat procedure), 91 (repeat lab test) or a distinct-service
modifier (59, XE, XS, XP, XU) on the later line; a nominal charge under $1 (a reporting line such as
G1004, the $0.01 decision-support line each advanced imaging study carries). The finding lists every
line of the group and puts the extra copies' charges at stake. Lines with no date of service (a bill
that prints none, no stay dates) may be on different days: they are a question to ask, not a
duplicate shown (medium, and the message says the dates are missing).
"""

from ..rule import Rule
from ..sqltypes import all_but_first, has_modifier, lines_of

REPEAT_MODIFIERS = ("76", "77", "91", "59", "XE", "XS", "XP", "XU")

# lines that could repeat another: charged, no repeat modifier, something to compare
CANDIDATES = f"""
    SELECT source, line, code, description, service_date, units, charge, service_day,
           -- the day the line was on: its own date, else the stay's when the care was one day
           coalesce(service_date, CASE WHEN care_start = care_end THEN care_start END) AS known_date,
           coalesce(code, upper(trim(description))) AS service
    FROM audit_lines
    WHERE charge >= 1
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
               min(known_date) AS date,
               units,
               charge,
               charge * (count(*) - 1) AS amount,
               CASE WHEN min(known_date) IS NULL THEN 'undated' ELSE 'dated' END AS kind,
               CASE WHEN min(known_date) IS NULL THEN 'medium' ELSE 'high' END AS severity
        FROM ({CANDIDATES} AND service_day IN (SELECT k FROM repeat_keys)) AS l
        GROUP BY {", ".join(SAME)}
        HAVING count(*) > 1
    """,
    message={
        "dated": ("{description} ({code}) is billed {copies} times on {date} for {charge} each, "
                  "with no modifier showing a repeat service (lines {line_list})"),
        "undated": ("{description} ({code}) is billed {copies} times for {charge} each, with no modifier "
                    "showing a repeat service and no date of service on the bill to show separate days "
                    "(lines {line_list})"),
    },
    explanation=("A service done once should be billed once. If it really was repeated, the bill "
                 "should carry modifier 76, 77 or 91 (or 59, XE, XS, XP or XU); ask the billing office to "
                 "remove the extra copies or show the record of the repeat."),
    money_columns=("amount", "charge"),
    severity_column=True,
)
