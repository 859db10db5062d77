"""Resources: loaded once, complete, picklable for worker processes; the unit table's checks."""
from __future__ import annotations

import pickle

import pytest

from data_prep.figures import load_units
from data_prep.resources import Resources, load_resources


def test_load_resources_is_loaded_once():
    assert load_resources() is load_resources()
    assert isinstance(load_resources(), Resources)


def test_resources_survive_pickling():
    """A pool may send the resources to its workers: the copy must work like the original."""
    resources = load_resources()
    copy = pickle.loads(pickle.dumps(resources, protocol=pickle.HIGHEST_PROTOCOL))
    assert copy.taxonomy.names == resources.taxonomy.names
    assert dict(copy.taxonomy.single) == dict(resources.taxonomy.single)
    assert copy.gazetteer.resolve("Kyiv")[0].name == resources.gazetteer.resolve("Kyiv")[0].name
    assert copy.units.forms == resources.units.forms


@pytest.mark.parametrize("row, message", [
    ("km,km,wrod,1", "line 3: unknown role 'wrod'"),
    ("km,km,word,x", "line 3: factor 'x' is not a number"),
])
def test_load_units_names_file_and_line(tmp_path, row, message):
    path = tmp_path / "units.csv"
    path.write_text(f"form,unit,role,factor\n$,USD,prefix,1\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match=f"units.csv: {message}"):
        load_units(path)


@pytest.mark.parametrize("row", ["Australia,AUD", "AU,dollar"])
def test_load_local_dollars_names_file_and_line(tmp_path, row):
    units = tmp_path / "units.csv"
    units.write_text("form,unit,role,factor\n$,USD,prefix,1\n", encoding="utf-8")
    local = tmp_path / "local_dollars.csv"
    local.write_text(f"country_code,unit\nCA,CAD\n{row}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="local_dollars.csv: line 3: expected a country code"):
        load_units(units, local)
