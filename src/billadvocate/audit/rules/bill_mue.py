"""More units of a code on one date than its Medically Unlikely Edit (MUE) allows.

An MUE is the most units of a service one patient would get on one day in nearly every case. Its
adjudication indicator (MAI) says how it is counted: 1 per claim line, 2 and 3 per date of service
(2 is an absolute policy limit, reported at high severity; 1 and 3 may be justified by the record
or separate lines, so they are reported at medium). The bill's setting
picks the practitioner or outpatient hospital table; the date of service picks the release. When
the setting cannot be decided, a line is judged by the limit both tables agree on (the larger MUE).

Anti-pattern: 36415 (venipuncture) 3 units on one date where the MUE is 2. At the limit (2 units)
nothing is reported. The excess units at the line's unit price are at stake.
"""

from ..rule import Rule
from ..sqltypes import line_list, lines_of

# each coded line with the MUE in force for its setting, code and date of service; a line of a bill
# whose setting could not be decided (NULL) gets the limit both tables agree on: the larger of the
# practitioner and outpatient hospital MUEs, counted per line if either table counts per line
def mue_lines(only: str) -> str:
    """Lines with the MUE that applies to them (both tables' agreed limit when the setting is unknown),
    among the lines for which `only` holds (read before the join: most lines need no MUE)."""
    return f"""(
        SELECT a.source, a.line, a.dos, a.code, a.description, a.units, a.charge, a.setting, a.service_day,
               m.mue_units, m.mai, m.rationale, m.release_from
        FROM audit_lines a
        JOIN ref_mue m ON m.setting = a.setting AND m.code = a.code
         AND a.dos BETWEEN m.applies_from AND m.applies_to
        WHERE a.setting IN ('professional', 'outpatient') AND a.dos IS NOT NULL AND m.mue_units > 0 AND a.units > 0
          AND {only}
        UNION ALL
        SELECT a.source, a.line, a.dos, a.code, a.description, a.units, a.charge,
               'practitioner and outpatient hospital', a.service_day,
               greatest(p.mue_units, o.mue_units),
               CASE WHEN p.mai = 1 OR o.mai = 1 THEN 1 WHEN p.mai = 2 AND o.mai = 2 THEN 2 ELSE 3 END,
               CASE WHEN p.mue_units >= o.mue_units THEN p.rationale ELSE o.rationale END,
               least(p.release_from, o.release_from)
        FROM audit_lines a
        JOIN ref_mue p ON p.setting = 'professional' AND p.code = a.code AND a.dos BETWEEN p.applies_from AND p.applies_to
        JOIN ref_mue o ON o.setting = 'outpatient' AND o.code = a.code AND a.dos BETWEEN o.applies_from AND o.applies_to
        WHERE a.setting IS NULL AND a.dos IS NOT NULL AND p.mue_units > 0 AND o.mue_units > 0 AND a.units > 0
          AND {only}
    ) AS l"""


# a line over its MUE on its own has more than one unit: every MUE in force is a whole number of at
# least 1 (the tables hold integers; 0 means no MUE), so lines of one unit are not joined at all
OVER_ON_ITS_OWN = mue_lines("a.units > 1")
REPEATED = mue_lines("a.service_day IN (SELECT k FROM repeat_keys)")

RULE = Rule(
    id="BILL.MUE",
    severity="high",
    summary="units of a code on one date exceed its Medically Unlikely Edit",
    citations=[
        "CMS National Correct Coding Initiative, Medically Unlikely Edits (practitioner and outpatient hospital tables, quarterly releases)",
        "Medicare NCCI Policy Manual, ch. I, sec. V (Medically Unlikely Edits and adjudication indicators)",
    ],
    sql=f"""
        WITH groups AS (
            -- one line on its own: MAI 1 counts per line; a code billed once that day is its own total
            SELECT source, {line_list('line')} AS lines, dos, code, units, charge, mue_units, mai, rationale,
                   description, release_from AS release, setting
            FROM {OVER_ON_ITS_OWN}
            WHERE units > mue_units AND (mai = 1 OR service_day NOT IN (SELECT k FROM repeat_keys))
            UNION ALL  -- MAI 2 and 3 count per date of service: the code's lines that day together
            SELECT source, {lines_of('line')}, dos, code, sum(units), sum(charge), min(mue_units), min(mai),
                   min(rationale), min(description), min(release_from), min(setting)
            FROM {REPEATED}
            WHERE mai <> 1
            GROUP BY source, dos, code
        )
        SELECT source, lines, code, description, dos AS date, CAST(units AS DOUBLE) AS units, mue_units, mai,
               rationale, release, setting,
               round(charge / units * (units - mue_units), 2) AS amount,
               CASE WHEN mai = 2 THEN 'high' ELSE 'medium' END AS severity,
               CASE WHEN mai = 1 THEN 'per line' ELSE 'per date of service' END AS counted
        FROM groups
        WHERE units > mue_units
    """,
    message=("{description} ({code}) is billed for {units:g} units on {date} ({lines_word} {line_list}); "
             "the {setting} MUE of {release} allows {mue_units} {counted} (CMS's reason: {rationale})"),
    explanation=("Medicare's Medically Unlikely Edits cap the units of a service one patient gets on one day. "
                 "Ask the billing office to correct the units, or to show the record that justifies them "
                 "(only a clinical MUE, indicator 3, can be justified that way)."),
    severity_column=True,
)
