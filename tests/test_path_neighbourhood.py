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


@pytest.fixture(scope="module", params=["even", "weighted"])
def hubbed(tmp_path_factory, request):
    """120 actors, a few hubs joined to many, the rest sparsely; mixed signs and confidences.
    "weighted": the hubs mentioned most, the rest unevenly, so that the path search reads
    either end's outer layer whole and the other's only towards it, by turns."""
    rng = random.Random(5)
    n = 120
    mentions = (lambda i: 400 if i < 3 else 1 + (i * 7) % 13) if request.param == "weighted" else (lambda i: 1)
    actors = tuple(Actor(f"a{i:03d}", f"A{i}", ActorType.STATE, (), mentions(i)) for i in range(n))
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


def test_pair_ties_read_from_the_store_equal_the_whole_graphs_ties(hubbed):
    from actorgraph.graph import RelType as T
    from actorgraph.queries.library import PairTies, Ties

    for min_confidence in (0.0, 0.5):
        whole = Ties(hubbed.edges_of_types(frozenset(T), min_confidence))
        pairs = PairTies(hubbed, min_confidence)
        ids = [f"a{i:03d}" for i in range(0, 120, 3)]
        signs = {(a, b): pairs.between(a, b) for a in ids for b in ids}
        assert signs == {(a, b): whole.between(a, b) for a in ids for b in ids}
        assert sum(v < 0 for v in signs.values()) > 20 and sum(v > 0 for v in signs.values()) > 20


@pytest.mark.parametrize("kw", [{}, {"k": 5, "max_hops": 3}, {"k": 2, "min_confidence": 0.5}])
def test_paths_are_the_best_aligned_simple_paths_of_the_whole_graph(hubbed, kw):
    """Against a brute force: every simple path up to max_hops of the whole alignment graph,
    kept when each hop's net tie is positive, ranked by length, surety and ids."""
    import networkx as nx

    from actorgraph.graph import RelType as T
    from actorgraph.queries.library import Ties, _alignment_graph, _surety

    k, max_hops, c = kw.get("k", 3), kw.get("max_hops", 4), kw.get("min_confidence", 0.0)
    edges = hubbed.edges_of_types(frozenset(T), c)
    ties, g = Ties(edges), _alignment_graph(edges, False)
    rng = random.Random(3)
    found = 0
    for a, b in [(f"a{rng.randrange(120):03d}", f"a{rng.randrange(120):03d}") for _ in range(25)]:
        if a == b or a not in g or b not in g:
            continue
        best = sorted((p for p in nx.all_simple_paths(g, a, b, cutoff=max_hops)
                       if all(ties.aligned(u, v) for u, v in zip(p, p[1:]))),
                      key=lambda p: (len(p), -_surety(g, p), p))[:k]
        mine = answer(hubbed, a, b, **kw)
        got = [] if isinstance(mine, str) else [[p.hops[0].source] + [h.target for h in p.hops] for p in mine]
        assert got == best, (a, b)
        found += bool(best)
    assert found >= 8


def test_a_search_that_runs_out_of_budget_stops_and_says_so():
    # a complete graph of friends: paths of four hops between two members run to thousands
    from actorgraph.queries.library import SearchBudget, _alignment_graph, _signed_paths
    from actorgraph.queries.sources import Edge
    from actorgraph.graph import RelType

    ids = [f"x{i:02d}" for i in range(30)]
    edges = [Edge(u, RelType.SUPPORTS, v, 1, 0.9) for i, u in enumerate(ids) for v in ids[i + 1:]
             if {u, v} != {"x00", "x01"}]
    g = _alignment_graph(edges, False)

    class Friendly:
        def aligned(self, u, v):
            return (u, v) not in (("x00", "x02"),)

    small = SearchBudget(candidates=500, checks=10_000)
    found = _signed_paths(g, "x00", "x01", Friendly(), k=10_000, max_hops=4, budget=small)
    assert small.stopped and 0 < len(found) < 10_000
    roomy = SearchBudget(candidates=10_000_000, checks=10_000_000)
    assert len(_signed_paths(g, "x00", "x01", Friendly(), k=100, max_hops=3, budget=roomy)) == 100
    assert not roomy.stopped
