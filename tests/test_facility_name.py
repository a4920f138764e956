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
