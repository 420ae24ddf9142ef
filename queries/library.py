"""The named queries. Each takes the store first and answers the same on both stores.

Results come in a deterministic order: the backends (``sources.py``) fetch,
this module ranks, so a Bolt store and a NetworkX store compare equal.
"""
from __future__ import annotations

import difflib
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import networkx as nx  # imported where a graph is built: the other queries start without it

from actorgraph.graph import (ALIGNMENT, Actor, ActorNotFound, ActorType, NoPath, Relation, RelType,
                   Statement)

from actorgraph.graph import model

from .results import Candidate, Hop, Neighbour, Path, Paths, Profile, RelationEvidence
from .sources import Edge, source

BLOC_SEED = 42


strength = model.strength  # sort key, strongest evidence first (the stores rank by it too)


def _relation_order(r: Relation) -> tuple:
    return (-r.count, -r.confidence, r.type.value, r.source, r.target)


def _as_type(value: RelType | str) -> RelType:
    return value if isinstance(value, RelType) else RelType.parse(value)


def find_actor(store, name: str) -> Actor:
    """The actor whose id, name or alias is ``name`` (case-insensitive).

    Raises ActorNotFound naming ``name`` and its close matches. When several
    actors match, an id beats a name beats an alias, then most mentions win.
    """
    key = name.strip().lower()
    src = source(store)
    matches = src.find_actor(key)
    if matches:
        return min(matches, key=lambda a: (a.id.lower() != key, a.name.lower() != key,
                                           -a.mentions, a.id))
    display: dict[str, str] = {}
    for actor_id, actor_name, aliases in sorted(src.actor_names()):
        for form in (actor_name, actor_id, *aliases):
            display.setdefault(form.lower(), actor_name)
    close = difflib.get_close_matches(key, sorted(display), n=5, cutoff=0.6)
    hint = sorted(dict.fromkeys(display[c] for c in close))
    raise ActorNotFound(f"no actor named {name!r}" +
                        (f"; close matches: {', '.join(hint)}" if hint else ""))


def top_actors(store, *, limit: int = 20, type: ActorType | str | None = None) -> list[Actor]:
    """The most mentioned actors (ties by id), optionally of one type."""
    if isinstance(type, str):
        type = ActorType(type.strip().upper())
    actors = source(store).top_actors(limit, type)
    return sorted(actors, key=lambda a: (-a.mentions, a.id))[:limit]


def _require(src, actor_id: str) -> Actor:
    actor = src.actor(actor_id)
    if actor is None:
        raise ActorNotFound(f"no actor with id {actor_id!r}")
    return actor


def evidence(store, source_id: str, rel_type: RelType | str, target_id: str) -> list[Statement]:
    """The statements behind one relation, strongest first (symmetric types in either order)."""
    t = _as_type(rel_type)
    if t.symmetric and target_id < source_id:
        source_id, target_id = target_id, source_id
    return sorted(source(store).statements_for([(source_id, t, target_id)]), key=strength)


def profile(store, actor_id: str, *, max_evidence: int | None = None,
            max_relations: int | None = None) -> Profile:
    """An actor and its relations (outgoing first, then by count), each with its strongest evidence.

    With ``max_relations``, only that many of the relations, the most frequent (by count,
    then confidence); ``Profile.omitted`` says how many were left out.
    """
    src = source(store)
    actor = _require(src, actor_id)
    relations = sorted(src.relations_of(actor_id, limit=max_relations),
                       key=lambda r: (r.source != actor_id,) + _relation_order(r))
    omitted = src.relation_count(actor_id) - len(relations) if max_relations is not None else 0
    found: dict[tuple, list[Statement]] = defaultdict(list)
    for s in src.statements_for([(r.source, r.type, r.target) for r in relations], limit=max_evidence):
        found[(s.subject, s.type, s.object)].append(s)
    return Profile(actor, tuple(
        RelationEvidence(r, tuple(sorted(found[(r.source, r.type, r.target)], key=strength)[:max_evidence]))
        for r in relations), omitted)


def _neighbours(store, actor_id: str, types: frozenset[RelType], min_confidence: float) -> list[Neighbour]:
    joined: dict[str, list[Relation]] = defaultdict(list)
    for r in source(store).relations_of(actor_id, types=types):
        if r.source != r.target and r.confidence >= min_confidence:
            joined[r.target if r.source == actor_id else r.source].append(r)
    found = [Neighbour(other, tuple(sorted(rels, key=_relation_order)))
             for other, rels in joined.items()]
    return sorted(found, key=lambda n: (-n.count, -n.confidence, n.actor))


