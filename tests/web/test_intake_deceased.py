"""The web app takes what the case format says of a patient who has died and of the person dealing with the bill
(patient.died_on, contact:), shows it back, and keeps it through export; a name without a relationship is refused
next to the field."""

from __future__ import annotations

from datetime import date


def _canonical(case_row):
    from billadvocate.store import mapping

    return mapping.to_canonical(case_row)


def _you(**more):
    return {"name": "Zelda Quillfeather", "address": "12 Elm St, Fresno, CA 93701", "state": "CA", "language": "en",
            **more}


def test_the_day_of_death_and_the_relative_are_entered_shown_and_kept(world, client_as):
    c = client_as(world.client_a)
    url = f"/cases/{world.case_a.pk}/intake/you/"
    r = c.post(url, _you(died_on="2026-09-30", contact_name="Luis Quillfeather",
                         contact_address="40 Olive Ave, Fresno, CA 93701", contact_relationship="child",
                         contact_handles_estate="on", contact_signed_to_pay="no"))
    assert r.status_code == 302, r.content.decode()[:2000]
    world.case_a.refresh_from_db()
    case = _canonical(world.case_a)
    assert case.patient.died_on == date(2026, 9, 30)
    assert (case.contact.name, case.contact.relationship, case.contact.handles_estate, case.contact.signed_to_pay) \
        == ("Luis Quillfeather", "child", True, False)
    page = c.get(url).content.decode()
    assert 'value="Luis Quillfeather"' in page and 'value="2026-09-30"' in page
    # the review reads them: the notice of death is the letter of the case
    from billadvocate.web import casework

    review = casework.review(world.case_a)
    assert {e["type"] for a in review.accounts for e in a.letters} == {"death_notice"}
    # the step without the relationship takes the person off again
    c.post(url, _you(contact_relationship=""))
    world.case_a.refresh_from_db()
    assert _canonical(world.case_a).contact is None and _canonical(world.case_a).patient.died_on is None


def test_a_name_without_a_relationship_is_refused_next_to_the_field(world, client_as):
    c = client_as(world.client_a)
    page = c.post(f"/cases/{world.case_a.pk}/intake/you/", _you(contact_name="Luis")).content.decode()
    assert "Say who the person dealing with the bill is to the patient." in page
