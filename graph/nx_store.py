"""The embedded default: one SQLite file (Python's ``sqlite3``, WAL mode).

Tables: ``documents``, ``actors`` with their ``aliases`` (indexed by lower-cased
and by normalised form), ``statements``, and ``relations``, the aggregate of the
statements per (source, type, target), kept up to date by every write. One
:class:`~graph.model.Batch` is one transaction (``BEGIN IMMEDIATE``): an ingest
costs what it adds, a killed process loses at most the batch in hand, and the
file is never left unreadable. A second writer waits for the first (up to
``wait`` seconds); readers never block. Read commands load only what they ask
for; the graph algorithms in ``queries/`` run in NetworkX on the edges fetched.

The store is still called the NetworkX store (the name users know). A JSON store
file of earlier versions opens read-only (loaded into memory); ``migrate`` turns
it into an SQLite file.
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
import urllib.parse
from pathlib import Path
from typing import Iterable, Iterator

from .errors import StoreError, StoreLocked
from .model import (SCHEMA_VERSION, Actor, Batch, Document, Edge, Form, Linking, Merge, Relation, Statement,
                    StatementKey, batch_forms, written)
from .names import normalize
from .ontology import ActorType, RelType

FORMAT = "actorgraph-store"  # the JSON store of earlier versions
SQLITE_FORMAT = "actorgraph-sqlite"
SQLITE_SCHEMA = 1
SQLITE_MAGIC = b"SQLite format 3\x00"
CHUNK = 500  # ids per IN (...) list

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, sha256 TEXT NOT NULL, title TEXT, date TEXT,
    parts INTEGER);
CREATE TABLE IF NOT EXISTS actors (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, type TEXT NOT NULL, mentions INTEGER NOT NULL,
    attributes TEXT, folded_id TEXT NOT NULL, folded_name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS actors_mentions ON actors (mentions DESC, id);
CREATE INDEX IF NOT EXISTS actors_folded_id ON actors (folded_id);
CREATE INDEX IF NOT EXISTS actors_folded_name ON actors (folded_name);
CREATE TABLE IF NOT EXISTS aliases (
    actor TEXT NOT NULL, pos INTEGER NOT NULL, alias TEXT NOT NULL, folded TEXT NOT NULL,
    norm TEXT NOT NULL, PRIMARY KEY (actor, pos)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_folded ON aliases (folded);
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases (norm);
CREATE TABLE IF NOT EXISTS statements (
    id TEXT PRIMARY KEY, subject TEXT NOT NULL, type TEXT NOT NULL, object TEXT NOT NULL,
    confidence REAL NOT NULL, document TEXT NOT NULL, sentence TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, line INTEGER, date TEXT,
    negated INTEGER NOT NULL, hedged INTEGER NOT NULL, reported INTEGER NOT NULL,
    speaker TEXT, pattern TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS statements_triple ON statements (subject, type, object, id);
CREATE INDEX IF NOT EXISTS statements_object ON statements (object, subject);
CREATE TABLE IF NOT EXISTS relations (
    source TEXT NOT NULL, type TEXT NOT NULL, target TEXT NOT NULL, count INTEGER NOT NULL,
    confidence REAL NOT NULL, first_seen TEXT, last_seen TEXT,
    PRIMARY KEY (source, type, target)) WITHOUT ROWID;
DROP INDEX IF EXISTS relations_target;
CREATE INDEX IF NOT EXISTS relations_by_target ON relations (target, type);
"""
#: Cross-document linking (added to a store of an earlier version when it is opened for writing):
#: each document's own actors (``forms``, JSON, with the actor each is linked to), each
#: statement's ends as its document gave them, the audit trail, the corrections by hand, and
#: the other names (gazetteer) an actor is found by.
LINK_SCHEMA = """
CREATE TABLE IF NOT EXISTS forms (
    document TEXT NOT NULL, id TEXT NOT NULL, linked TEXT NOT NULL, actor TEXT NOT NULL,
    PRIMARY KEY (document, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS statement_ends (
    id TEXT PRIMARY KEY, document TEXT NOT NULL, subject TEXT NOT NULL, object TEXT NOT NULL) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS statement_ends_document ON statement_ends (document);
CREATE TABLE IF NOT EXISTS merges (
    seq INTEGER PRIMARY KEY, rule TEXT NOT NULL, form TEXT NOT NULL, actor TEXT NOT NULL,
    names TEXT NOT NULL, document TEXT NOT NULL, at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS constraints (
    kind TEXT NOT NULL, a TEXT NOT NULL, b TEXT NOT NULL, PRIMARY KEY (kind, a, b)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS names (
    actor TEXT NOT NULL, name TEXT NOT NULL, folded TEXT NOT NULL, PRIMARY KEY (actor, name)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS names_folded ON names (folded);
"""
#: Incremental linking (added to a store of an earlier version when it is opened for writing):
#: the forms written since the last grouping (``pending``), the keys each grouped form is found
#: by (``form_keys``, computed by loaders/link.py), the words of its names that a spelling
#: variant is sought among (``link_words``), and the indexes that read a part of the store.
INCREMENTAL_SCHEMA = """
CREATE TABLE IF NOT EXISTS pending (
    document TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (document, id)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS form_keys (
    key TEXT NOT NULL, document TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (key, document, id)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS form_keys_form ON form_keys (document, id);
CREATE TABLE IF NOT EXISTS link_words (word TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS forms_id ON forms (id);
CREATE INDEX IF NOT EXISTS forms_linked ON forms (linked);
CREATE INDEX IF NOT EXISTS statement_ends_subject ON statement_ends (subject);
CREATE INDEX IF NOT EXISTS statement_ends_object ON statement_ends (object);
CREATE INDEX IF NOT EXISTS merges_form ON merges (form, seq);
"""
STATEMENT_COLUMNS = ('id, subject, type, object, confidence, document, sentence, start, "end", line, '
                     'date, negated, hedged, reported, speaker, pattern')