_POSITIVE = frozenset(t for t in RelType if t.polarity > 0)
_NEGATIVE = frozenset(t for t in RelType if t.polarity < 0)


def allies(store, actor_id: str, *, min_confidence: float = 0.0) -> list[Neighbour]:
    """Actors joined to ``actor_id`` by positive relations (either direction)."""
    return _neighbours(store, actor_id, _POSITIVE, min_confidence)


def enemies(store, actor_id: str, *, min_confidence: float = 0.0) -> list[Neighbour]:
    """Actors joined to ``actor_id`` by negative relations (either direction)."""
    return _neighbours(store, actor_id, _NEGATIVE, min_confidence)


def neighbours(store, actor_id: str, rel_type: RelType | str, *,
               min_confidence: float = 0.0) -> list[Neighbour]:
    """Actors joined to ``actor_id`` by relations of one type (either direction)."""
    return _neighbours(store, actor_id, frozenset({_as_type(rel_type)}), min_confidence)


def _edge_rank(e: Edge) -> tuple:
    return (-e.confidence, -e.count, e.type.value, e.source, e.target)


def _sign(t: RelType) -> int:
    """A relation's vote on its pair's tie: its polarity; roles (LEADS, MEMBER_OF) count as +1."""
    return 1 if t.structural else t.polarity


def principals(edges: list[Edge]) -> dict[str, str]:
    """Each leader -> the one actor it LEADS (its strongest LEADS edge): the side it speaks for."""
    found: dict[str, str] = {}
    for e in sorted(edges, key=_edge_rank):
        if e.type is RelType.LEADS and e.source != e.target:
            found.setdefault(e.source, e.target)
    return found


class Ties:
    """The signed ties of a graph. A pair's net tie is the sum, over every relation between
    the two in either direction, of its sign times its count times its confidence; a
    leader's relations count as those of the actor it leads (a ceasefire the two presidents
    sign is one between their states). Above 0 a pair is on balance aligned, below 0 hostile."""

    def __init__(self, edges: list[Edge]):
        self.side = principals(edges)
        net: dict[tuple[str, str], float] = defaultdict(float)
        for e in edges:
            u, v = self.of(e.source), self.of(e.target)
            if u != v:
                net[(u, v) if u < v else (v, u)] += _sign(e.type) * e.count * e.confidence
        self.net = {pair: round(w, 6) for pair, w in net.items()}

    def of(self, actor: str) -> str:
        return self.side.get(actor, actor)

    def between(self, a: str, b: str) -> float:
        u, v = self.of(a), self.of(b)
        return 0.0 if u == v else self.net.get((u, v) if u < v else (v, u), 0.0)

    def aligned(self, a: str, b: str) -> bool:
        """One side (a leader and what it leads), or a positive net tie."""
        return self.of(a) == self.of(b) or self.between(a, b) > 0


def pair_ties(store, *, min_confidence: float = 0.0) -> PairTies:
    """The net ties of ``store``, read pair by pair as asked and kept: to be passed as
    ``ties`` to :func:`balance` and :func:`alliance_paths` (of the same ``min_confidence``)
    that ask about the same actors, so that the second reads none again."""
    return PairTies(source(store), min_confidence)


def balance(store, a: str, b: str, *, min_confidence: float = 0.0, ties: PairTies | None = None) -> float:
    """The net tie between ``a`` and ``b`` (see :class:`Ties`); 0.0 when none."""
    return (ties if ties is not None else pair_ties(store, min_confidence=min_confidence)).between(a, b)


def _alignment_graph(edges: list[Edge], ties=None) -> nx.Graph:
    """Undirected, over aligned pairs only (``ties``: a :class:`Ties`, by default that of
    ``edges``; ``False`` keeps every pair, for a caller that checks the pairs it walks);
    between two actors only the strongest alignment edge is kept (a ceasefire between two
    foes is not an alliance)."""
    import networkx as nx

    if ties is None:
        ties = Ties(edges)
    g = nx.Graph()
    g.add_nodes_from(sorted({x for e in edges if e.type in ALIGNMENT for x in (e.source, e.target)}))
    for e in sorted(edges, key=_edge_rank):
        if e.type in ALIGNMENT and e.source != e.target and not g.has_edge(e.source, e.target) \
                and (ties is False or ties.aligned(e.source, e.target)):
            g.add_edge(e.source, e.target, edge=e)
    return g


