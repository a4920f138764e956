"""An account id is the user's text: the letters it names stay inside --out, whatever it says."""

from __future__ import annotations

import shutil

from billadvocate.util import safe_slug
from tests.conftest import EXAMPLES


def test_slugs_are_plain_names_and_keep_distinct_ids_distinct():
    assert safe_slug("er-visit") == "er-visit"
    for hostile in ("../../etc/cron.d/x", "/abs/path", ".hidden", "a\\b", "x" * 500, "", "\x00"):
        slug = safe_slug(hostile)
        assert slug and "/" not in slug and "\\" not in slug and not slug.startswith(".") and len(slug) <= 67
    assert safe_slug("a/b") != safe_slug("a b")


def test_a_hostile_account_id_cannot_write_outside_out(tmp_path, cli):
    case_dir = tmp_path / "case"
    shutil.copytree(EXAMPLES / "er-visit-nonprofit", case_dir)
    text = (case_dir / "case.yaml").read_text()
    (case_dir / "case.yaml").write_text(text.replace("er-visit", "../../../escaped/er-visit"))
    out = tmp_path / "work" / "out"
    r = cli("review", case_dir / "case.yaml", "--out", out)
    assert r.code == 0, r.err
    written = [p for p in tmp_path.rglob("*") if p.is_file() and not p.is_relative_to(case_dir)]
    assert written and all(p.is_relative_to(out) for p in written)
    assert not (tmp_path / "escaped").exists()
    assert any(p.name.startswith("escaped-er-visit-") for p in (out / "letters").iterdir())
