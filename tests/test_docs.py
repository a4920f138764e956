"""Documentation is generated from the code, and nothing ships undocumented or uncited."""

from __future__ import annotations

import re

import pytest

from billadvocate.docgen import (GENERATED, all_commands, cli_reference, command_help, law_reference, rule_units,
                                 rules_reference)

RULE_ID = re.compile(r"^[A-Z0-9]+(\.[A-Z0-9_]+)+$")


def test_every_rule_has_an_id_severity_summary_citation_and_explanation():
    units = rule_units()
    assert units, "no rules found"
    for u in units:
        assert RULE_ID.match(u["id"]), u["id"]
        assert u["severity"] in {"high", "medium", "low", "info"}, u["id"]
        assert u["summary"].strip(), f"{u['id']} has no summary"
        assert u["citations"] and all(c.strip() for c in u["citations"]), f"{u['id']} has no citation"
        assert len(u["doc"]) > 40, f"{u['id']} has no explanation (module docstring)"


def test_rule_ids_are_unique_across_engines():
    ids = [(u["engine"], u["id"]) for u in rule_units()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("path,cmd", all_commands(), ids=lambda x: x if isinstance(x, str) else "")
def test_every_command_has_help_with_an_example(path, cmd):
    text = command_help(path, cmd)
    assert cmd.help and cmd.help.strip(), f"{path} has no help"
    if not hasattr(cmd, "commands"):  # leaf commands show how they are used
        assert "Example:" in text, f"{path} --help has no 'Example:' line"


def test_references_render():
    assert "billadvocate review" in cli_reference()
    assert "BILL.DUPLICATE" in rules_reference()
    assert "gov.hhs.fpg.first_person.contiguous" in law_reference()


def test_ci_runs_exactly_the_readme_test_command():
    from tests.conftest import ROOT

    readme = (ROOT / "README.md").read_text()
    ci_last = [ln for ln in (ROOT / ".ci" / "run").read_text().splitlines() if ln.strip()][-1]
    assert f"\n{ci_last}\n" in readme, "the README's test command and .ci/run's differ"


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_docs_are_up_to_date(name):
    """docs/cli.md, rules.md, law.md ... match the code; run `python -m billadvocate.docgen` after a change."""
    from tests.conftest import ROOT

    committed = (ROOT / "docs" / name).read_text()
    assert committed == GENERATED[name](), f"docs/{name} is out of date: run python -m billadvocate.docgen"
