"""The results page shows each insurer denial with its route, where it stands, its deadline and a
button for its letter, in English and in Spanish."""

from __future__ import annotations

import html
import shutil

import yaml

from tests.conftest import EXAMPLES, ROOT

FIXTURES = ROOT / "tests" / "fixtures" / "ingest"


def _denied_case(tmp_path, owner, **insurance):
    """Jane's example with the real EOB export (C-1002 denied PR-96, notice of 2026-10-20), in the store."""
    from billadvocate.store import cases as store

    shutil.copytree(EXAMPLES / "er-visit-nonprofit", tmp_path / "case")
    shutil.copy(FIXTURES / "eob-export.csv", tmp_path / "case" / "eob.csv")
    path = tmp_path / "case" / "case.yaml"
    data = yaml.safe_load(path.read_text())
    data["accounts"][0].update(eob=["eob.csv"], denial_notice_date="2026-10-20")
    data["insurance"].update({"appeals_address": "Appeals Unit, PO Box 500, Fresno, CA 93702", **insurance})
    path.write_text(yaml.safe_dump(data))
    row = store.import_case(path, user=owner)
    row.assigned_to.add(owner)
    return row


def test_a_denial_shows_its_route_deadline_and_a_button_for_the_letter(world, client_as, tmp_path):
    row = _denied_case(tmp_path, world.client_a, plan_type="employer_fully_insured")
    page = html.unescape(client_as(world.client_a).get(f"/cases/{row.pk}/").content.decode())
    section = page[page.index("Insurance denials"):page.index("Your deadlines")]
    assert "Claim C-1002: $610.00 denied" in section and "PR-96" in section
    assert "Appeal to the plan in writing" in section  # the route's first step
    assert "Now: an appeal to the plan" in section
    assert "Last day to appeal the insurer's denial: 2027-04-18" in section
    assert f'href="/cases/{row.pk}/letters/insurer_appeal/"' in section
    assert "Claim C-1001" in section and "the provider's to fix" in section  # CO-18: no letter for it
    assert section.count("Open the letter") == 1
    assert "APPEAL_DUE" not in section


def test_a_medicare_denial_points_to_the_medicare_letter_in_spanish(world, client_as, tmp_path):
    row = _denied_case(tmp_path, world.client_a, plan_type="medicare_original", member_id="1EG4-TE5-MK73")
    c = client_as(world.client_a)
    c.post("/i18n/setlang/", {"language": "es", "next": f"/cases/{row.pk}/"})
    page = html.unescape(c.get(f"/cases/{row.pk}/").content.decode())
    section = page[page.index("Negaciones del seguro"):]
    assert "Reclamación C-1002: $610.00 negados" in section and "Ahora: una apelación ante el plan" in section
    assert "Último día para apelar ante Medicare: 2027-02-22" in section
    assert f'href="/cases/{row.pk}/letters/medicare_redetermination/"' in section


def test_an_appeal_marked_sent_is_logged_to_the_insurer_and_starts_the_decision_clock(world, client_as, tmp_path):
    from billadvocate.store import models as m

    row = _denied_case(tmp_path, world.client_a, plan_type="employer_fully_insured")
    c = client_as(world.client_a)
    c.post(f"/cases/{row.pk}/letters/insurer_appeal/sent/",
           {"account": "er-visit", "method": "certified_mail", "tracking": "9400 2", "sent_on": "2026-11-25"})  # a fixed past day: the host's date.today() can be a day
    # ahead of the case's time zone after midnight UTC, and the form refuses a future day
    event = m.Event.objects.get(case=row, type="insurer_appeal")
    assert event.to_party == "insurer" and event.from_party == "patient"
    page = html.unescape(c.get(f"/cases/{row.pk}/").content.decode())
    section = page[page.index("Insurance denials"):page.index("Your deadlines")]
    assert "The plan must decide your appeal" in section
