"""One store interface, two implementations (the embedded SQLite file, Neo4j over Bolt)."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Protocol, runtime_checkable

from .errors import StoreError
from .model import Actor, Batch, Document, Edge, Form, Linking, Merge, Relation, Statement, aggregate
from .ontology import ActorType, RelType

DEFAULT_STORE = "actorgraph.db"
BOLT_SCHEMES = ("bolt://", "bolt+s://", "bolt+ssc://", "neo4j://", "neo4j+s://", "neo4j+ssc://")
#: The files beside an embedded store that belong to it (SQLite's and the earlier lock file).
SIDECARS = ("-wal", "-shm", "-journal", ".lock")
#: How long a writer waits for another writer by default (seconds).
DEFAULT_WAIT = 300.0

__all__ = ["GraphStore", "DEFAULT_STORE", "store_location", "is_bolt", "open_store", "store_files",
           "aggregate"]


@runtime_checkable
class GraphStore(Protocol):
    """What every store offers. Writes are idempotent by document and statement id.

    The second group of methods answers the named queries in ``queries/``: each
    returns plain model objects (callers sort); a store answers them its own way
    (Cypher on Bolt, SQL on the embedded file).
    """

    def write(self, batch: Batch) -> None:
        """Add documents, merge actors (aliases united, mentions added), add statements."""

    def document_ids(self) -> set[str]: ...
    def documents(self) -> list[Document]: ...
    def unfinished(self) -> dict[str, int]:
        """Documents written in part (see :class:`~graph.model.Batch`): id -> parts written.
        ``document_ids`` holds only the finished ones."""
    def actors(self) -> list[Actor]: ...
    def statements(self) -> list[Statement]: ...
    def relations(self) -> list[Relation]: ...

    def relation_groups(self, min_confidence: float = 0.0) -> Iterator[tuple[Relation, list[Statement]]]:
        """Each relation re-aggregated from its statements at or above ``min_confidence``,
        with those statements, in (source, type, target) order, a relation at a time."""

    def close(self) -> None: ...

    # -- the named queries' backend ------------------------------------------
    def find_actor(self, key: str) -> list[Actor]:
        """Actors whose id, name or an alias, lower-cased, equals ``key``."""
    def actor_names(self) -> list[tuple[str, str, tuple[str, ...]]]: ...
    def actor(self, actor_id: str) -> Actor | None: ...
    def actors_by_id(self, ids: Iterable[str]) -> dict[str, Actor]: ...
    def top_actors(self, limit: int, type: ActorType | None) -> list[Actor]: ...
    def relations_of(self, actor_id: str, limit: int | None = None,
                     types: frozenset[RelType] | None = None) -> list[Relation]:
        """The relations touching an actor (either end), of ``types`` only if given; with
        ``limit``, the ``limit`` most frequent (by count, confidence, type, source, target)."""
    def relation_count(self, actor_id: str) -> int:
        """How many relations touch an actor."""
    def edges_of_types(self, types: frozenset[RelType], min_confidence: float) -> list[Edge]: ...
    def edges_around(self, actor_ids: Iterable[str], types: frozenset[RelType],
                     min_confidence: float) -> list[Edge]:
        """The edges of ``edges_of_types`` that touch any of ``actor_ids`` (either end)."""
    def edges_from(self, actor_ids: Iterable[str], types: frozenset[RelType],
                   min_confidence: float) -> list[Edge]:
        """The edges of ``edges_of_types`` whose source is one of ``actor_ids``."""
    def edges_between(self, xs: Iterable[str], ys: Iterable[str], types: frozenset[RelType],
                      min_confidence: float) -> list[Edge]:
        """The edges of ``edges_of_types`` joining one of ``xs`` and one of ``ys`` (either
        way round; not an actor to itself; ``xs`` and ``ys`` may overlap)."""
    def weights_between(self, xs: Iterable[str], ys: Iterable[str], min_confidence: float
                        ) -> dict[RelType, float]:
        """Per type, the sum of count x confidence over the edges at or above
        ``min_confidence`` joining one of ``xs`` and one of ``ys`` (either way round;
        ``xs`` and ``ys`` do not overlap)."""
    def statements_for(self, triples: list[tuple[str, RelType, str]], limit: int | None = None
                       ) -> list[Statement]:
        """The statements of each (subject, type, object); with ``limit``, only the
        ``limit`` strongest of each (``model.strength``)."""
    def enemy_of_enemy(self, actor_id: str) -> dict[str, set[str]]: ...
    def timeline(self, a: str, b: str) -> list[Statement]: ...

    # -- cross-document linking (the rules are in loaders/link.py) --------------
    def forms(self) -> list[Form]:
        """Every document's own actors, with the actor each is linked to."""
    def statement_ends(self) -> list[tuple[str, str, str, str, str | None]]:
        """(document, subject, type, object, date) of every statement, its ends as its document gave them."""
    def constraints(self) -> list[tuple[str, str, str]]:
        """The corrections by hand: ("merge", a, b) and ("split", actor, form id)."""
    def merges(self) -> list[Merge]:
        """The audit trail, oldest first."""
    def names(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The other names (gazetteer) each of ``ids`` is found by."""
    def relink(self, linking: Linking) -> None:
        """Bring the store to a grouping: forms relinked, actors rewritten, statements moved to
        their forms' actors, relations recomputed, audit entries added. Only the forms
        ``linking`` names are touched (an incremental grouping names a part of the store); their
        keys and words are kept, and they are no longer pending."""

    # -- what an incremental grouping reads (loaders/link.py, related_part) ------
    def pending_forms(self) -> set[tuple[str, str]]:
        """The forms (document, id) written since they were last grouped."""
    def forms_of(self, ids: Iterable[str]) -> list[Form]:
        """Every form, of any document, whose own actor id is one of ``ids``."""
    def forms_linked_to(self, actor_ids: Iterable[str]) -> list[Form]: ...
    def form_ids_with_keys(self, keys: Iterable[str]) -> set[str]:
        """The ids of the grouped forms found by any of ``keys`` (``Linking.keys``)."""
    def link_words(self) -> list[str]:
        """Every word kept by a grouping (``Linking.words``)."""
    def statement_ends_of(self, ids: Iterable[str]) -> list[tuple[str, str, str, str, str | None]]:
        """``statement_ends`` of the statements one of whose ends is one of ``ids``."""
    def document_dates(self, ids: Iterable[str]) -> dict[str, str | None]: ...
    def last_merges(self, forms: Iterable[str]) -> list[Merge]:
        """The audit entries of the form ids ``forms``, oldest first."""


def store_location(location: str | None = None) -> str:
    """``location``, else ``$ACTORGRAPH_STORE``, else ``$NEO4J_URI``, else ``./actorgraph.db``."""
    return (location or os.environ.get("ACTORGRAPH_STORE") or os.environ.get("NEO4J_URI")
            or DEFAULT_STORE)


def is_bolt(location: str) -> bool:
    return location.lower().startswith(BOLT_SCHEMES)


def store_files(location: str | None = None) -> list[Path]:
    """The embedded store's file and its sidecar files (none for a Bolt store)."""
    location = store_location(location)
    if is_bolt(location):
        return []
    return [Path(location)] + [Path(location + s) for s in SIDECARS]


def is_store_file(path: str | os.PathLike, location: str | None = None) -> bool:
    """Whether writing ``path`` would overwrite the store or one of its sidecar files."""
    target = Path(path)
    for f in store_files(location):
        if target.resolve() == f.resolve():
            return True
        try:
            if target.exists() and f.exists() and target.samefile(f):
                return True
        except OSError:
            pass
    return False


def open_store(location: str | None = None, *, write: bool = False,
               wait: float = DEFAULT_WAIT) -> GraphStore:
    """Open the store named by a file path or a Bolt URI (see :func:`store_location`).

    A writer of the embedded store waits up to ``wait`` seconds for another writer.
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
    scheme = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", location)
    if scheme:
        raise StoreError(f"{location}: actorgraph cannot serve a {scheme.group(1)}:// store; "
                         f"give a file path or a bolt:// or neo4j:// URI (also bolt+s://, neo4j+s://, ...)")
    from .nx_store import NetworkXStore

    return NetworkXStore(location, write=write, wait=wait)
