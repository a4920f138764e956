"""The facility a printed bill's heading names (facility_name.py): the name alone, never the document's title
or the next column's words; a practice's heading names none."""

from __future__ import annotations

import pytest

from billadvocate.facility_name import facility_in_heading, names_a_facility


@pytest.mark.parametrize("heading, name", [
    (["Hospital Bill - Valley General Hospital"], "Valley General Hospital"),
    (["Valley General Hospital - Itemized Statement", "Account VGH-2025-98741   Patient: Jane Doe"],
     "Valley General Hospital"),
    # columns run together in the text layer: the name stops at the next column's words
    (["Sample Medical Center To Contact Us Call: 123 - 456 - 7890 Guarantor Number: 2nnnnn"], "Sample Medical Center"),
    (["ACCOUNT 1234", "ST. LUKE'S HOSPITAL GUARANTOR NUMBER 55"], "ST. LUKE'S HOSPITAL"),
    (["Mercy Hospital of Buffalo   Statement Date 01/02/2025"], "Mercy Hospital of Buffalo"),
    (["Itemized Statement: Hospital of the University of Pennsylvania"], "Hospital of the University of Pennsylvania"),
    (["Front Range Medical Center, Denver CO"], "Front Range Medical Center"),
    # only the title names a hospital: the line itself, still a hospital's bill
    (["HOSPITAL STATEMENT", "Patient: Jane Doe"], "HOSPITAL STATEMENT"),
    (["Fresno Family Practice", "Statement Date 01/02/2025"], None),
    ([], None),
])
def test_the_heading_gives_the_facility_name_alone(heading, name):
    assert facility_in_heading(heading) == name


def test_only_the_first_lines_are_a_heading():
    assert facility_in_heading(["Statement"] * 12 + ["Valley General Hospital"]) is None


@pytest.mark.parametrize("name, facility", [("Valley General Hospital", True), ("Front Range Med Ctr", True),
                                            ("Fresno Family Practice", False), (None, False), ("", False)])
def test_names_a_facility(name, facility):
    assert names_a_facility(name) is facility


# a health system's name ("X Health", "X Health System", "X Healthcare", "X Medical Center"): the Sentara scan's
# heading reads 'Sentara' (its logo), 'Sentara Health', its address; the name was not taken, so the bill named no one
@pytest.mark.parametrize("heading, name", [
    (["Sentara'", "Sentara Health", "824 N Military Hwy #100", "Norfoik, VA 23502", "www.sentara.com"], "Sentara Health"),
    (["ATRIUM HEALTH", "PO Box 32861 Charlotte NC"], "ATRIUM HEALTH"),
    (["Intermountain Healthcare   Statement Date 01/02/2025"], "Intermountain Healthcare"),
    (["Itemized Statement - Baptist Health Care"], "Baptist Health Care"),
    (["Mercy Health System, Janesville WI"], "Mercy Health System"),
    (["Community Health Network"], "Community Health Network"),
    (["Piedmont Health Services Patient: Jane Doe"], "Piedmont Health Services"),
    (["Cone Health Medical Center"], "Cone Health Medical Center"),
])
def test_a_health_systems_name_is_a_facility(heading, name):
    assert facility_in_heading(heading) == name
    assert names_a_facility(name)


# near misses: words about health, an insurer's name or plan, a department, a sentence, a practice
@pytest.mark.parametrize("text", [
    "Your Health", "YOUR HEALTH MATTERS", "Health Plan", "ACME HEALTH PLAN OF OHIO", "Blue Valley Health Plan",
    "United Healthcare", "UnitedHealthcare", "Cigna Healthcare", "Aetna Better Health", "Humana Health",
    "Mental Health", "Valley Mental Health", "Behavioral Health", "Public Health", "Home Health",
    "Virginia Department of Health", "Protected Health Information", "Health Savings Account",
    "Thank you for choosing Sentara Health", "Patient Health Record", "Health", "Healthcare", "Good Health",
    "Valley Health Partners", "Primary Coverage: Anthem Health", "Health Insurance Marketplace",
    "Total Health 2025", "Employee Health",
])
def test_words_about_health_name_no_facility(text):
    assert facility_in_heading([text]) is None
    assert not names_a_facility(text)


@pytest.mark.parametrize("line, name", [("Sentara Health 824 N Military Hwy #100", "Sentara Health"),
                                        ("Sentara Health www.sentara.com", "Sentara Health"),
                                        ("SENTARA HEALTH GUARANTOR NUMBER 55", "SENTARA HEALTH")])
def test_a_health_systems_name_ends_where_its_address_or_the_next_column_begins(line, name):
    assert facility_in_heading([line]) == name
