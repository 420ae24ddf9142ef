"""The small typed results the named queries return."""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from actorgraph.graph import Actor, Relation, RelType, Statement


class RelationEvidence(NamedTuple):
    """A relation and its statements, strongest first."""

    relation: Relation
    evidence: tuple[Statement, ...]


@dataclass(frozen=True)
class Profile:
    """An actor and every relation touching it (outgoing first), each with its evidence."""

    actor: Actor
    relations: tuple[RelationEvidence, ...]
    omitted: int = 0  # relations left out by ``max_relations``

    @property
    def outgoing(self) -> tuple[RelationEvidence, ...]:
        return tuple(r for r in self.relations if r.relation.source == self.actor.id)

    @property
    def incoming(self) -> tuple[RelationEvidence, ...]:
        return tuple(r for r in self.relations if r.relation.source != self.actor.id)


@dataclass(frozen=True)
class Neighbour:
    """An actor (id) and the relations, either direction, that join it to the one asked about."""

    actor: str
    relations: tuple[Relation, ...]

    @property
    def count(self) -> int:
        return sum(r.count for r in self.relations)

    @property
    def confidence(self) -> float:
        return max(r.confidence for r in self.relations)


@dataclass(frozen=True)
class Hop:
    """One step of an alliance path, in walking order; ``forward`` if the relation points that way."""

    source: str
    type: RelType
    target: str
    forward: bool
    confidence: float
    evidence: Statement

    @property
    def direction(self) -> str:
        return "forward" if self.forward else "backward"


@dataclass(frozen=True)
class Path:
    hops: tuple[Hop, ...]

    @property
    def actors(self) -> tuple[str, ...]:
        return (self.hops[0].source,) + tuple(h.target for h in self.hops)

    def __len__(self) -> int:
        return len(self.hops)


class Paths(list):
    """The paths a search found; ``stopped`` says why it may have missed some ("" if it did not)."""

    def __init__(self, paths=(), *, stopped: str = ""):
        super().__init__(paths)
        self.stopped = stopped


@dataclass(frozen=True)
class Candidate:
    """An actor sharing enemies with the one asked about, without being hostile to it."""

    actor: str
    shared: tuple[str, ...]


class CypherResult(NamedTuple):
    columns: list[str]
    rows: list[list]
