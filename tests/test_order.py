"""Order does not matter: the same documents ingested in any order, in one run or several,
give the same store, byte for byte in the export."""
import random
import shutil
from pathlib import Path

import pytest
from conftest import ingest_in_runs

from actorgraph.graph import open_store
from actorgraph.graph.export import export
from actorgraph.loaders.pipeline import Pipeline

pytestmark = pytest.mark.model
EXAMPLES = sorted((Path(__file__).resolve().parent.parent / "examples").glob("*.txt"))


def test_three_orders_and_several_runs_give_one_export(tmp_path):
    pipeline = Pipeline()
    folder = tmp_path / "docs"
    folder.mkdir()
    files = [Path(shutil.copy(f, folder / f.name)) for f in EXAMPLES]
    # one person spelt two ways that share an id, in two documents: whichever comes first,
    # the store ends with one name for him
    (folder / "x1.txt").write_text("Opposition leader Jean-Pierre Mbeki met President Cyril Ramaphosa in Pretoria.\n")
    (folder / "x2.txt").write_text("Jean Pierre Mbeki criticized Zimbabwe over the border closures.\n")
    files += [folder / "x1.txt", folder / "x2.txt"]
    orders = [(files, len(files)), (files[::-1], 1), (random.Random(3).sample(files, len(files)), 4)]
    exports = []
    for n, (order, per_run) in enumerate(orders):
        path = str(tmp_path / f"s{n}.db")
        ingest_in_runs(path, order, per_run, pipeline)
        exports.append(export(open_store(path), "json"))
    assert exports[0] == exports[1] == exports[2]
    assert exports[0].count('"id": "jean-pierre-mbeki"') == 1
    assert '"relations"' in exports[0] and len(exports[0]) > 10_000
