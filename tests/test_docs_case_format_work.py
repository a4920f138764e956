"""docs/case-format.md documents the log types FDCPA.WORK_CONTACT reads. Before, `type: at_work` (a collector's call,
text, email or visit that reached the patient at work) and `type: no_contact_at_work` (the patient telling the
collector not to contact her there) were documented only in docs/rules.md (f1c1f98): a patient or advocate writing a
case from the format's documentation could not log either, and the rule never fired. The example in the format's
documentation is the log that makes the rule fire."""

from __future__ import annotations

import yaml

from tests.conftest import ROOT
from tests.rights.helpers import case, fired

RULE = "FDCPA.WORK_CONTACT"


def _documented_events() -> list[dict]:
    text = (ROOT / "docs" / "case-format.md").read_text(encoding="utf-8")
    assert "## Calls at work" in text, "docs/case-format.md has no section on contacts at work"
    block = text.split("## Calls at work", 1)[1].split("```yaml", 1)[1].split("```", 1)[0]
    return yaml.safe_load(block)["accounts"][0]["events"]


def test_the_format_lists_both_types_with_the_other_event_types():
    text = (ROOT / "docs" / "case-format.md").read_text(encoding="utf-8")
    events_part = text.split("    events:", 1)[1].split("credit_report:", 1)[0]
    assert "at_work" in events_part and "no_contact_at_work" in events_part, events_part


def test_the_documented_example_makes_the_rule_fire():
    events = _documented_events()
    (v,) = fired(case(*events), RULE)
    assert "after you told it on 2026-10-20 not to contact you there" in v.message, v.message

