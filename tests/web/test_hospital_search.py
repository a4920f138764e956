"""The intake's hospital search: the CMS list offered as the patient types, and the CCN kept."""

from __future__ import annotations

from tests.conftest import ROOT


def test_the_search_returns_the_cms_hospitals_best_first(world, client_as):
    c = client_as(world.client_a)
    r = c.get("/hospitals/search/", {"q": "Mayo Clinic Rochester", "state": "CA"})  # the patient lives in CA
    assert r.status_code == 200 and r["Content-Type"] == "application/json"
    data = r.json()
    assert data["source"] == "CMS Hospital General Information, 2026-05"
    top = data["hospitals"][0]
    assert (top["ccn"], top["state"], top["nonprofit"]) == ("240010", "MN", True)  # found outside CA too
    assert c.get("/hospitals/search/", {"q": "ma"}).json()["hospitals"] == []  # too short to search


def test_the_search_needs_a_login(world, client_as):
    assert client_as(None).get("/hospitals/search/", {"q": "Mayo"})["Location"].startswith("/login/")


def test_the_bill_step_loads_the_search_and_keeps_the_picked_ccn(world, client_as):
    c = client_as(world.client_a)
    page = c.get(f"/cases/{world.case_a.pk}/intake/bill/").content.decode()
    assert 'data-hospital-search="/hospitals/search/"' in page and "web/hospital_search.js" in page
    assert "<script>" not in page  # no inline script (the CSP forbids it)
    assert (ROOT / "src/billadvocate/web/static/web/hospital_search.js").is_file()
    r = c.post(f"/cases/{world.case_a.pk}/intake/bill/?account=new", {
        "provider_name": "MAYO CLINIC HOSPITAL ROCHESTER", "provider_kind": "hospital", "provider_ccn": "240010"})
    assert r.status_code == 302
    account = world.case_a.accounts.get(key="bill-1")
    assert account.provider["ccn"] == "240010"
    r = c.post(f"/cases/{world.case_a.pk}/intake/bill/?account=new", {
        "provider_name": "X", "provider_kind": "hospital", "provider_ccn": "24-001"})
    assert r.status_code == 200 and "six letters or digits" in r.content.decode()


def test_the_results_page_names_the_hospital_found_in_the_medicare_list(world, client_as):
    c = client_as(world.client_a)
    c.post(f"/cases/{world.case_a.pk}/intake/bill/?account=new", {
        "provider_name": "Mayo Clinic Rochester", "provider_kind": "hospital", "balance": "900"})
    page = c.get(f"/cases/{world.case_a.pk}/").content.decode()
    assert "The hospital, in the Medicare list" in page
    assert "MAYO CLINIC HOSPITAL ROCHESTER" in page and "CCN 240010" in page
