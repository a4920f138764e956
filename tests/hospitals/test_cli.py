"""`billadvocate hospital find` as a user runs it."""

from __future__ import annotations

from tests.conftest import run_cli


def test_find_prints_the_documented_json_best_first():
    r = run_cli("hospital", "find", "Mayo", "Clinic", "Rochester", "--json")
    assert r.code == 0, r.err
    found = r.json()
    assert found[0]["ccn"] == "240010" and found[0]["nonprofit"] is True
    assert list(found[0])[:10] == ["ccn", "name", "address", "city", "state", "zip", "type", "ownership",
                                   "nonprofit", "nonprofit_reason"]
    assert [h["score"] for h in found] == sorted((h["score"] for h in found), reverse=True)


def test_find_narrows_by_state_and_says_what_501r_means_in_words():
    r = run_cli("hospital", "find", "st. joseph's hospital", "--state", "az")
    assert r.code == 0, r.err
    assert "ST JOSEPH'S HOSPITAL" in r.out and "TUCSON" in r.out
    assert "bound by IRS 501(r)" in r.out.replace("\n", " ")


def test_nothing_found_is_said_plainly():
    r = run_cli("hospital", "find", "Front Range Imaging Center", "--state", "CO", "--json")
    assert r.code == 0 and r.json() == []
    r = run_cli("hospital", "find", "Front Range Imaging Center", "--state", "CO")
    assert "No hospital" in r.out


def test_bad_options_are_one_line_and_exit_2():
    for args in (["hospital", "find", "x", "--zip", "55g02"], ["hospital", "find"],
                 ["hospital", "find", "x", "--state", "Narnia"]):
        r = run_cli(*args)
        assert r.code == 2 and r.err.count("\n") == 1 and "Traceback" not in r.err, (args, r.err)