RELATION_COLUMNS = "source, type, target, count, confidence, first_seen, last_seen"
_TYPES = {t.value: t for t in RelType}
_NEGATIVE = tuple(sorted(t.value for t in RelType if t.polarity < 0))


def _statement(r: tuple) -> Statement:
    return Statement(r[0], r[1], _TYPES[r[2]], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10],
                     bool(r[11]), bool(r[12]), bool(r[13]), r[14], r[15])


def _statement_row(s: Statement) -> tuple:
    return (s.id, s.subject, s.type.value, s.object, s.confidence, s.document, s.sentence, s.start,
            s.end, s.line, s.date, int(s.negated), int(s.hedged), int(s.reported), s.speaker, s.pattern)


def _relation(r: tuple, statements: Iterable[str] = ()) -> Relation:
    return Relation(source=r[0], type=_TYPES[r[1]], target=r[2], count=r[3], confidence=r[4],
                    first_seen=r[5], last_seen=r[6], statements=tuple(sorted(statements)))


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _marks(n: int) -> str:
    return ",".join("?" * n)


def sniff(path: Path) -> str:
    """``"sqlite"``, ``"json"``, ``"empty"`` or ``"other"``, from the file's first bytes."""
    with open(path, "rb") as f:
        head = f.read(len(SQLITE_MAGIC))
    if not head:
        return "empty"
    if head == SQLITE_MAGIC:
        return "sqlite"
    return "json" if head.lstrip()[:1] == b"{" else "other"


