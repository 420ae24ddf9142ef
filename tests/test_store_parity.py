"""The whole path on both stores: the same documents ingested into the NetworkX file and into
a Bolt server give the same export and the same answers to the CLI's questions."""
from pathlib import Path

import pytest

from actorgraph import queries
from actorgraph.graph import open_store
from actorgraph.graph.export import to_json_data
from actorgraph.loaders.pipeline import Pipeline, ingest

pytestmark = [pytest.mark.model, pytest.mark.bolt]
ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "syria-2011-2015.txt"


def answers(store):
    out = {"export": to_json_data(store)}
    for a, b in (("Iran", "Hezbollah"), ("Russia", "Syria")):
        try:
            out[f"path {a} {b}"] = queries.alliance_paths(store, queries.find_actor(store, a).id,
                                                          queries.find_actor(store, b).id)
        except queries.NoPath as e:
            out[f"path {a} {b}"] = str(e)
    for name in ("Russia", "ISIS", "Iran"):
        actor = queries.find_actor(store, name).id
        out[f"allies {name}"] = queries.allies(store, actor)
        out[f"enemies {name}"] = queries.enemies(store, actor)
    out["blocs"] = queries.blocs(store)
    return out


def compare(paths, tmp_path, bolt_store):
    pipeline = Pipeline()
    with open_store(str(tmp_path / "g.json"), write=True) as nx_store:
        ingest(paths, nx_store, pipeline=pipeline)
    report = ingest(paths, bolt_store, pipeline=pipeline)
    assert report.documents and report.statements
    mine, theirs = answers(open_store(str(tmp_path / "g.json"))), answers(bolt_store)
    assert mine.keys() == theirs.keys()
    for key in mine:
        assert mine[key] == theirs[key], key
    return mine


def test_examples_give_the_same_graph_and_answers_on_both_stores(tmp_path, bolt_store):
    got = compare([ROOT / "examples"], tmp_path, bolt_store)
    assert len(got["export"]["relations"]) > 150


@pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpus is not beside this checkout")
def test_shared_corpus_gives_the_same_graph_and_answers_on_both_stores(tmp_path, bolt_store):
    got = compare([CORPUS], tmp_path, bolt_store)
    ids = {a["id"] for a in got["export"]["actors"]}
    assert {"russia", "syria", "iran", "isis", "hezbollah", "bashar-al-assad", "vladimir-putin",
            "qassem-soleimani"} <= ids
    assert any(r["source"] == "russia" and r["type"] == "PROVIDES_MILITARY_AID" and r["target"] == "syria"
               for r in got["export"]["relations"])
