"""Generated documentation: the CLI reference from --help, the rules reference from the rule units,
and the law reference from the parameter files.

    python -m billadvocate.docgen          # rewrites docs/cli.md, docs/rules.md, docs/law.md
    python -m billadvocate.docgen --check  # exit 1 when a committed file is out of date
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import Any

import click

RULE_PACKAGES = ("audit", "rights", "credit")


def _commands(group: click.Group, prefix: str) -> list[tuple[str, click.Command]]:
    out = []
    for name in sorted(group.list_commands(click.Context(group))):
        cmd = group.get_command(click.Context(group), name)
        if cmd is None or cmd.hidden:
            continue
        full = f"{prefix} {name}"
        out.append((full, cmd))
        if isinstance(cmd, click.Group):
            out.extend(_commands(cmd, full))
    return out


def all_commands() -> list[tuple[str, click.Command]]:
    from .cli.main import cli

    return [("billadvocate", cli), *_commands(cli, "billadvocate")]


def command_help(path: str, cmd: click.Command) -> str:
    # the help options as the real CLI has them (its context_settings reach every command); click
    # caches a command's help option from the first context it sees, so a test that ran the CLI first
    # must not change this page: build it afresh from this context
    ctx = click.Context(cmd, info_name=path, terminal_width=100, max_content_width=100,
                        help_option_names=["-h", "--help"])
    cmd._help_option = None
    return cmd.get_help(ctx)


def cli_reference() -> str:
    parts = ["# Command-line reference", "",
             "Generated from `--help` by `python -m billadvocate.docgen`; do not edit by hand.", ""]
    for path, cmd in all_commands():
        parts += [f"## `{path}`", "", "```text", command_help(path, cmd).rstrip(), "```", ""]
    return "\n".join(parts)


def rule_units() -> list[dict[str, Any]]:
    """Every rule of every engine, as {id, severity, summary, citations, doc, engine}."""
    units: list[dict[str, Any]] = []
    for pkg in RULE_PACKAGES:
        try:
            module = importlib.import_module(f"billadvocate.{pkg}.rules")
        except ModuleNotFoundError:
            continue
        finder = getattr(module, "all_rules", None)
        if finder is None:
            continue
        for rule in finder():
            doc = getattr(rule, "doc", None) or _module_doc(rule)
            units.append({
                "engine": pkg,
                "id": rule.id,
                "severity": getattr(rule, "severity", None),
                "summary": getattr(rule, "summary", "") or "",
                "citations": list(getattr(rule, "citations", []) or []),
                "doc": doc,
            })
    return units


def _module_doc(rule) -> str:
    """The docstring of the module that defines the rule (RULE = ... or RULES = [...])."""
    for m in list(sys.modules.values()):
        if getattr(m, "RULE", None) is rule or any(r is rule for r in (getattr(m, "RULES", None) or [])):
            return (m.__doc__ or "").strip()
    return ""


def rules_reference() -> str:
    titles = {"audit": "Bill audit (`findings`)", "rights": "Conduct (`violations`)",
              "credit": "Credit report (`credit`)"}
    parts = ["# Rules reference", "",
             "Generated from the rule units by `python -m billadvocate.docgen`; do not edit by hand.", ""]
    units = rule_units()
    for engine in RULE_PACKAGES:
        mine = sorted((u for u in units if u["engine"] == engine), key=lambda u: u["id"])
        if not mine:
            continue
        parts += [f"## {titles[engine]}", ""]
        for u in mine:
            parts += [f"### {u['id']}", "", f"*Severity: {u['severity']}.* {u['summary']}", ""]
            if u["doc"]:
                parts += [u["doc"], ""]
            parts += ["Sources:", *[f"- {c}" for c in u["citations"]], ""]
    return "\n".join(parts)


def law_reference() -> str:
    from .law import law

    parts = ["# Law reference", "",
             "Every legal number billadvocate uses, with the date it took effect, its citation, and the words of",
             "the source that state it (the quote) with where they were read.",
             "Generated from `src/billadvocate/law/parameters/` by `python -m billadvocate.docgen`.",
             "Values marked UNCONFIRMED were not found in primary text; their note says what was searched, and",
             "the output flags every result that rests on them.", ""]
    for path, p in sorted(law().parameters.items()):
        parts += [f"## `{path}`", "", p.description + (f" ({p.unit})" if p.unit else ""), ""]
        parts += ["| from | value | source |", "|---|---|---|"]
        for v in p.values:
            value = _cell(str(v.value))
            cite = _cell("; ".join(f"[{c.title}]({c.href})" if c.href else c.title for c in v.reference))
            parts.append(f"| {v.start} | {value} | {cite}{_proof(v)} |")
        parts.append("")
    return "\n".join(parts)


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _proof(v) -> str:
    """The quote and where it was read, or why the value is unconfirmed (one table cell)."""
    if v.unconfirmed:
        return f"<br>**UNCONFIRMED**: {_cell(v.note or '')}"
    out = ""
    if v.quote:
        out += f"<br>*Quote:* \u201c{_cell(v.quote)}\u201d<br>*Read in:* {_cell(v.source or '')}"
    if v.derived:
        out += f"<br>*Derived:* {_cell(v.derived)}"
    if v.policy:
        out += f"<br>*billadvocate's choice:* {_cell(v.policy)}"
    if v.note:
        out += f"<br>*Note:* {_cell(v.note)}"
    return out


def letters_reference() -> str:
    """Every letter type: who it goes to, when a case needs it, what it needs, the law it cites."""
    from .letters import all_kinds

    parts = ["# Letters reference", "",
             "Generated from the letter units (`src/billadvocate/letters/kinds/`) by "
             "`python -m billadvocate.docgen`; do not edit by hand. Every letter exists in English and "
             "Spanish (`letters/templates/<lang>/<type>.j2`) and renders to PDF, DOCX and text.", ""]
    for k in all_kinds():
        doc = (importlib.import_module(f"billadvocate.letters.kinds.{k.type}").__doc__ or "").strip()
        parts += [f"## `{k.type}`: {k.title}", "", k.summary, "",
                  f"*Goes to:* {k.recipient}{' (one per bureau)' if k.case_level else ''}. "
                  f"*Sent:* {'by certified mail, return receipt requested' if k.certified else 'by ordinary mail'}.", ""]
        if doc:
            parts += ["*When a case needs it:* " + " ".join(doc.split("\n\n", 1)[-1].split()), ""]
        parts += ["*Needs:* " + "; ".join(f"`{n.field.replace('[{i}]', '[]') if isinstance(n.field, str) else 'accounts[].collector.address or provider.address'}` "
                                          f"({n.what})" for n in k.needs), ""]
        cites = [*k.citations, *(f"{c} (when it applies)" for c in k.may_cite)]
        parts += ["*Cites:* " + ("; ".join(cites) if cites else "the law that comes with the review's results"), ""]
    return "\n".join(parts)


GENERATED = {"cli.md": cli_reference, "rules.md": rules_reference, "law.md": law_reference,
             "letters.md": letters_reference}


def main(argv: list[str]) -> int:
    docs = Path(__file__).resolve().parents[2] / "docs"
    stale = []
    for name, make in GENERATED.items():
        text = make()
        path = docs / name
        if "--check" in argv:
            if not path.exists() or path.read_text() != text:
                stale.append(name)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if stale:
        print(f"out of date: {', '.join(stale)}; run python -m billadvocate.docgen", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