class NetworkXStore:
    """The embedded store: an SQLite file; its graph questions are answered in NetworkX.

    ``write=True`` opens it for writing (the file is created if missing); a read-only
    store must exist. ``wait`` is how long a write waits for another writer (seconds).
    """

    def __init__(self, path: str | os.PathLike, *, write: bool = False, wait: float = 300.0):
        self.path = Path(path)
        self.wait = wait
        self.writable = write
        if self.path.is_dir():
            raise StoreError(f"{self.path}: a folder, not a store file")
        kind = sniff(self.path) if self.path.exists() else None
        if kind == "json":
            if write:
                raise StoreError(f"{self.path}: a JSON store of an earlier actorgraph; convert it "
                                 f"first with: actorgraph migrate {self.path}")
            self._db = self._connect(":memory:")
            self._linked = True
            self._create()
            self._finished = self._finished_condition()
            self._load_json()
            return
        if kind == "other" or (kind == "empty" and not write):
            raise StoreError(f"{self.path}: not an actorgraph store file")
        if kind is None and not write:
            raise StoreError(f"{self.path}: no store here (ingest documents first, or name "
                             f"the store with --store)")
        if write:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = self._connect(str(self.path))
        else:
            uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
            self._db = self._connect(uri, uri=True)
        try:
            tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if write and not tables:  # a new store (another writer may be creating it too)
                self._use_wal()
                self._create()
            if write:
                self._db.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as e:
            self._db.close()
            raise self._error(e, "opening") from None
        self._check()  # before anything is written to it: it may be someone else's database
        self._linked = "forms" in tables or write
        if write and "forms" not in tables and tables:
            self._add_links()
        if write:
            self._upgrade()
        self._finished = self._finished_condition()

    def _upgrade(self) -> None:
        """What a store written by an earlier version of this schema lacks: the documents'
        ``parts`` column (a long document written in part) and the current indexes."""
        columns = {r[1] for r in self._db.execute("PRAGMA table_info(documents)")}
        indexes = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        tables = {r[0] for r in self._db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "parts" in columns and "relations_by_target" in indexes and "pending" in tables:
            return
        try:
            self._db.execute("BEGIN IMMEDIATE")
            columns = {r[1] for r in self._db.execute("PRAGMA table_info(documents)")}
            if "parts" not in columns:
                self._db.execute("ALTER TABLE documents ADD COLUMN parts INTEGER")
            for statement in SCHEMA.split(";"):
                if statement.strip().startswith(("CREATE INDEX", "DROP INDEX")):
                    self._db.execute(statement)
            if not self._db.execute("SELECT 1 FROM sqlite_master WHERE name = 'pending'").fetchone():
                for statement in INCREMENTAL_SCHEMA.split(";"):
                    if statement.strip():
                        self._db.execute(statement)
                # grouped before there were keys: every form is grouped anew once, by the next linking
                self._db.execute("INSERT OR IGNORE INTO pending SELECT document, id FROM forms")
            self._db.execute("COMMIT")
        except sqlite3.Error as e:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise self._error(e, "upgrading") from None

    def _finished_condition(self) -> str:
        """The SQL condition of a finished document (every document, in a store without parts)."""
        has_parts = any(r[1] == "parts" for r in self._db.execute("PRAGMA table_info(documents)"))
        return "parts IS NULL" if has_parts else "1"

    # -- connection ----------------------------------------------------------
    def _connect(self, target: str, uri: bool = False) -> sqlite3.Connection:
        try:
            db = sqlite3.connect(target, timeout=self.wait, isolation_level=None, uri=uri,
                                 check_same_thread=False)
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the store ({e})") from None
        db.execute("PRAGMA cache_size=-65536")  # 64 MB of page cache
        return db

    def _use_wal(self) -> None:
        """Switch a new file to WAL (kept in the file). SQLite does not wait for a lock here,
        and two writers creating one store race for it, so the switch is retried until ``wait``."""
        deadline = time.monotonic() + self.wait
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() >= deadline:
                    raise
                time.sleep(0.05)

    def _error(self, e: sqlite3.Error, doing: str) -> StoreError:
        if isinstance(e, sqlite3.OperationalError) and "locked" in str(e):
            return StoreLocked(f"{self.path}: another actorgraph process is writing this store "
                               f"(waited {self.wait:g} s; ingest --wait SECONDS waits longer)")
        if isinstance(e, sqlite3.DatabaseError) and "not a database" in str(e):
            return StoreError(f"{self.path}: not an actorgraph store file")
        return StoreError(f"{self.path}: {doing} the store failed ({e})")

    def _create(self) -> None:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            for statement in (SCHEMA + LINK_SCHEMA + INCREMENTAL_SCHEMA).split(";"):
                if statement.strip():
                    self._db.execute(statement)
            self._db.executemany("INSERT OR IGNORE INTO meta VALUES (?, ?)",
                                 [("format", SQLITE_FORMAT), ("schema", str(SQLITE_SCHEMA))])
            self._db.execute("COMMIT")
        except BaseException:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise

    def _add_links(self) -> None:
        """A store of an earlier version gets the linking tables: each stored actor one form of
        no document, each statement its ends as they are."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            for statement in LINK_SCHEMA.split(";"):
                if statement.strip():
                    self._db.execute(statement)
            if not self._db.execute("SELECT 1 FROM forms LIMIT 1").fetchone():
                self._db.executemany("INSERT INTO forms VALUES ('', ?, ?, ?)",
                                     [(a.id, a.id, json.dumps(a.to_dict())) for a in self.iter_actors()])
                self._db.execute("INSERT OR IGNORE INTO statement_ends "
                                 "SELECT id, document, subject, object FROM statements")
            self._db.execute("COMMIT")
        except sqlite3.Error as e:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            raise self._error(e, "upgrading") from None

    def _check(self) -> None:
        try:
            meta = dict(self._db.execute("SELECT key, value FROM meta"))
        except sqlite3.Error:
            self._db.close()
            raise StoreError(f"{self.path}: not an actorgraph store file") from None
        if meta.get("format") != SQLITE_FORMAT:
            self._db.close()
            raise StoreError(f"{self.path}: not an actorgraph store file")
        if meta.get("schema") != str(SQLITE_SCHEMA):
            self._db.close()
            raise StoreError(f"{self.path}: store schema {meta.get('schema')} is not supported "
                             f"(this actorgraph reads schema {SQLITE_SCHEMA})")

    def _load_json(self) -> None:
        """An earlier version's JSON store, into this (in-memory) database."""
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
            raise StoreError(f"{self.path}: not a readable actorgraph store ({e})") from None
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            raise StoreError(f"{self.path}: not an actorgraph store file")
        if data.get("schema") != SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store schema {data.get('schema')} is not supported "
                             f"(this actorgraph reads schema {SCHEMA_VERSION})")
        try:
            batch = Batch(tuple(Document.from_dict(d) for d in data["documents"]),
                          tuple(Actor.from_dict(a) for a in data["actors"]),
                          tuple(Statement.from_dict(s) for s in data["statements"]))
        except (KeyError, TypeError, ValueError) as e:
            raise StoreError(f"{self.path}: not a readable actorgraph store ({e})") from None
        self._transaction(self._write, batch)

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> "NetworkXStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writes --------------------------------------------------------------
    def write(self, batch: Batch) -> None:
        """Write ``batch`` in one transaction; a batch whose documents are all stored changes nothing."""
        if not self.writable:
            raise StoreError(f"{self.path}: store was opened read-only")
        self._transaction(self._write, batch)

    def _transaction(self, work, *args) -> None:
        """``work(*args)`` in one write transaction (``BEGIN IMMEDIATE``), rolled back on failure."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as e:
            raise self._error(e, "writing") from None
        try:
            work(*args)
            self._db.execute("COMMIT")
        except sqlite3.Error as e:
            self._db.execute("ROLLBACK")
            raise self._error(e, "writing") from None
        except BaseException:
            self._db.execute("ROLLBACK")
            raise

    def _parts_stored(self, ids: Iterable[str]) -> dict[str, int | None]:
        """Stored documents among ``ids`` -> parts written (None: finished)."""
        if self._finished == "1":
            return dict.fromkeys(self._existing("documents", ids))
        found: dict[str, int | None] = {}
        for chunk in _chunks(sorted(set(ids))):
            found |= dict(self._db.execute(
                f"SELECT id, parts FROM documents WHERE id IN ({_marks(len(chunk))})", chunk))
        return found

    def _existing(self, table: str, ids: Iterable[str], where: str = "1") -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(set(ids))):
            found |= {r[0] for r in self._db.execute(
                f"SELECT id FROM {table} WHERE id IN ({_marks(len(chunk))}) AND {where}", chunk)}
        return found

    def _write(self, batch: Batch) -> None:
        db = self._db
        unfinished = dict(batch.unfinished)
        stored = self._parts_stored(d.id for d in batch.documents)
        new_docs: dict[str, Document] = {}
        for d in batch.documents:
            if not written(stored, d.id, unfinished.get(d.id)):
                new_docs.setdefault(d.id, d)
        if batch.documents and not new_docs:
            return  # already stored: re-ingesting changes nothing
        merged = self.actors_by_id({a.id for a in batch.actors})
        changed: dict[str, Actor] = {}
        for a in batch.actors:
            old = changed.get(a.id) or merged.get(a.id)
            changed[a.id] = old.merged(a) if old else a
        named = {x for s in batch.statements for x in (s.subject, s.object)}
        found = self._existing("actors", named - changed.keys())
        for s in batch.statements:  # check first, so that a refused batch changes nothing
            for node in (s.subject, s.object):
                if node not in changed and node not in found:
                    raise StoreError(f"{self.path}: statement {s.id} names unknown actor {node!r}")
        self._put_actors(changed.values())
        db.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?) "
                       "ON CONFLICT (id) DO UPDATE SET parts = excluded.parts",
                       [(d.id, d.source, d.sha256, d.title, d.date, unfinished.get(d.id))
                        for d in new_docs.values()])
        db.executemany(f"INSERT OR IGNORE INTO statements ({STATEMENT_COLUMNS}) "
                       f"VALUES ({_marks(16)})", [_statement_row(s) for s in batch.statements])
        self._update_relations({(s.subject, s.type.value, s.object) for s in batch.statements})
        by_key, adding = batch_forms(batch, stored)
        for d, i in adding:
            row = db.execute("SELECT actor FROM forms WHERE document = ? AND id = ?", (d, i)).fetchone()
            if row:
                by_key[(d, i)] = Actor.from_dict(json.loads(row[0])).merged(by_key[(d, i)])
        db.executemany("INSERT INTO forms VALUES (?, ?, ?, ?) ON CONFLICT (document, id) DO UPDATE SET "
                       "actor = excluded.actor",
                       [(d, i, i, json.dumps(a.to_dict())) for (d, i), a in by_key.items()])
        db.executemany("INSERT OR IGNORE INTO statement_ends VALUES (?, ?, ?, ?)",
                       [(s.id, s.document, s.subject, s.object) for s in batch.statements])
        db.executemany("INSERT OR IGNORE INTO pending VALUES (?, ?)", list(by_key))

    def _put_actors(self, actors: Iterable[Actor]) -> None:
        actors = list(actors)
        self._db.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
            "name = excluded.name, type = excluded.type, mentions = excluded.mentions, "
            "attributes = excluded.attributes, folded_name = excluded.folded_name",
            [(a.id, a.name, a.type.value, a.mentions,
              json.dumps(dict(a.attributes), sort_keys=True) if a.attributes else None,
              a.id.lower(), a.name.lower()) for a in actors])
        self._db.executemany("DELETE FROM aliases WHERE actor = ?", [(a.id,) for a in actors])
        self._db.executemany("INSERT INTO aliases VALUES (?, ?, ?, ?, ?)",
                             [(a.id, n, x, x.lower(), normalize(x))
                              for a in actors for n, x in enumerate(a.aliases)])

    # -- cross-document linking (the rules are in loaders/link.py) ---------------
    def forms(self) -> list[Form]:
        if not self._linked:
            return []
        return [Form(d, Actor.from_dict(json.loads(a)), l) for d, a, l in self._db.execute(
            "SELECT document, actor, linked FROM forms ORDER BY document, id")]

    def statement_ends(self) -> list[tuple[str, str, str, str, str | None]]:
        """(document, subject, type, object, date) of every statement, its ends as its document gave them."""
        if not self._linked:
            return []
        return list(self._db.execute(
            "SELECT e.document, e.subject, s.type, e.object, s.date FROM statements s "
            "JOIN statement_ends e ON e.id = s.id ORDER BY s.id"))

    def constraints(self) -> list[tuple[str, str, str]]:
        return list(self._db.execute("SELECT kind, a, b FROM constraints ORDER BY kind, a, b")) \
            if self._linked else []

    def merges(self) -> list[Merge]:
        return [Merge(*r) for r in self._db.execute(
            "SELECT rule, form, actor, names, document, at FROM merges ORDER BY seq")] if self._linked else []

    def names(self, ids: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The other names (gazetteer) each of ``ids`` is found by."""
        out: dict[str, list[str]] = {}
        if self._linked:
            for chunk in _chunks(sorted(set(ids))):
                for actor, name in self._db.execute(
                        f"SELECT actor, name FROM names WHERE actor IN ({_marks(len(chunk))}) ORDER BY actor, name", chunk):
                    out.setdefault(actor, []).append(name)
        return {k: tuple(v) for k, v in out.items()}

    def relink(self, linking: Linking) -> None:
        """Bring the store to ``linking`` in one transaction: forms relinked, actors rewritten
        (and those no form names any more deleted), statements moved to their forms' actors,
        the relations of the moved statements recomputed, the audit entries added."""
        if not self.writable:
            raise StoreError(f"{self.path}: store was opened read-only")
        self._transaction(self._relink, linking)

    # the parts of the store an incremental grouping reads (loaders/link.py, relink)
    def pending_forms(self) -> set[tuple[str, str]]:
        """The forms (document, id) written since they were last grouped."""
        return set(self._db.execute("SELECT document, id FROM pending"))

    def _forms_where(self, column: str, values: Iterable[str]) -> list[Form]:
        out = []
        for chunk in _chunks(sorted(set(values))):
            out += [Form(d, Actor.from_dict(json.loads(a)), l) for d, a, l in self._db.execute(
                f"SELECT document, actor, linked FROM forms WHERE {column} IN ({_marks(len(chunk))})", chunk)]
        return out

    def forms_of(self, ids: Iterable[str]) -> list[Form]:
        """Every form (of any document) whose own actor id is one of ``ids``."""
        return self._forms_where("id", ids)

    def forms_linked_to(self, actor_ids: Iterable[str]) -> list[Form]:
        """Every form linked to one of ``actor_ids``."""
        return self._forms_where("linked", actor_ids)

    def form_ids_with_keys(self, keys: Iterable[str]) -> set[str]:
        """The ids of the grouped forms found by any of ``keys`` (see ``form_keys``)."""
        found: set[str] = set()
        for chunk in _chunks(sorted(set(keys))):
            found |= {r[0] for r in self._db.execute(
                f"SELECT DISTINCT id FROM form_keys WHERE key IN ({_marks(len(chunk))})", chunk)}
        return found

    def link_words(self) -> list[str]:
        """The words of the grouped forms' names that spelling variants are sought among."""
        words = self._db.execute("SELECT group_concat(word, char(10)) FROM link_words").fetchone()[0]
        return words.split("\n") if words else []  # one string: a tenth of the time of a row per word

    def statement_ends_of(self, ids: Iterable[str]) -> list[tuple[str, str, str, str, str | None]]:
        """``statement_ends`` of the statements one of whose ends is one of ``ids``."""
        rows: dict[str, tuple] = {}
        for chunk in _chunks(sorted(set(ids))):
            marks = _marks(len(chunk))
            for end in ("subject", "object"):
                for r in self._db.execute(
                        "SELECT s.id, e.document, e.subject, s.type, e.object, s.date FROM statement_ends e "
                        f"JOIN statements s ON s.id = e.id WHERE e.{end} IN ({marks})", chunk):
                    rows[r[0]] = r[1:]
        return [rows[i] for i in sorted(rows)]

    def document_dates(self, ids: Iterable[str]) -> dict[str, str | None]:
        out: dict[str, str | None] = {}
        for chunk in _chunks(sorted(set(ids))):
            out |= dict(self._db.execute(f"SELECT id, date FROM documents WHERE id IN ({_marks(len(chunk))})",
                                         chunk))
        return out

    def last_merges(self, forms: Iterable[str]) -> list[Merge]:
        """The audit entries of ``forms`` (form ids), oldest first."""
        rows = []
        for chunk in _chunks(sorted(set(forms))):
            rows += self._db.execute("SELECT seq, rule, form, actor, names, document, at FROM merges "
                                     f"WHERE form IN ({_marks(len(chunk))})", chunk).fetchall()
        return [Merge(*r[1:]) for r in sorted(rows)]

    def _relink(self, linking: Linking) -> None:
        """Only the forms ``linking`` names are read and rewritten (all of them for a full
        grouping; for an incremental one, the part of the store it regrouped)."""
        db, links = self._db, linking.links
        current = {(f.document, f.actor.id): f.linked for f in self.forms_of({i for _, i in links})}
        moved = {k: v for k, v in links.items() if k in current and current[k] != v}
        db.executemany("UPDATE forms SET linked = ? WHERE document = ? AND id = ?",
                       [(v, d, i) for (d, i), v in sorted(moved.items())])
        want = {a.id: a for a in linking.actors}
        before = {current[k] for k in links if k in current}
        stored = self.actors_by_id(want.keys() | before)
        self._put_actors(a for i, a in sorted(want.items()) if stored.get(i) != a)
        # an actor no form is linked to any more goes (not one whose forms another writer has
        # just added: the next grouping takes them in)
        gone = sorted(i for i in stored.keys() - want.keys()
                      if not db.execute("SELECT 1 FROM forms WHERE linked = ? LIMIT 1", (i,)).fetchone())
        db.executemany("DELETE FROM actors WHERE id = ?", [(i,) for i in gone])
        db.executemany("DELETE FROM aliases WHERE actor = ?", [(i,) for i in gone])
        docs = sorted({d for d, _ in moved if d})
        loose = sorted({i for d, i in moved if not d})  # forms of no document: found by id
        rows = []
        for chunk in _chunks(docs):
            rows += db.execute("SELECT e.id, e.document, e.subject, e.object, s.subject, s.type, s.object "
                               "FROM statement_ends e JOIN statements s ON s.id = e.id "
                               f"WHERE e.document IN ({_marks(len(chunk))})", chunk).fetchall()
        for chunk in _chunks(loose):
            marks = _marks(len(chunk))
            for end in ("subject", "object"):
                rows += db.execute("SELECT e.id, e.document, e.subject, e.object, s.subject, s.type, s.object "
                                   "FROM statement_ends e JOIN statements s ON s.id = e.id "
                                   f"WHERE e.{end} IN ({marks})", chunk).fetchall()
        triples, updates = set(), {}
        for sid, doc, raw_s, raw_o, old_s, t, old_o in rows:
            new_s = links.get((doc, raw_s)) or links.get(("", raw_s)) or old_s
            new_o = links.get((doc, raw_o)) or links.get(("", raw_o)) or old_o
            if _TYPES[t].symmetric and new_o < new_s:
                new_s, new_o = new_o, new_s
            if (new_s, new_o) != (old_s, old_o):
                updates[sid] = (new_s, new_o, sid)
                triples |= {(old_s, t, old_o), (new_s, t, new_o)}
        db.executemany("UPDATE statements SET subject = ?, object = ? WHERE id = ?", list(updates.values()))
        self._update_relations(triples)
        db.executemany("DELETE FROM names WHERE actor = ?", [(i,) for i in sorted(want.keys() | set(gone))])
        db.executemany("INSERT OR IGNORE INTO names VALUES (?, ?, ?)",
                       [(i, n, n.lower()) for i, ns in sorted(linking.names.items()) if i in want for n in ns])
        db.executemany("INSERT INTO merges (rule, form, actor, names, document, at) VALUES (?, ?, ?, ?, ?, ?)",
                       list(linking.merges))
        if linking.constraints is not None:
            db.execute("DELETE FROM constraints")
            db.executemany("INSERT OR IGNORE INTO constraints VALUES (?, ?, ?)", list(linking.constraints))
        grouped = sorted(links)
        db.executemany("DELETE FROM form_keys WHERE document = ? AND id = ?", grouped)
        db.executemany("INSERT OR IGNORE INTO form_keys VALUES (?, ?, ?)",
                       [(k, d, i) for (d, i), ks in sorted(linking.keys.items()) for k in ks])
        db.executemany("INSERT OR IGNORE INTO link_words VALUES (?)", [(w,) for w in sorted(linking.words)])
        db.executemany("DELETE FROM pending WHERE document = ? AND id = ?", grouped)

    def _update_relations(self, triples: set[tuple[str, str, str]]) -> None:
        """Recompute the aggregated relations of ``triples`` from all their statements."""
        rows = []
        for a, t, b in sorted(triples):
            evidence = [StatementKey(i, a, _TYPES[t], b, c, d) for i, c, d in self._db.execute(
                "SELECT id, confidence, date FROM statements WHERE subject = ? AND type = ? "
                "AND object = ? ORDER BY id", (a, t, b))]
            if not evidence:  # its statements moved to other actors (cross-document linking)
                self._db.execute("DELETE FROM relations WHERE source = ? AND type = ? AND target = ?", (a, t, b))
                continue
            r = Relation.aggregate(evidence)
            rows.append((a, t, b, r.count, r.confidence, r.first_seen, r.last_seen))
        self._db.executemany(f"INSERT OR REPLACE INTO relations VALUES ({_marks(7)})", rows)

    # -- reads ---------------------------------------------------------------
    def actors_by_id(self, ids: Iterable[str]) -> dict[str, Actor]:
        wanted = json.dumps(sorted(set(ids)))  # one query a table, however many
        aliases: dict[str, list[str]] = {}
        for actor, alias in self._db.execute("SELECT actor, alias FROM aliases WHERE actor IN "
                                             "(SELECT value FROM json_each(?)) ORDER BY actor, pos", (wanted,)):
            aliases.setdefault(actor, []).append(alias)
        return {r[0]: self._actor(r, aliases.get(r[0], ())) for r in self._db.execute(
            "SELECT id, name, type, mentions, attributes FROM actors WHERE id IN (SELECT value FROM json_each(?)) "
            "ORDER BY id", (wanted,))}

    @staticmethod
    def _actor(r: tuple, aliases: Iterable[str]) -> Actor:
        return Actor(r[0], r[1], ActorType(r[2]), tuple(aliases), r[3],
                     tuple(sorted(json.loads(r[4]).items())) if r[4] else ())

    def document_ids(self) -> set[str]:
        return {r[0] for r in self._db.execute(f"SELECT id FROM documents WHERE {self._finished}")}

    def unfinished(self) -> dict[str, int]:
        if self._finished == "1":
            return {}
        return dict(self._db.execute("SELECT id, parts FROM documents WHERE parts IS NOT NULL"))

    def documents(self) -> list[Document]:
        return [Document(*r) for r in self._db.execute(
            "SELECT id, source, sha256, title, date FROM documents ORDER BY source, id")]

    def iter_actors(self) -> Iterator[Actor]:
        """Every actor in id order, read as it goes."""
        aliases = self._db.cursor().execute("SELECT actor, alias FROM aliases ORDER BY actor, pos")
        pending = next(aliases, None)
        for r in self._db.execute("SELECT id, name, type, mentions, attributes FROM actors ORDER BY id"):
            own = []
            while pending is not None and pending[0] <= r[0]:
                if pending[0] == r[0]:
                    own.append(pending[1])
                pending = next(aliases, None)
            yield self._actor(r, own)

    def actors(self) -> list[Actor]:
        return list(self.iter_actors())

    def statements(self) -> list[Statement]:
        return [_statement(r) for r in self._db.execute(
            f"SELECT {STATEMENT_COLUMNS} FROM statements ORDER BY id")]

    def relations(self) -> list[Relation]:
        ids: dict[tuple, list[str]] = {}
        for a, t, b, i in self._db.execute("SELECT subject, type, object, id FROM statements"):
            ids.setdefault((a, t, b), []).append(i)
        return [_relation(r, ids.get(r[:3], ())) for r in self._db.execute(
            f"SELECT {RELATION_COLUMNS} FROM relations ORDER BY source, type, target")]

    def relation_groups(self, min_confidence: float = 0.0) -> Iterator[tuple[Relation, list[Statement]]]:
        group: list[Statement] = []
        for r in self._db.execute(f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE confidence >= ? "
                                  f"ORDER BY subject, type, object, id", (min_confidence,)):
            s = _statement(r)
            if group and (group[0].subject, group[0].type, group[0].object) != (s.subject, s.type, s.object):
                yield Relation.aggregate(group), group
                group = []
            group.append(s)
        if group:
            yield Relation.aggregate(group), group

    # -- the named queries' backend -------------------------------------------
    def find_actor(self, key: str) -> list[Actor]:
        names = " UNION SELECT actor FROM names WHERE folded = ?1" if self._linked else ""
        ids = [r[0] for r in self._db.execute(
            "SELECT id FROM actors WHERE folded_id = ?1 OR folded_name = ?1 "
            "UNION SELECT actor FROM aliases WHERE folded = ?1" + names, (key,))]
        return list(self.actors_by_id(ids).values())

    def actor_names(self) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(a.id, a.name, a.aliases) for a in self.iter_actors()]

    def actor(self, actor_id: str) -> Actor | None:
        return self.actors_by_id([actor_id]).get(actor_id)

    def top_actors(self, limit: int, type: ActorType | None) -> list[Actor]:
        ids = [r[0] for r in self._db.execute(
            "SELECT id FROM actors WHERE ?1 IS NULL OR type = ?1 ORDER BY mentions DESC, id LIMIT ?2",
            (type.value if type else None, limit))]
        found = self.actors_by_id(ids)
        return [found[i] for i in ids]

    def relations_of(self, actor_id: str, limit: int | None = None,
                     types: frozenset[RelType] | None = None) -> list[Relation]:
        ids = ("(SELECT group_concat(s.id) FROM statements s WHERE s.subject = r.source "
               "AND s.type = r.type AND s.object = r.target)")
        kinds = "" if types is None else " AND type IN (SELECT value FROM json_each(?2))"
        touching = (f"SELECT {RELATION_COLUMNS} FROM relations WHERE source = ?1{kinds} UNION ALL "
                    f"SELECT {RELATION_COLUMNS} FROM relations WHERE target = ?1 AND source <> ?1{kinds}")
        if limit is not None:
            touching += f" ORDER BY count DESC, confidence DESC, type, source, target LIMIT {int(limit)}"
        params = (actor_id,) if types is None else (actor_id, json.dumps(sorted(t.value for t in types)))
        return [_relation(r, r[7].split(",")) for r in self._db.execute(
            f"SELECT {RELATION_COLUMNS}, {ids} FROM ({touching}) r", params)]

    def relation_count(self, actor_id: str) -> int:
        return self._db.execute(
            "SELECT (SELECT count(*) FROM relations WHERE source = ?1) + "
            "(SELECT count(*) FROM relations WHERE target = ?1 AND source <> ?1)", (actor_id,)).fetchone()[0]

    def edges_of_types(self, types: frozenset[RelType], min_confidence: float) -> list[Edge]:
        wanted = sorted(t.value for t in types)
        return [Edge(a, _TYPES[t], b, n, c) for a, t, b, n, c in self._db.execute(
            f"SELECT source, type, target, count, confidence FROM relations "
            f"WHERE type IN ({_marks(len(wanted))}) AND confidence >= ?", (*wanted, min_confidence))]

    def edges_around(self, actor_ids: Iterable[str], types: frozenset[RelType],
                     min_confidence: float) -> list[Edge]:
        wanted = sorted(t.value for t in types)
        found: dict[tuple, Edge] = {}
        for chunk in _chunks(sorted(set(actor_ids))):
            ids, marks = _marks(len(chunk)), _marks(len(wanted))
            for a, t, b, n, c in self._db.execute(
                    f"SELECT source, type, target, count, confidence FROM relations WHERE source IN ({ids}) "
                    f"AND type IN ({marks}) AND confidence >= ? UNION "
                    f"SELECT source, type, target, count, confidence FROM relations WHERE target IN ({ids}) "
                    f"AND type IN ({marks}) AND confidence >= ?",
                    (*chunk, *wanted, min_confidence, *chunk, *wanted, min_confidence)):
                found[(a, t, b)] = Edge(a, _TYPES[t], b, n, c)
        return list(found.values())

    def edges_from(self, actor_ids: Iterable[str], types: frozenset[RelType], min_confidence: float
                   ) -> list[Edge]:
        return [Edge(a, _TYPES[t], b, n, c) for a, t, b, n, c in self._db.execute(
            "SELECT source, type, target, count, confidence FROM relations "
            "WHERE source IN (SELECT value FROM json_each(?1)) AND type IN (SELECT value FROM json_each(?2)) "
            "AND confidence >= ?3", (json.dumps(sorted(set(actor_ids))),
                                     json.dumps(sorted(t.value for t in types)), min_confidence))]

    def _between(self, columns: str, xs: Iterable[str], ys: Iterable[str], types: Iterable[RelType],
                 min_confidence: float) -> tuple[str, tuple]:
        """The relations joining one of ``xs`` and one of ``ys`` (either way; not an actor to
        itself): a query of ``columns`` and its parameters. When there are
        fewer (pair, type) combinations than the smaller side (by mentions) has relations,
        each is looked up by the primary key; else the smaller side's relations are read,
        by index, and their other end matched (rows by target are looked up in the table
        only when they match)."""
        xs, ys = sorted(set(xs)), sorted(set(ys))
        wanted = sorted(t.value for t in types)
        sets = [json.dumps(xs), json.dumps(ys)]
        weight = [self._db.execute("SELECT coalesce(sum(mentions), 0) FROM actors "
                                   "WHERE id IN (SELECT value FROM json_each(?))", (x,)).fetchone()[0]
                  for x in sets]
        params = (*(sets if weight[0] <= weight[1] else sets[::-1]), json.dumps(wanted), min_confidence)
        ids = "(SELECT value FROM json_each(?{}))".format
        kinds = f"type IN {ids(3)} AND confidence >= ?4 AND source <> target"
        if len(xs) * len(ys) * len(wanted) <= min(weight):
            query = (f"SELECT {columns} FROM relations WHERE source IN {ids(1)} AND target IN {ids(2)} "
                     f"AND {kinds} UNION ALL "
                     f"SELECT {columns} FROM relations WHERE source IN {ids(2)} AND target IN {ids(1)} "
                     f"AND {kinds}")
        else:
            query = (f"SELECT {columns} FROM relations WHERE source IN {ids(1)} AND +target IN {ids(2)} "
                     f"AND {kinds} UNION ALL "
                     f"SELECT {columns} FROM relations WHERE (source, type, target) IN ("
                     f"SELECT source, type, target FROM relations WHERE target IN {ids(1)} "
                     f"AND +source IN {ids(2)}) AND {kinds}")
        return query, params

    def edges_between(self, xs: Iterable[str], ys: Iterable[str], types: frozenset[RelType],
                      min_confidence: float) -> list[Edge]:
        query, params = self._between("source, type, target, count, confidence", xs, ys, types, min_confidence)
        found = {(a, t, b): Edge(a, _TYPES[t], b, n, c) for a, t, b, n, c in self._db.execute(query, params)}
        return list(found.values())

    def weights_between(self, xs: Iterable[str], ys: Iterable[str], min_confidence: float
                        ) -> dict[RelType, float]:
        """Summed in SQL over the relations ``_between`` reads: a pair's tie costs what the
        smaller side has, or the pairs when there are fewer."""
        query, params = self._between("type, count * confidence AS w", xs, ys, RelType, min_confidence)
        return {_TYPES[t]: w for t, w in self._db.execute(
            f"SELECT type, sum(w) FROM ({query}) GROUP BY type ORDER BY type", params)}

    def statements_for(self, triples: list[tuple[str, RelType, str]], limit: int | None = None
                       ) -> list[Statement]:
        """One indexed query per triple; with ``limit``, SQLite ranks and keeps the strongest."""
        query = f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE subject = ? AND type = ? AND object = ?"
        if limit is not None:
            query = (f"SELECT {STATEMENT_COLUMNS} FROM ({query} ORDER BY confidence DESC, negated, hedged, "
                     f"document, start, id LIMIT {int(limit)})")
        found = []
        for a, t, b in triples:
            found += [_statement(r) for r in self._db.execute(query, (a, t.value, b))]
        return found

    def _hostile(self, actor_id: str) -> set[str]:
        marks = _marks(len(_NEGATIVE))
        return {r[0] for r in self._db.execute(
            f"SELECT target FROM relations WHERE source = ? AND type IN ({marks}) UNION "
            f"SELECT source FROM relations WHERE target = ? AND type IN ({marks})",
            (actor_id, *_NEGATIVE, actor_id, *_NEGATIVE))}

    def enemy_of_enemy(self, actor_id: str) -> dict[str, set[str]]:
        enemies = self._hostile(actor_id)
        shared: dict[str, set[str]] = {}
        for e in enemies - {actor_id}:
            for y in self._hostile(e):
                if y != actor_id and y not in enemies:
                    shared.setdefault(y, set()).add(e)
        return shared

    def timeline(self, a: str, b: str) -> list[Statement]:
        return [_statement(r) for r in self._db.execute(
            f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE subject = ?1 AND object = ?2 UNION "
            f"SELECT {STATEMENT_COLUMNS} FROM statements WHERE subject = ?2 AND object = ?1", (a, b))]


