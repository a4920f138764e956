"""`assist` options let the programs decide; a missing fact is named as the option to give."""

from __future__ import annotations


def programs(cli, *args):
    r = cli("assist", "--as-of", "2026-11-28", "--json", *args)
    assert r.code == 0, r.err
    return {p["id"]: p for p in r.json()["programs"]}


def test_washington_tier_decides_the_discount(cli):
    base = ["--income", "59000", "--household", "3", "--state", "WA"]  # 215.96% of 27,320
    undecided = programs(cli, *base)["STATE.WA.CHARITY_CARE"]
    assert undecided["eligible"] is None and undecided["missing"] == ["--hospital-tier"]
    assert programs(cli, *base, "--hospital-tier", "1")["STATE.WA.CHARITY_CARE"]["discount"] == 1.0
    assert programs(cli, *base, "--hospital-tier", "2")["STATE.WA.CHARITY_CARE"]["discount"] == 0.75


def test_hospital_policy_from_options(cli):
    p = programs(cli, "--income", "31920", "--household", "1", "--state", "TX", "--nonprofit",
                 "--fap-free-fpl", "200", "--fap-discount-fpl", "400", "--fap-discount", "0.5")["FEDERAL.501R"]
    assert (p["eligible"], p["discount"]) == (True, 1.0)


def test_application_documents_are_listed(cli):
    r = cli("assist", "--income", "20000", "--household", "2", "--state", "NJ", "--insurance", "uninsured",
            "--as-of", "2026-11-28", "--json")
    app = r.json()["application"]
    assert "STATE.NJ.CHARITY_CARE" in app["programs"] and any("bank statements" in d for d in app["documents"])


def test_a_discount_above_one_is_bad_input(cli):
    r = cli("assist", "--income", "100", "--household", "1", "--state", "CA", "--fap-discount", "3")
    assert r.code == 2 and "--fap-discount" in r.err and len(r.err.strip().splitlines()) == 1
