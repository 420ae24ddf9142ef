"""The named queries' two backends: Cypher files for a Bolt store, NetworkX twins for the file store.

Both classes offer the same methods with the same answers (as sets: callers
sort). Each Bolt method runs ``queries/cypher/<method>.cypher``.
"""
from __future__ import annotations

from collections import defaultdict
from functools import cache
from importlib.resources import files
from typing import NamedTuple

from actorgraph.graph import Actor, ActorType, Relation, RelType, Statement, StoreError, aggregate
from actorgraph.graph.nx_store import NetworkXStore


class Edge(NamedTuple):
    """An aggregated relation without its statements (the alliance subgraph)."""

    source: str
    type: RelType
    target: str
    count: int
    confidence: float


@cache
def cypher(name: str) -> str:
    """The text of ``queries/cypher/<name>.cypher``."""
    return (files("queries") / "cypher" / f"{name}.cypher").read_text(encoding="utf-8")


def cypher_names() -> list[str]:
    return sorted(p.name[:-7] for p in (files("queries") / "cypher").iterdir()
                  if p.name.endswith(".cypher"))


def source(store):
    """The backend answering named queries for ``store``."""
    if isinstance(store, NetworkXStore):
        return NxSource(store)
    if hasattr(store, "read") and hasattr(store, "run"):
        return BoltSource(store)
    raise StoreError(f"named queries do not support a {type(store).__name__}")


class NxSource:
    def __init__(self, store: NetworkXStore):
        self.store = store
        self.graph = store.graph

    def find_actor(self, key: str) -> list[Actor]:
        return [a for a in self.store.actors()
                if key in (a.id.lower(), a.name.lower()) or key in (x.lower() for x in a.aliases)]

    def actor_names(self) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(a.id, a.name, a.aliases) for a in self.store.actors()]

    def actor(self, actor_id: str) -> Actor | None:
        return self.graph.nodes[actor_id]["actor"] if actor_id in self.graph else None

    def top_actors(self, limit: int, type: ActorType | None) -> list[Actor]:
        actors = [a for a in self.store.actors() if type is None or a.type is type]
        return sorted(actors, key=lambda a: (-a.mentions, a.id))[:limit]

    def relations_of(self, actor_id: str) -> list[Relation]:
        if actor_id not in self.graph:
            return []
        edges = list(self.graph.out_edges(actor_id, data="statement"))
        edges += self.graph.in_edges(actor_id, data="statement")
        return aggregate({s.id: s for *_, s in edges}.values())

    def edges_of_types(self, types: frozenset[RelType], min_confidence: float) -> list[Edge]:
        return [Edge(r.source, r.type, r.target, r.count, r.confidence)
                for r in self.store.relations()
                if r.type in types and r.confidence >= min_confidence]

    def statements_for(self, triples: list[tuple[str, RelType, str]]) -> list[Statement]:
        found = []
        for a, t, b in triples:
            data = self.graph.get_edge_data(a, b) or {}
            found += [e["statement"] for e in data.values() if e["statement"].type is t]
        return found

    def enemy_of_enemy(self, actor_id: str) -> dict[str, set[str]]:
        hostile: dict[str, set[str]] = defaultdict(set)  # actor -> actors joined by a negative edge
        for r in self.store.relations():
            if r.polarity < 0:
                hostile[r.source].add(r.target)
                hostile[r.target].add(r.source)
        enemies = hostile.get(actor_id, set())
        shared: dict[str, set[str]] = defaultdict(set)
        for e in enemies - {actor_id}:
            for y in hostile[e]:
                if y != actor_id and y not in enemies:
                    shared[y].add(e)
        return dict(shared)

    def timeline(self, a: str, b: str) -> list[Statement]:
        found = {}
        for x, y in ((a, b), (b, a)):
            for e in (self.graph.get_edge_data(x, y) or {}).values():
                found[e["statement"].id] = e["statement"]
        return list(found.values())


class BoltSource:
    def __init__(self, store):
        self.store = store

    def _statements(self, rows: list[dict]) -> list[Statement]:
        from actorgraph.graph.neo4j_store import statement_from_row

        return [statement_from_row(r["statement"], r["subject"], r["object"]) for r in rows]

    def find_actor(self, key: str) -> list[Actor]:
        from actorgraph.graph.neo4j_store import actor_from_row

        return [actor_from_row(r["actor"]) for r in self.store.read(cypher("find_actor"), key=key)]

    def actor_names(self) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(r["id"], r["name"], tuple(r["aliases"] or ()))
                for r in self.store.read(cypher("actor_names"))]

    def actor(self, actor_id: str) -> Actor | None:
        from actorgraph.graph.neo4j_store import actor_from_row

        rows = self.store.read(cypher("actor"), id=actor_id)
        return actor_from_row(rows[0]["actor"]) if rows else None

    def top_actors(self, limit: int, type: ActorType | None) -> list[Actor]:
        from actorgraph.graph.neo4j_store import actor_from_row

        rows = self.store.read(cypher("top_actors"), limit=limit, type=type.value if type else None)
        return [actor_from_row(r["actor"]) for r in rows]

    def relations_of(self, actor_id: str) -> list[Relation]:
        return [Relation(source=r["source"], type=RelType(r["type"]), target=r["target"],
                         count=r["count"], confidence=r["confidence"], first_seen=r["first_seen"],
                         last_seen=r["last_seen"], statements=tuple(sorted(r["statements"])))
                for r in self.store.read(cypher("relations_of"), id=actor_id)]

    def edges_of_types(self, types: frozenset[RelType], min_confidence: float) -> list[Edge]:
        rows = self.store.read(cypher("edges_of_types"), types=sorted(t.value for t in types),
                               min_confidence=min_confidence)
        return [Edge(r["source"], RelType(r["type"]), r["target"], r["count"], r["confidence"])
                for r in rows]

    def statements_for(self, triples: list[tuple[str, RelType, str]]) -> list[Statement]:
        rows = [{"source": a, "type": t.value, "target": b} for a, t, b in triples]
        return self._statements(self.store.read(cypher("statements_for"), rows=rows)) if rows else []

    def enemy_of_enemy(self, actor_id: str) -> dict[str, set[str]]:
        return {r["actor"]: set(r["shared"])
                for r in self.store.read(cypher("enemy_of_enemy"), id=actor_id)}

    def timeline(self, a: str, b: str) -> list[Statement]:
        return self._statements(self.store.read(cypher("timeline"), a=a, b=b))
