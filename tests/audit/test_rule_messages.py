"""A rule's message with a date the case does not give: every date a message names as ' on {date}' is
left out cleanly when the row's date is NULL (a scanned EOB page, a bill line with no date of service),
never 'Claim C1 on  was denied'; a date written any other way comes from a query that keeps only dated
rows."""

from string import Formatter

import pytest

from billadvocate.audit.rules import all_rules

# a date not written ' on {date}': each of these rules' queries keeps only rows that have one
DATED_ONLY = {("BILL.DATE_OUTSIDE_CARE", "date")}  # WHERE service_date IS NOT NULL (a date outside the care)


def templates():
    for rule in all_rules():
        for kind, template in (rule.message.items() if isinstance(rule.message, dict) else [("default", rule.message)]):
            yield rule, kind, template


@pytest.mark.parametrize("rule,kind,template", [t for t in templates() if "{date}" in t[2]],
                         ids=lambda v: getattr(v, "id", None) or (v if len(str(v)) < 30 else "t"))
def test_a_message_without_its_date_reads_without_a_gap(rule, kind, template):
    fields = {name for _lit, name, _spec, _conv in Formatter().parse(template) if name}
    row = {name: 1 for name in fields} | {"kind": kind, "lines": [1], "date": None, "amount": 1}
    if (rule.id, "date") in DATED_ONLY:
        assert " on {date}" not in template
        return
    assert " on {date}" in template
    message = rule.finding(row).message
    assert "  " not in message and " on ," not in message and " on ." not in message and not message.endswith(" on")
