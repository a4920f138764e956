"""The case page with a judgment in the log: the statute-of-limitations part leads with the judgment. Before, it
opened in bold with 'This debt is past the time to sue.' (ES 'Esta deuda ya pasó el plazo...') above the
warning, though a judgment had been entered: a patient reading it may ignore the judgment's enforcement."""

from __future__ import annotations

import html
import shutil

import yaml

from tests.conftest import ROOT

SCENARIO = ROOT / "tests" / "scenarios" / "cases" / "tx_debt_buyer"
JUDGED = [{"at": "2026-09-01", "kind": "legal_action", "from": "collector", "type": "lawsuit", "received": "2026-09-01"},
          {"at": "2026-11-01", "kind": "legal_action", "from": "collector", "type": "judgment",
           "note": "default judgment entered"}]

def _judged_case(tmp_path, owner):
    from billadvocate.store import cases as store

    folder = tmp_path / "judged"
    shutil.copytree(SCENARIO, folder)
    data = yaml.safe_load((folder / "case.yaml").read_text())
    data["accounts"][0]["events"] += JUDGED
    (folder / "case.yaml").write_text(yaml.safe_dump(data, sort_keys=False))
    row = store.import_case(folder / "case.yaml", user=owner)
    row.assigned_to.add(owner)
    return row

def test_the_case_page_leads_with_the_judgment_in_english_and_spanish(world, client_as, tmp_path):
    row = _judged_case(tmp_path, world.client_a)
    c = client_as(world.client_a)
    page = html.unescape(c.get(f"/cases/{row.pk}/").content.decode())
    part = " ".join(page.split("Statute of limitations</h4>", 1)[1].split("</p>", 1)[0].split())
    assert "past the time to sue" not in part, part
    assert part.startswith("<p> <span>A judgment was entered on 2026-11-01: the limit to sue no longer protects you."), part
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{row.pk}/"})
    page = html.unescape(c.get(f"/cases/{row.pk}/").content.decode())
    part = " ".join(page.split("Plazo de prescripción</h4>", 1)[1].split("</p>", 1)[0].split())
    assert "Se dictó una sentencia el 2026-11-01: el plazo para demandar ya no le protege." in part, part
    assert "<strong>" not in part, part


def test_the_deadlines_table_never_says_too_old_to_sue_after_a_judgment(world, client_as, tmp_path):
    # the limitations deadline read 'After this day the debt is too old to sue on', titled 'The debt becomes too old
    # to sue on' (ES 'La deuda ya es demasiado antigua para demandarle'), below a warning saying it no longer protects
    row = _judged_case(tmp_path, world.client_a)
    c = client_as(world.client_a)
    page = html.unescape(c.get(f"/cases/{row.pk}/").content.decode())
    table = " ".join(page.split("Your deadlines</h3>", 1)[1].split("</table>", 1)[0].split())
    assert "too old to sue" not in table, table
    assert "but a judgment was entered on 2026-11-01" in table, table
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{row.pk}/"})
    page = html.unescape(c.get(f"/cases/{row.pk}/").content.decode())
    table = " ".join(page.split("Sus plazos</h3>", 1)[1].split("</table>", 1)[0].split())
    assert "demasiado antigua" not in table, table
    assert "pero se dictó una sentencia el 2026-11-01" in table, table
