"""Finding hospitals in the shipped CMS list by the names patients use (real names, real data)."""

from __future__ import annotations

import pytest

from billadvocate.hospitals import find, load


@pytest.fixture(scope="module")
def d():
    return load()


def top(d, query, **where):
    found = find(d, query, **where)
    assert found, query
    return found[0]


def test_the_shipped_list_is_the_cms_release_of_may_2026(d):
    assert d.label == "CMS Hospital General Information, 2026-05"
    assert len(d.rows) == 5432
    assert d.release.origin == "shipped"


@pytest.mark.parametrize("query, where, ccn", [
    ("Mayo Clinic Rochester", {}, "240010"),  # MAYO CLINIC HOSPITAL ROCHESTER: the city is in the name
    ("mayo clinic", {"state": "MN", "city": "Rochester"}, "240010"),
    ("Mayo Clinc Rochestr", {}, "240010"),  # misspelt
    ("Saint Joseph's Hospital", {"state": "AZ"}, "030011"),  # CMS: ST JOSEPH'S HOSPITAL (Tucson)
    ("St Josephs Hospital and Med Ctr", {"state": "AZ"}, "030024"),  # CMS: ST JOSEPHS HOSPITAL AND MEDICAL CENTER
    ("Mass General", {}, "220071"),  # MASSACHUSETTS GENERAL HOSPITAL
    ("Hospital Johns Hopkins", {}, "210009"),  # word order: JOHNS HOPKINS HOSPITAL, THE
    ("Mt Sinai Hospital", {"state": "NY"}, "330024"),  # MOUNT SINAI HOSPITAL
    ("Cedars Sinai Medical Center", {}, "050625"),  # CEDARS-SINAI MEDICAL CENTER
    ("St. Alphonsus Regional Med. Ctr.", {"state": "ID"}, "130007"),
    ("UCSF Medical Center", {}, "050454"),
    ("Cleveland Clinic", {"state": "OH"}, "360180"),
])
def test_usual_variants_of_real_names_find_the_hospital_first(d, query, where, ccn):
    assert top(d, query, **where)["ccn"] == ccn


def test_a_clear_match_stands_well_above_the_next(d):
    found = find(d, "Mayo Clinic Rochester")
    assert found[0]["score"] > 95 and found[0]["score"] - found[1]["score"] > 20


def test_state_city_and_zip_narrow_the_list(d):
    assert {h["state"] for h in find(d, "Mayo Clinic", state="WI")} == {"WI"}
    assert [h["ccn"] for h in find(d, "Mayo Clinic", zip_code="55902")] == ["240010"]
    assert all(h["city"] == "JACKSONVILLE" for h in find(d, "Mayo", city="Jacksonville"))
    assert all(h["city"] == "SAINT LOUIS" for h in find(d, "Barnes Jewish", city="St. Louis"))
    assert find(d, "Barnes Jewish", city="St. Louis")


def test_a_name_that_is_no_hospital_finds_nothing(d):
    assert find(d, "Front Range Imaging Center", state="CO") == []


def test_each_result_has_the_documented_keys(d):
    h = top(d, "Mayo Clinic Rochester")
    assert {"ccn", "name", "address", "city", "state", "zip", "type", "ownership", "nonprofit", "emergency",
            "score"} <= set(h)
    assert (h["name"], h["city"], h["state"], h["zip"], h["type"], h["ownership"], h["nonprofit"], h["emergency"]) == (
        "MAYO CLINIC HOSPITAL ROCHESTER", "ROCHESTER", "MN", "55902", "Acute Care Hospitals",
        "Voluntary non-profit - Church", True, True)
