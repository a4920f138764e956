"""An EOB export whose rows of one claim disagree on the network reads it as unknown, and says so."""

from pathlib import Path

from billadvocate.ingest.csv_eob import read_csv_eob

EXPORT = Path(__file__).resolve().parent.parent / "fixtures" / "ingest" / "eob-export.csv"


def test_agreeing_rows_keep_their_network():
    eob = read_csv_eob(EXPORT)
    by_id = {c.claim_id: c for c in eob.claims}
    assert by_id["C-1001"].in_network is True and by_id["C-1002"].in_network is False
    assert not [n for n in eob.notes if "network" in n]


def test_rows_of_one_claim_saying_in_and_out_of_network_read_as_unknown():
    lines = EXPORT.read_text().splitlines()
    # the third row of claim C-1001 now says out of network (the portal's export, one marker per row)
    lines[3] = lines[3].replace(",In Network", ",Out of Network")
    eob = read_csv_eob("export.csv", text="\n".join(lines) + "\n")
    claim = next(c for c in eob.claims if c.claim_id == "C-1001")
    assert claim.in_network is None
    assert any("C-1001" in n and "both in and out of network" in n for n in eob.notes)
