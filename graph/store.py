"""One store interface, two implementations (NetworkX file, Neo4j over Bolt)."""
from __future__ import annotations

import os
from collections import defaultdict
from typing import Iterable, Protocol, runtime_checkable

from .model import Actor, Batch, Document, Relation, Statement

DEFAULT_STORE = "actorgraph.json"
BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")


@runtime_checkable
class GraphStore(Protocol):
    """What every store offers. Writes are idempotent by document and statement id."""

    def write(self, batch: Batch) -> None:
        """Add documents, merge actors (aliases united, mentions added), add statements."""

    def document_ids(self) -> set[str]: ...
    def documents(self) -> list[Document]: ...
    def actors(self) -> list[Actor]: ...
    def statements(self) -> list[Statement]: ...
    def relations(self) -> list[Relation]: ...
    def close(self) -> None: ...


def store_location(location: str | None = None) -> str:
    """``location``, else ``$ACTORGRAPH_STORE``, else ``./actorgraph.json``."""
    return location or os.environ.get("ACTORGRAPH_STORE") or DEFAULT_STORE


def is_bolt(location: str) -> bool:
    return location.lower().startswith(BOLT_SCHEMES)


def open_store(location: str | None = None, *, write: bool = False) -> GraphStore:
    """Open the store named by a file path or a Bolt URI (see :func:`store_location`).

    Neo4j credentials come from NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE.
    """
    location = store_location(location)
    if is_bolt(location):
        from .neo4j_store import Neo4jStore

        return Neo4jStore(
            location,
            user=os.environ.get("NEO4J_USERNAME", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            database=os.environ.get("NEO4J_DATABASE") or None,
        )
    from .nx_store import NetworkXStore

    return NetworkXStore(location, write=write)


def aggregate(statements: Iterable[Statement]) -> list[Relation]:
    """Statements grouped by (subject, type, object), in a stable order."""
    groups: dict[tuple, list[Statement]] = defaultdict(list)
    for s in statements:
        groups[(s.subject, s.type.value, s.object)].append(s)
    return [Relation.aggregate(groups[k]) for k in sorted(groups)]
