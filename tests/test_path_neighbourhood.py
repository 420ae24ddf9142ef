"""Alliance paths read only the neighbourhood of their two ends, and find what the whole graph gives."""
from __future__ import annotations

import random

import pytest

from actorgraph.graph import Actor, ActorType, Batch, Document, NoPath, RelType, Statement
from actorgraph.graph.nx_store import NetworkXStore
from actorgraph.queries import alliance_paths


class WholeGraph:
    """The store, except that the neighbourhood of any actors is the whole graph."""

    def __init__(self, store):
        self.store = store
        self.calls = 0

    def __getattr__(self, name):
        return getattr(self.store, name)

    def edges_around(self, actor_ids, types, min_confidence):
        self.calls += 1
        return self.store.edges_of_types(types, min_confidence)


class Counting(WholeGraph):
    def edges_around(self, actor_ids, types, min_confidence):
        self.calls += 1
        return self.store.edges_around(actor_ids, types, min_confidence)


@pytest.fixture(scope="module")
def hubbed(tmp_path_factory):
    """120 actors, a few hubs joined to many, the rest sparsely; mixed signs and confidences."""
    rng = random.Random(5)
    n = 120
    actors = tuple(Actor(f"a{i:03d}", f"A{i}", ActorType.STATE, (), 1) for i in range(n))
    doc = Document.from_text("synthetic", "s.txt")
    statements = []
    for k in range(420):
        a = rng.choice([0, 1, 2]) if rng.random() < 0.4 else rng.randrange(n)
        b = rng.randrange(n)
        if a == b:
            continue
        t = rng.choice([RelType.SUPPORTS, RelType.MEETS, RelType.LEADS, RelType.ATTACKS, RelType.AGREES_WITH])
        statements.append(Statement.make(subject=f"a{a:03d}", type=t, object=f"a{b:03d}", document=doc.id,
                                         start=10 * k, end=10 * k + 9, sentence=f"s{k}",
                                         confidence=round(rng.uniform(0.3, 0.95), 2)))
    path = tmp_path_factory.mktemp("paths") / "g.db"
    with NetworkXStore(path, write=True) as store:
        store.write(Batch((doc,), actors, tuple(statements)))
    with NetworkXStore(path) as store:
        yield store


def answer(store, a, b, **kw):
    try:
        return alliance_paths(store, a, b, **kw)
    except NoPath as e:
        return str(e)


@pytest.mark.parametrize("kw", [{}, {"k": 1}, {"k": 6, "max_hops": 5}, {"max_hops": 1},
                                {"max_hops": 3, "min_confidence": 0.5}, {"k": 12, "max_hops": 2}])
def test_neighbourhood_paths_equal_whole_graph_paths(hubbed, kw):
    rng = random.Random(11)
    pairs = [("a000", "a001"), ("a000", "a077")] + [
        (f"a{rng.randrange(120):03d}", f"a{rng.randrange(120):03d}") for _ in range(40)]
    found = 0
    for a, b in pairs:
        mine = answer(hubbed, a, b, **kw)
        assert mine == answer(WholeGraph(hubbed), a, b, **kw), (a, b, kw)
        found += not isinstance(mine, str)
    assert found >= (3 if kw.get("max_hops") == 1 else 10)  # the comparison is of real paths


def test_a_path_through_a_hub_does_not_read_the_hubs_neighbourhood(hubbed):
    counting = Counting(hubbed)
    paths = alliance_paths(counting, "a000", "a001", k=1)  # two hubs, joined directly or nearly
    # the two ends' alignment edges (2 reads), then the signed ties of the actors found and of
    # the two ends (up to 3 reads each: the actors, their sides, the sides' leaders); no deepening
    assert paths and counting.calls <= 8
