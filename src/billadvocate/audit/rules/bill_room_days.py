"""More room-and-board days than nights in the stay: the day of discharge is not a billable day.

A stay from 2025-03-02 to 2025-03-04 is two nights, so at most two room-and-board days (one for a
same-day admission and discharge). Room and board lines are revenue codes 0100-0219 (all-inclusive,
private, semi-private, ward, intensive and coronary care), or descriptions naming room and board.
Observation hours (revenue code 0762) are not room days. Needs the care's start and end.
"""

from ..rule import Rule
from ..sqltypes import lines_of, text_matches

# descriptions naming room and board (regular expressions, any case): "ROOM & BOARD", "R&B SEMI-PRIV"
ROOM_WORDS = ("ROOM.*BOARD", "R&B", "SEMI.*PRIV", "PRIVATE ROOM")
ROOM_NEEDLES = ("b", "priv")  # every match of ROOM_WORDS holds one of them
_words = text_matches("description", ROOM_WORDS, ROOM_NEEDLES)

RULE = Rule(
    id="BILL.ROOM_DAYS",
    severity="high",
    summary="more room-and-board days billed than nights of the stay",
    citations=[
        "Medicare Benefit Policy Manual (Pub. 100-02), ch. 3, sec. 20.1 (counting inpatient days: the day of discharge is not counted)",
        "NUBC UB-04 revenue codes 010X-021X (room and board)",
    ],
    sql=f"""
        WITH rooms AS (
            SELECT source, line, units, charge, care_start, care_end
            FROM audit_lines
            WHERE (revenue_code BETWEEN '0100' AND '0219' OR revenue_code BETWEEN '100' AND '219' OR {_words})
              AND care_start IS NOT NULL AND care_end IS NOT NULL AND charge > 0
        )
        SELECT source, {lines_of('line')} AS lines, CAST(sum(units) AS DOUBLE) AS days,
               greatest(CAST(min(care_end) - min(care_start) AS INTEGER), 1) AS nights,
               min(care_start) AS start, min(care_end) AS "end",
               round(sum(charge) / sum(units) * (sum(units) - greatest(CAST(min(care_end) - min(care_start) AS INTEGER), 1)), 2) AS amount
        FROM rooms
        GROUP BY source
        HAVING sum(units) > greatest(CAST(min(care_end) - min(care_start) AS INTEGER), 1)
    """,
    message=("{days:g} room-and-board days are billed ({lines_word} {line_list}) for a stay from {start} to "
             "{end}, which is {nights} night(s)"),
    explanation=("Hospitals bill room and board per night: the day you leave is not a billable day. Ask the "
                 "billing office to remove the extra day(s)."),
)
