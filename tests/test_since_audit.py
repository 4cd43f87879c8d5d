"""The 'since the audit' chapter's series take what each share is of from figures.csv."""
from __future__ import annotations

import pytest

from csebook.chapters import since_audit
from csebook.data import load_package


def test_each_recording_share_says_what_it_is_of_as_its_row_does():
    package = load_package()
    points = since_audit.recording_series(package)
    assert [p.what for p in points] == ["of suspects", "of suspects", "of records", "of cases", "of suspects"]
    assert all(package.figure(p.figure_id).unit == "percent " + p.what for p in points)
    assert since_audit.share_of("percent of cases (ethnicity of perpetrators and victims)") == \
        "of cases (ethnicity of perpetrators and victims)"
    with pytest.raises(ValueError, match="unit 'offences' is not a percentage"):
        since_audit.share_of("offences")