def migrate(old: str | os.PathLike, new: str | os.PathLike | None = None) -> Path:
    """Convert an earlier version's JSON store into an SQLite store (``old`` with ``.db``).

    The new file is written beside, under a temporary name, and renamed when complete;
    ``old`` is left as it is. Refuses to overwrite an existing ``new``.
    """
    old = Path(old)
    new = Path(new) if new is not None else old.with_suffix(".db")
    if not old.exists():
        raise StoreError(f"{old}: no such store")
    if sniff(old) != "json":
        raise StoreError(f"{old}: not a JSON store of an earlier actorgraph (nothing to migrate)")
    if new.exists():
        raise StoreError(f"{new}: exists already; name another file to migrate into")
    with NetworkXStore(old) as src:
        batch = Batch(tuple(src.documents()), tuple(src.actors()), tuple(src.statements()))
    new.parent.mkdir(parents=True, exist_ok=True)
    tmp = str(new.with_name(f".{new.name}.migrating"))
    for suffix in ("", "-wal", "-shm"):
        Path(tmp + suffix).unlink(missing_ok=True)  # left by a migration that was killed
    try:
        with NetworkXStore(tmp, write=True) as dst:
            dst.write(batch)
        os.replace(tmp, new)
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(tmp + suffix).unlink(missing_ok=True)
    return new
