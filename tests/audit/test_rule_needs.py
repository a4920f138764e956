"""A rule's `needs`: one case's audit skips its query when the case lacks what it needs (EOB rows, a
fact), and runs it when the case has it. Every rule that declares a need is checked against its SQL."""

from datetime import date

import pytest

from billadvocate.audit.engine import connect, run_rules
from billadvocate.audit.rule import Rule
from billadvocate.audit.rules import all_rules
from billadvocate.audit.tables import bills_table, eobs_table, lines_table
from billadvocate.ingest.eob_model import Eob, EobClaim
from billadvocate.model import Bill

from .support import AS_OF, line

BROKEN = "SELECT no_such_column FROM no_such_table"  # fails if it is ever run


def con_for(facts=None, eob=False):
    bill = Bill(source="b.csv", lines=[line(1)])
    eobs = eobs_table([Eob(source="e", format="csv-eob", claims=[EobClaim(claim_id="C1")])], [bill]) if eob else None
    return connect(lines_table([("b.csv", ln) for ln in bill.lines]), bills_table([bill], facts), eobs, as_of=AS_OF)


@pytest.mark.parametrize("need, facts, eob", [("eobs", None, False), ("care_scheduled", {"gfe_total": 10}, True)])
def test_a_rule_is_skipped_when_the_case_lacks_what_it_needs(need, facts, eob):
    rule = Rule(id="T.NEEDS", severity="low", summary="t", citations=["t"], sql=BROKEN, message="m", needs=(need,))
    assert run_rules(con_for(facts, eob), as_of=AS_OF, rules=[rule]) == []


@pytest.mark.parametrize("need, facts, eob", [("eobs", None, True), ("care_scheduled", {"care_scheduled": date(2025, 1, 2)}, False)])
def test_a_rule_runs_when_the_case_has_what_it_needs(need, facts, eob):
    rule = Rule(id="T.NEEDS", severity="low", summary="t", citations=["t"], sql=BROKEN, message="m", needs=(need,))
    with pytest.raises(Exception, match="no_such"):
        run_rules(con_for(facts, eob), as_of=AS_OF, rules=[rule])


@pytest.mark.parametrize("rule", [r for r in all_rules() if r.needs], ids=lambda r: r.id)
def test_each_declared_need_is_read_by_the_rule(rule):
    for need in rule.needs:
        assert need in rule.sql, f"{rule.id} needs {need} but its query does not read it"