class PairTies:
    """:class:`Ties` of the whole graph, for the pairs asked about only. A pair's net tie
    reads just the relations between the two sides' members (each side and those of its
    leaders whose side it is), found from LEADS edges, so a path search pays for the hops
    it walks, not for the neighbourhood it holds, however many relations a hub has. An
    actor's side needs only the LEADS edges from it; a side's members, those into it."""

    def __init__(self, src, min_confidence: float):
        self.src, self.min_confidence = src, min_confidence
        self.sides: dict[str, str] = {}
        self.leaders: dict[str, set[str]] = {}  # the sources of the LEADS edges into a side
        self.nets: dict[tuple[str, str], float] = {}

    def _sides(self, actors: set[str]) -> None:
        """The side each of ``actors`` speaks for, from its own LEADS edges."""
        todo = sorted(x for x in actors if x not in self.sides)
        if not todo:
            return
        own: dict[str, list[Edge]] = defaultdict(list)
        for e in self.src.edges_from(todo, frozenset({RelType.LEADS}), self.min_confidence):
            own[e.source].append(e)
        for x in todo:
            self.sides[x] = principals(own[x]).get(x, x)

    def of(self, actor: str) -> str:
        self._sides({actor})
        return self.sides[actor]

    def members(self, side: str) -> set[str]:
        if side not in self.leaders:
            self.leaders[side] = {e.source for e in self.src.edges_around(
                [side], frozenset({RelType.LEADS}), self.min_confidence) if e.target == side}
        leaders = self.leaders[side]
        self._sides(leaders | {side})
        return {x for x in leaders | {side} if self.sides[x] == side}

    def between(self, a: str, b: str) -> float:
        u, v = self.of(a), self.of(b)
        if u == v:
            return 0.0
        pair = (u, v) if u < v else (v, u)
        if pair not in self.nets:
            weights = self.src.weights_between(self.members(u), self.members(v), self.min_confidence)
            net = sum(_sign(t) * w for t, w in weights.items())
            self.nets[pair] = round(net, 6)
        return self.nets[pair]

    def aligned(self, a: str, b: str) -> bool:
        return self.of(a) == self.of(b) or self.between(a, b) > 0


def _surety(g: nx.Graph, nodes: list[str]) -> float:
    """A path's product of confidences."""
    p = 1.0
    for u, v in zip(nodes, nodes[1:]):
        p *= g.edges[u, v]["edge"].confidence
    return p


@dataclass
class SearchBudget:
    """How much a path search may do before it stops with what it has: candidate paths
    listed and hop ties checked (a store read each). Between two hubs the simple paths of
    three or four hops run to millions; a search that would list them all never answers."""
    candidates: int = 200_000
    checks: int = 2_000
    stopped: bool = False


def _signed_paths(g: nx.Graph, a: str, b: str, ties: PairTies, *, k: int, max_hops: int,
                  budget: SearchBudget | None = None) -> list[list[str]]:
    """The ``k`` best simple paths of ``g`` whose every hop is aligned: shortest first, then
    surest (product of confidences), then by actor ids. Each length's paths are listed by a
    depth-first walk from ``a`` that steps only to actors near enough to ``b`` to end in time;
    hop ties (a store read each) are checked only down that ranking, until ``k`` pass.
    When ``budget`` runs out the search stops with what it has found, and says so in it."""
    if a not in g or b not in g or a == b:
        return []
    import networkx as nx

    budget = budget if budget is not None else SearchBudget()
    dist = nx.single_source_shortest_path_length(g, b, cutoff=max_hops)
    if a not in dist:
        return []
    ok: dict[tuple[str, str], bool] = {}

    def aligned(nodes: list[str]) -> bool:
        for u, v in zip(nodes, nodes[1:]):
            key = (u, v) if u < v else (v, u)
            if key not in ok:
                budget.checks -= 1
                ok[key] = ties.aligned(u, v)
            if not ok[key]:
                return False
        return True

    found: list[list[str]] = []
    for length in range(dist[a], max_hops + 1):
        candidates, stack = [], [[a]]
        while stack:
            path = stack.pop()
            u, left = path[-1], length - len(path) + 1  # hops still to take
            for v in g[u]:
                if v == b and left == 1:
                    candidates.append(path + [v])
                elif v != b and dist.get(v, max_hops + 1) <= left - 1 and v not in path:
                    stack.append(path + [v])
            if len(candidates) + len(stack) > budget.candidates:
                budget.stopped = True
                break
        for nodes in sorted(candidates, key=lambda n: (-_surety(g, n), n)):
            if budget.checks <= 0:
                budget.stopped = True
                return found
            if aligned(nodes):
                found.append(nodes)
                if len(found) == k:
                    return found
        if budget.stopped:
            return found
    return found


