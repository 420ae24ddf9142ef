"""The embedded default: a NetworkX MultiDiGraph persisted to one JSON file.

The file is schema-versioned, written to a temporary file and renamed (a crash
never leaves half a file), and a writer holds an exclusive lock on
``<file>.lock`` so that a second writer fails at once instead of losing work.
"""
from __future__ import annotations

import fcntl
import json
import os
import tempfile
from pathlib import Path

import networkx as nx

from .errors import StoreError, StoreLocked
from .model import SCHEMA_VERSION, Actor, Batch, Document, Relation, Statement
from .store import aggregate

FORMAT = "actorgraph-store"


class NetworkXStore:
    """Actors are nodes; each statement is an edge keyed by its id, typed by ``type``."""

    def __init__(self, path: str | os.PathLike, *, write: bool = False):
        self.path = Path(path)
        self.graph = nx.MultiDiGraph()
        self._documents: dict[str, Document] = {}
        self._lock = None
        self._dirty = False
        if write:
            self._acquire_lock()
        if self.path.exists():
            self._load()

    # -- persistence -------------------------------------------------------
    def _acquire_lock(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        lock = open(f"{self.path}.lock", "a+")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            lock.close()
            raise StoreLocked(f"{self.path}: another actorgraph process is writing this store") from None
        self._lock = lock

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise StoreError(f"{self.path}: not a readable actorgraph store ({e})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError(f"{self.path}: not an actorgraph store file")
        if data.get("schema") != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {data.get('schema')} is not supported "
                             f"(this actorgraph reads schema {SCHEMA_VERSION})")
        for d in data["documents"]:
            doc = Document.from_dict(d)
            self._documents[doc.id] = doc
        for a in data["actors"]:
            actor = Actor.from_dict(a)
            self.graph.add_node(actor.id, actor=actor)
        for s in data["statements"]:
            self._add_statement(Statement.from_dict(s))

    def save(self) -> None:
        """Write the whole store atomically (temp file in the same folder, then rename)."""
        data = {
            "format": FORMAT,
            "schema": SCHEMA_VERSION,
            "documents": [d.to_dict() for d in self.documents()],
            "actors": [a.to_dict() for a in self.actors()],
            "statements": [s.to_dict() for s in self.statements()],
        }
        self.path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{self.path.name}.", dir=self.path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as f:
                json.dump(data, f, ensure_ascii=False, indent=1)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        self._dirty = False

    def close(self) -> None:
        try:
            if self._dirty:
                self.save()
        finally:
            if self._lock is not None:
                fcntl.flock(self._lock, fcntl.LOCK_UN)
                self._lock.close()
                self._lock = None

    def __enter__(self) -> "NetworkXStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writes ------------------------------------------------------------
    def _add_statement(self, s: Statement) -> None:
        for node in (s.subject, s.object):
            if node not in self.graph:
                raise StoreError(f"{self.path}: statement {s.id} names unknown actor {node!r}")
        self.graph.add_edge(s.subject, s.object, key=s.id, type=s.type.value, statement=s)

    def write(self, batch: Batch) -> None:
        if self._lock is None:
            raise StoreError(f"{self.path}: store was opened read-only")
        if batch.documents and all(d.id in self._documents for d in batch.documents):
            return  # already stored: re-ingesting changes nothing
        known = set(self.graph) | {a.id for a in batch.actors}
        for s in batch.statements:  # check first, so that a refused batch changes nothing
            for node in (s.subject, s.object):
                if node not in known:
                    raise StoreError(f"{self.path}: statement {s.id} names unknown actor {node!r}")
        for doc in batch.documents:
            self._documents.setdefault(doc.id, doc)
        for actor in batch.actors:
            old = self.graph.nodes[actor.id]["actor"] if actor.id in self.graph else None
            self.graph.add_node(actor.id, actor=old.merged(actor) if old else actor)
        for s in batch.statements:
            if not self.graph.has_edge(s.subject, s.object, key=s.id):
                self._add_statement(s)
        self._dirty = True

    # -- reads -------------------------------------------------------------
    def document_ids(self) -> set[str]:
        return set(self._documents)

    def documents(self) -> list[Document]:
        return sorted(self._documents.values(), key=lambda d: (d.source, d.id))

    def actors(self) -> list[Actor]:
        return sorted((a for _, a in self.graph.nodes(data="actor")), key=lambda a: a.id)

    def statements(self) -> list[Statement]:
        return sorted((s for *_, s in self.graph.edges(data="statement")), key=lambda s: s.id)

    def relations(self) -> list[Relation]:
        return aggregate(self.statements())
