"""Fuzzing the CMS yardstick readers: a damaged file gives a table or one BadInput line, nothing else."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from billadvocate.errors import BadInput
from billadvocate.reference.ambulance_files import read_ambulance
from billadvocate.reference.wage_index import read_opps_wage_index
from billadvocate.reference.yardstick_files import read_asp, read_clfs, read_dmepos, read_opps_addendum_b

FIXTURES = Path(__file__).parent / "fixtures"
FUZZ = settings(max_examples=int(os.environ.get("BILLADVOCATE_FUZZ_EXAMPLES", "100")), deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
CELLS = st.text(alphabet='0123456789.,$"\n ABCJNQSTVXrate-', max_size=40)
READERS = [
    (read_opps_addendum_b, "508 version of October 2025 Web Addendum B.10.31.25.csv"),
    (read_clfs, "CLFS 2025 Q2V1.csv"),
    (read_asp, "section 508 version of Oct 2025 ASP Pricing File 091725.csv"),
    (read_dmepos, "DMEPOS_JAN.csv"),
    (read_opps_wage_index, "cbsa-wage-index-2026.csv"),
    (read_ambulance, "ambulance/AFS2026_PUF_ext.csv"),
]


def _mutations(base: str):
    return st.one_of(
        st.tuples(st.integers(0, len(base)), st.integers(0, 30), CELLS).map(
            lambda t: base[:t[0]] + t[2] + base[t[0] + t[1]:]),
        st.integers(0, len(base)).map(lambda n: base[:n]),
        st.binary(max_size=200).map(lambda b: base[:200] + b.decode("latin-1")),
    )


@pytest.mark.parametrize("reader, name", READERS, ids=[n for _, n in READERS])
def test_reader_gives_a_table_or_one_bad_input_line(reader, name, tmp_path):
    base = (FIXTURES / name).read_text(encoding="latin-1")

    @FUZZ
    @given(_mutations(base))
    def run(text):
        path = tmp_path / Path(name).name
        path.write_text(text, encoding="latin-1")
        try:
            table, start, end = reader(path)
            assert table.num_rows > 0
        except BadInput as e:
            assert e.line() and "\n" not in e.problem

    run()