def _path_graph(src, a: str, b: str, ties: PairTies, *, k: int, max_hops: int, min_confidence: float) -> nx.Graph:
    """The part of the alignment graph around ``a`` and ``b`` that holds the answer.

    A path of at most L hops uses only edges (u, v) with d(a, u) + 1 + d(v, b) <= L, so each
    touches an actor within ``ra`` hops of ``a`` or ``rb`` of ``b`` when ra + rb >= L - 2.
    Of the two outer layers (the actors at exactly ``ra`` from ``a``, ``rb`` from ``b``)
    only the one with fewer mentions is read whole, say ``b``'s: that gives every actor
    within rb + 1 of ``b``, and a hop of such a path from ``a``'s outer layer ends there, so
    of that layer only the edges into that ball are read (``edges_between``). The inner
    layers are read whole. So a hub at one end costs its edges to the other end's
    neighbourhood, not its whole neighbourhood. L grows from 2 until ``k`` paths are found
    or L = ``max_hops``, so a hub's neighbourhood is read only when the short paths do not
    suffice.
    """
    edges: dict[tuple, Edge] = {}
    near = {a: {a: 0}, b: {b: 0}}  # distance from each end, as far as read whole
    read: set[str] = set()  # the actors whose edges are all read
    mentions: dict[str, int] = {}

    def read_whole(end: str, layers: range) -> None:
        dist = near[end]
        for layer in layers:  # breadth first, so each distance is exact
            todo = {x for x, d in dist.items() if d == layer} - read
            if todo:
                for e in src.edges_around(todo, ALIGNMENT, min_confidence):
                    edges[e[:3]] = e
                    for x, y in ((e.source, e.target), (e.target, e.source)):
                        if x in todo and y not in dist:
                            dist[y] = layer + 1
                read.update(todo)

    def weight(actors: set[str]) -> int:
        mentions.update((x, y.mentions) for x, y in src.actors_by_id(actors - mentions.keys()).items())
        return sum(mentions.get(x, 0) for x in actors)

    for hops in range(min(2, max_hops), max_hops + 1):
        radius = {a: max(0, (hops - 1) // 2), b: max(0, (hops - 2) // 2)}
        for end in (a, b):
            read_whole(end, range(radius[end]))
        outer = {end: {x for x, d in near[end].items() if d == radius[end]} - read for end in (a, b)}
        whole, part = (a, b) if a == b or weight(outer[a]) <= weight(outer[b]) else (b, a)
        read_whole(whole, range(radius[whole], radius[whole] + 1))
        if outer[part] - read:
            ball = {x for x, d in near[whole].items() if d <= radius[whole] + 1}
            for e in src.edges_between(outer[part] - read, ball, ALIGNMENT, min_confidence):
                edges[e[:3]] = e
        g = _alignment_graph(list(edges.values()), False)
        if part not in g and part not in read:  # does it have edges at all?
            read_whole(part, range(0, 1))
            g = _alignment_graph(list(edges.values()), False)
        if hops == max_hops or a not in g or b not in g:
            return g
        trial = SearchBudget()
        if len(_signed_paths(g, a, b, ties, k=k, max_hops=hops, budget=trial)) >= k or trial.stopped:
            return g
    return g


def alliance_paths(store, a: str, b: str, *, k: int = 3, max_hops: int = 4,
                   min_confidence: float = 0.0, ties: PairTies | None = None) -> list[Path]:
    """The ``k`` shortest paths from ``a`` to ``b`` over alignment edges, walked either way.

    Alignment edges are the positive types plus LEADS and MEMBER_OF, between pairs whose
    net tie is positive (:class:`Ties`): two actors who fight more than they agree
    are no hop of an alliance path, whatever ceasefire they signed. Paths
    are node-simple; between two actors the strongest edge is used; ties in
    length go to the surest path (product of confidences), then to actor ids.
    Each hop carries its strongest evidence. Raises NoPath when none is found.
    ``ties``: those of :func:`pair_ties` (same ``min_confidence``), if already read.
    """
    src = source(store)
    _require(src, a)
    _require(src, b)
    ties = ties if ties is not None else PairTies(src, min_confidence)
    g = _path_graph(src, a, b, ties, k=k, max_hops=max_hops, min_confidence=min_confidence)
    hostile = ties.between(a, b) < 0
    why = "; they are directly hostile" if hostile else ""
    if a == b or a not in g or b not in g:
        raise NoPath(f"no alliance path from {a!r} to {b!r}{why}")
    budget = SearchBudget()
    found = _signed_paths(g, a, b, ties, k=k, max_hops=max_hops, budget=budget)
    stopped = (f"; the search stopped after {SearchBudget.candidates:,} candidate paths or "
               f"{SearchBudget.checks:,} ties (a hub lies between them: try --max-hops 2 or 3)"
               if budget.stopped else "")
    if not found:
        raise NoPath(f"no alliance path from {a!r} to {b!r} within {max_hops} hops{why}{stopped}")

    edges = {(u, v): g.edges[u, v]["edge"] for n in found for u, v in zip(n, n[1:])}
    best: dict[tuple, Statement] = {}
    for s in sorted(src.statements_for(sorted({(e.source, e.type, e.target) for e in edges.values()}), limit=1),
                    key=strength):
        best.setdefault((s.subject, s.type, s.object), s)
    return Paths((Path(tuple(
        Hop(u, edges[u, v].type, v, edges[u, v].source == u, edges[u, v].confidence,
            best[(edges[u, v].source, edges[u, v].type, edges[u, v].target)])
        for u, v in zip(n, n[1:]))) for n in found), stopped=stopped[2:])


def enemy_of_enemy(store, actor_id: str) -> list[Candidate]:
    """Actors hostile to an enemy of ``actor_id`` and not (yet) hostile to it; most shared first."""
    found = source(store).enemy_of_enemy(actor_id)
    return sorted((Candidate(y, tuple(sorted(shared))) for y, shared in found.items()),
                  key=lambda c: (-len(c.shared), c.actor))


def blocs(store, *, min_size: int = 2, min_confidence: float = 0.0) -> list[tuple[str, ...]]:
    """Alliance blocs of the signed graph, largest first: positive ties within, negative across.

    Each pair's weight is its net tie (:class:`Ties`; a leader stands with what it leads).
    Louvain communities (fixed seed) of the positive ties are the start; then, actor by
    actor in id order until no move helps, an actor moves to the bloc (or a bloc of its own)
    to which its net ties are strongest, so that two actors hostile on balance do not stay
    together because they share friends. Actors with no positive tie are in no bloc.
    """
    import networkx as nx

    ties = Ties(source(store).edges_of_types(frozenset(RelType), min_confidence))
    net = ties.net
    g = nx.Graph()
    for (u, v), w in sorted(net.items()):
        if w > 0:
            g.add_edge(u, v, weight=w)
    where = {x: n for n, c in enumerate(nx.community.louvain_communities(g, weight="weight", seed=BLOC_SEED))
             for x in c}
    links: dict[str, dict[str, float]] = defaultdict(dict)
    for (u, v), w in net.items():
        if u in where and v in where:
            links[u][v] = links[v][u] = w
    fresh = len(where)
    for _ in range(20):  # a move always raises the sum of net ties within blocs: this ends
        moved = False
        for x in sorted(where):
            pull: dict[int, float] = defaultdict(float)
            for y, w in links[x].items():
                pull[where[y]] += w
            here = pull.get(where[x], 0.0)
            best, gain = max(((c, p) for c, p in pull.items() if c != where[x]),
                             key=lambda cp: (cp[1], -cp[0]), default=(None, 0.0))
            if best is not None and gain > max(here, 0.0) + 1e-9:
                where[x], moved = best, True
            elif here < -1e-9:  # better alone than with its foes
                where[x], moved, fresh = fresh, True, fresh + 1
        if not moved:
            break
    for leader, side in ties.side.items():
        if side in where:
            where[leader] = where[side]
    groups: dict[int, list[str]] = defaultdict(list)
    for x, c in where.items():
        groups[c].append(x)
    found = [tuple(sorted(c)) for c in groups.values() if len(c) >= min_size]
    return sorted(found, key=lambda c: (-len(c), c))


def timeline(store, a: str, b: str) -> list[Statement]:
    """Every statement between two actors (either direction): dated ones by date, then undated."""
    return sorted(source(store).timeline(a, b),
                  key=lambda s: (s.date is None, s.date or "", s.document, s.start, s.id))
