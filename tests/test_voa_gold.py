"""The VOA gold points into ../shared's stories: every relation's offsets hold a sentence of
its story, and the development set scores above a floor (skipped without ../shared)."""
import json
from pathlib import Path

import pytest

from actorgraph.queries.evaluate import Gold

ROOT = Path(__file__).resolve().parent.parent
VOA = ROOT.parent / "shared" / "corpus" / "voa" / "voa-stories.jsonl"
GOLD = ROOT / "tests" / "data" / "voa"
needs_shared = pytest.mark.skipif(not VOA.exists(), reason="../shared/corpus/voa is not beside this checkout")


def test_dev_and_blind_sets_are_apart_and_sizeable():
    sets = [Gold.load(GOLD / part / "gold") for part in ("dev", "blind", "blind2", "blind3")]
    assert [len(s.documents) for s in sets] == [30, 10, 10, 10]
    assert len(set().union(*(s.documents for s in sets))) == 60  # no story in two sets
    assert sum(len(s.edges) for s in sets) > 1000 and len(sets[0].core) > 300


@needs_shared
def test_every_relation_points_at_a_sentence_of_its_story():
    texts = {str(json.loads(line)["id"]): json.loads(line)["text"] for line in VOA.open(encoding="utf-8")}
    for part in ("dev", "blind", "blind2", "blind3"):
        for line in (GOLD / part / "gold" / "relations.jsonl").read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            text = texts[r["doc"]]
            sentence = text[r["start"]:r["end"]]
            assert 0 <= r["start"] < r["end"] <= len(text) and len(sentence.split()) >= 3, r
            assert r["start"] == 0 or text[r["start"] - 1] in " \u201c\"'(", r  # starts at a word
