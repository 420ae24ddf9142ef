"""The Neo4j store: the same interface as the NetworkX store, over Bolt.

Schema (DESIGN.md): ``(:Actor)``, ``(:Document)``, ``(:Statement)`` nodes;
``(:Statement)-[:SUBJECT|OBJECT]->(:Actor)``, ``(:Document)-[:ASSERTS]->(:Statement)``;
and one aggregated edge per (source, type, target), e.g.
``(:Actor)-[:SUPPORTS {count, polarity, confidence, first_seen, last_seen}]->(:Actor)``.

One :class:`~graph.model.Batch` is written in one managed transaction
(``session.execute_write``: rolled back on failure, retried on transient
errors), as ``UNWIND $rows`` statements of at most ``batch_size`` rows each.
A relation type reaches a query string only as a :class:`RelType` member.
"""
from __future__ import annotations

import json
import time
import re
from functools import cache
from importlib.resources import files
from typing import Any, Iterator, LiteralString

import neo4j
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable

from .errors import StoreError, StoreUnavailable
from .model import (Actor, Batch, Document, Edge, Form, Linking, Merge, Relation, Statement, StatementKey,
                    aggregate, batch_forms, strength, written)
from .ontology import ActorType, RelType

CONSTRAINTS: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (s:Statement) REQUIRE s.id IS UNIQUE",
    "CREATE CONSTRAINT form_key IF NOT EXISTS FOR (f:Form) REQUIRE f.key IS UNIQUE",
    "CREATE INDEX form_id IF NOT EXISTS FOR (f:Form) ON (f.id)",
    "CREATE INDEX form_linked IF NOT EXISTS FOR (f:Form) ON (f.linked)",
    "CREATE INDEX form_key_key IF NOT EXISTS FOR (k:FormKey) ON (k.key)",
    "CREATE INDEX form_key_form IF NOT EXISTS FOR (k:FormKey) ON (k.form)",
    "CREATE CONSTRAINT link_word IF NOT EXISTS FOR (w:LinkWord) REQUIRE w.word IS UNIQUE",
)
PING: LiteralString = "RETURN 1 AS ok"
KNOWN_DOCUMENTS: LiteralString = """UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.parts AS parts"""
KNOWN_ACTORS: LiteralString = """UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id"""
ACTORS_BY_ID: LiteralString = """UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN properties(a) AS actor"""
# Taken first in a write, in id order: concurrent writers (Dask workers) then merge actors one
# after another instead of each overwriting the other's mentions and aliases.
LOCK_ACTORS: LiteralString = """UNWIND $ids AS id
MERGE (a:Actor {id: id})
SET a.locked = true
REMOVE a.locked"""
MERGE_ACTORS: LiteralString = """UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.type = row.type, a.aliases = row.aliases,
    a.mentions = row.mentions, a.attributes = row.attributes"""
MERGE_DOCUMENTS: LiteralString = """UNWIND $rows AS row
MERGE (d:Document {id: row.document.id})
ON CREATE SET d += row.document
SET d.parts = row.parts"""
KNOWN_STATEMENTS: LiteralString = """UNWIND $ids AS id
MATCH (s:Statement {id: id})
RETURN s.id AS id"""
# Only statements not stored yet reach this one (checked in the same transaction).
CREATE_STATEMENTS: LiteralString = """UNWIND $rows AS row
MATCH (a:Actor {id: row.subject})
MATCH (b:Actor {id: row.object})
CREATE (s:Statement)
SET s = row.props
CREATE (s)-[:SUBJECT]->(a), (s)-[:OBJECT]->(b)
WITH s, row
MATCH (d:Document {id: row.props.document})
CREATE (d)-[:ASSERTS]->(s)"""
# The aggregated edges of one subject whose "TYPE|object" key is among the row's keys.
EDGES_OF_SUBJECTS: LiteralString = """UNWIND $rows AS row
MATCH (a:Actor {id: row.subject})-[r]->(b:Actor)
WHERE type(r) + '|' + b.id IN row.keys
RETURN a.id AS subject, type(r) AS type, b.id AS object"""
# The statements of one subject whose "TYPE|object" key is among the row's keys.
STATEMENTS_OF_SUBJECTS: LiteralString = """UNWIND $rows AS row
MATCH (a:Actor {id: row.subject})<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor)
WHERE s.type + '|' + b.id IN row.keys
RETURN a.id AS subject, s.type AS type, b.id AS object, s.id AS id,
       s.confidence AS confidence, s.date AS date"""
UPDATE_RELATION_TEMPLATE = """UNWIND $rows AS row
MATCH (a:Actor {id: row.source})-[r:%s]->(b:Actor {id: row.target})
SET r = row.props"""
# A triple with no aggregated edge yet has no stored statements: its edge and its statements
# are created together, the two actors looked up once for both.
CREATE_TRIPLE_TEMPLATE = """UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
CREATE (a)-[r:%s]->(b)
SET r = row.props
WITH a, b, row
UNWIND row.statements AS st
MATCH (d:Document {id: st.document})
CREATE (d)-[:ASSERTS]->(s:Statement)-[:SUBJECT]->(a)
SET s = st
CREATE (s)-[:OBJECT]->(b)"""
# -- cross-document linking: (:Form {key, document, id, linked, actor}) per document's own actor
# (the actor as JSON), each statement's ends as its document gave them (raw_subject, raw_object),
# (:Merge) audit entries, (:Correction {kind, a, b}) corrections by hand, Actor.names.
FORMS_BY_KEY: LiteralString = """UNWIND $keys AS key
MATCH (f:Form {key: key})
RETURN f.document AS document, f.id AS id, f.actor AS actor"""
MERGE_FORMS: LiteralString = """UNWIND $rows AS row
MERGE (f:Form {key: row.key})
ON CREATE SET f.document = row.document, f.id = row.id, f.linked = row.id
SET f.actor = row.actor, f.pending = true"""
# -- incremental linking: a form written since it was grouped is pending (one of a store written
# before there were keys has no keys yet); (:FormKey {key, form, id}) the keys a grouped form is
# found by, (:LinkWord {word}) the words of their names
PENDING_FORMS: LiteralString = """MATCH (f:Form)
WHERE f.pending = true OR f.keyed IS NULL
RETURN f.document AS document, f.id AS id"""
FORMS_OF_IDS: LiteralString = """UNWIND $ids AS id
MATCH (f:Form {id: id})
RETURN f.document AS document, f.actor AS actor, f.linked AS linked"""
FORMS_LINKED_TO: LiteralString = """UNWIND $ids AS id
MATCH (f:Form {linked: id})
RETURN f.document AS document, f.actor AS actor, f.linked AS linked"""
IDS_WITH_KEYS: LiteralString = """UNWIND $keys AS key
MATCH (k:FormKey {key: key})
RETURN DISTINCT k.id AS id"""
ALL_LINK_WORDS: LiteralString = "MATCH (w:LinkWord) RETURN w.word AS word"
STATEMENT_ENDS_OF: LiteralString = """MATCH (a:Actor)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor)
WHERE coalesce(s.raw_subject, a.id) IN $ids OR coalesce(s.raw_object, b.id) IN $ids
RETURN s.id AS id, s.document AS document, coalesce(s.raw_subject, a.id) AS subject, s.type AS type,
       coalesce(s.raw_object, b.id) AS object, s.date AS date"""
DOCUMENT_DATES: LiteralString = """UNWIND $ids AS id
MATCH (d:Document {id: id})
RETURN d.id AS id, d.date AS date"""
MERGES_OF: LiteralString = """MATCH (m:Merge)
WHERE m.form IN $ids
RETURN properties(m) AS merge"""
SET_KEYS: LiteralString = """UNWIND $rows AS row
MATCH (f:Form {key: row.form})
OPTIONAL MATCH (k:FormKey {form: row.form})
DETACH DELETE k
WITH DISTINCT f, row
SET f.pending = false, f.keyed = true
WITH f, row
UNWIND row.keys AS key
CREATE (:FormKey {key: key, form: row.form, id: f.id})"""
ADD_LINK_WORDS: LiteralString = """UNWIND $words AS word
MERGE (:LinkWord {word: word})"""
ALL_FORMS: LiteralString = """MATCH (f:Form)
RETURN f.document AS document, f.actor AS actor, f.linked AS linked"""
STATEMENT_ENDS: LiteralString = """MATCH (a:Actor)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor)
RETURN s.document AS document, coalesce(s.raw_subject, a.id) AS subject, s.type AS type,
       coalesce(s.raw_object, b.id) AS object, s.date AS date"""
ALL_CORRECTIONS: LiteralString = "MATCH (c:Correction) RETURN c.kind AS kind, c.a AS a, c.b AS b"
ALL_MERGES: LiteralString = "MATCH (m:Merge) RETURN properties(m) AS merge"
NAMES_OF: LiteralString = """UNWIND $ids AS id
MATCH (a:Actor {id: id})
RETURN a.id AS id, a.names AS names"""
SET_NAMES: LiteralString = """UNWIND $rows AS row
MATCH (a:Actor {id: row.id})
SET a.names = row.names"""
RELINK_FORMS: LiteralString = """UNWIND $rows AS row
MATCH (f:Form {key: row.key})
SET f.linked = row.linked"""
STATEMENTS_OF_DOCUMENTS: LiteralString = """UNWIND $ids AS doc
MATCH (a:Actor)<-[:SUBJECT]-(s:Statement {document: doc})-[:OBJECT]->(b:Actor)
RETURN s.id AS id, s.document AS document, s.type AS type, coalesce(s.raw_subject, a.id) AS raw_subject,
       coalesce(s.raw_object, b.id) AS raw_object, a.id AS subject, b.id AS object"""
STATEMENTS_OF_FORMS: LiteralString = """MATCH (a:Actor)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor)
WHERE coalesce(s.raw_subject, a.id) IN $ids OR coalesce(s.raw_object, b.id) IN $ids
RETURN s.id AS id, s.document AS document, s.type AS type, coalesce(s.raw_subject, a.id) AS raw_subject,
       coalesce(s.raw_object, b.id) AS raw_object, a.id AS subject, b.id AS object"""
DETACH_ENDS: LiteralString = """UNWIND $rows AS row
MATCH (s:Statement {id: row.id})-[r:SUBJECT|OBJECT]->(:Actor)
DELETE r"""
ATTACH_ENDS: LiteralString = """UNWIND $rows AS row
MATCH (s:Statement {id: row.id})
MATCH (a:Actor {id: row.subject})
MATCH (b:Actor {id: row.object})
CREATE (s)-[:SUBJECT]->(a), (s)-[:OBJECT]->(b)"""
LINKED_FORMS: LiteralString = """UNWIND $ids AS id
MATCH (f:Form {linked: id})
RETURN DISTINCT f.linked AS id"""
DELETE_ACTORS: LiteralString = """UNWIND $ids AS id
MATCH (a:Actor {id: id})
DETACH DELETE a"""
ADD_MERGES: LiteralString = """UNWIND $rows AS row
CREATE (m:Merge)
SET m = row"""
MERGE_COUNT: LiteralString = "MATCH (m:Merge) RETURN count(m) AS n"
DROP_CORRECTIONS: LiteralString = "MATCH (c:Correction) DELETE c"
ADD_CORRECTIONS: LiteralString = """UNWIND $rows AS row
CREATE (c:Correction)
SET c = row"""
DELETE_RELATION_TEMPLATE = """UNWIND $rows AS row
MATCH (a:Actor {id: row.source})-[r:%s]->(b:Actor {id: row.target})
DELETE r"""
CREATE_RELATION_TEMPLATE = """UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
CREATE (a)-[r:%s]->(b)
SET r = row.props"""
#: Per relation type, the queries that create and update its aggregated edges; the type
#: reaches the query text from the enum only.
UPDATE_RELATION: dict[RelType, str] = {t: UPDATE_RELATION_TEMPLATE % t.value for t in RelType}
CREATE_TRIPLE: dict[RelType, str] = {t: CREATE_TRIPLE_TEMPLATE % t.value for t in RelType}
DELETE_RELATION: dict[RelType, str] = {t: DELETE_RELATION_TEMPLATE % t.value for t in RelType}
CREATE_RELATION: dict[RelType, str] = {t: CREATE_RELATION_TEMPLATE % t.value for t in RelType}
ALL_DOCUMENTS: LiteralString = "MATCH (d:Document) RETURN properties(d) AS document"
ALL_ACTORS: LiteralString = "MATCH (a:Actor) RETURN properties(a) AS actor"
ALL_STATEMENTS: LiteralString = """MATCH (a:Actor)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor)
RETURN properties(s) AS statement, a.id AS subject, b.id AS object"""
ALL_RELATIONS: LiteralString = """MATCH (a:Actor)-[r]->(b:Actor)
RETURN a.id AS source, type(r) AS type, b.id AS target, r.count AS count,
       r.confidence AS confidence, r.first_seen AS first_seen, r.last_seen AS last_seen"""

#: Every query this module sends (for the Cypher lint test).
QUERIES: tuple[str, ...] = (
    *CONSTRAINTS, PING, KNOWN_DOCUMENTS, KNOWN_ACTORS, ACTORS_BY_ID, MERGE_ACTORS,
    MERGE_DOCUMENTS, KNOWN_STATEMENTS, CREATE_STATEMENTS, EDGES_OF_SUBJECTS, STATEMENTS_OF_SUBJECTS,
    *UPDATE_RELATION.values(), *CREATE_TRIPLE.values(),
    ALL_DOCUMENTS, ALL_ACTORS, ALL_STATEMENTS, ALL_RELATIONS,
    FORMS_BY_KEY, MERGE_FORMS, ALL_FORMS, STATEMENT_ENDS, ALL_CORRECTIONS, ALL_MERGES, NAMES_OF, SET_NAMES,
    RELINK_FORMS, LINKED_FORMS, STATEMENTS_OF_DOCUMENTS, STATEMENTS_OF_FORMS, DETACH_ENDS, ATTACH_ENDS, DELETE_ACTORS,
    ADD_MERGES, MERGE_COUNT, DROP_CORRECTIONS, ADD_CORRECTIONS, *DELETE_RELATION.values(),
    *CREATE_RELATION.values(), PENDING_FORMS, FORMS_OF_IDS, FORMS_LINKED_TO, IDS_WITH_KEYS, ALL_LINK_WORDS,
    STATEMENT_ENDS_OF, DOCUMENT_DATES, MERGES_OF, SET_KEYS, ADD_LINK_WORDS,
)


@cache
def cypher(name: str) -> str:
    """The text of ``graph/cypher/<name>.cypher`` (the named queries' Bolt backend)."""
    return (files(__package__) / "cypher" / f"{name}.cypher").read_text(encoding="utf-8")


def cypher_names() -> list[str]:
    return sorted(p.name[:-7] for p in (files(__package__) / "cypher").iterdir()
                  if p.name.endswith(".cypher"))


def redact(uri: str) -> str:
    """The URI without any user-info part (``bolt://user:pw@host`` -> ``bolt://host``)."""
    return re.sub(r"//[^/@]*@", "//", uri)


RACE_RETRIES = 5


def _lost_a_creation_race(e: Neo4jError) -> bool:
    return "ConstraintValidationFailed" in (e.code or "") or "Duplicated key" in (e.message or "")


def actor_from_row(props: dict) -> Actor:
    d = dict(props)
    d["attributes"] = json.loads(d.get("attributes") or "{}")
    return Actor.from_dict(d)


def statement_from_row(props: dict, subject: str, object: str) -> Statement:
    return Statement.from_dict({**props, "subject": subject, "object": object})


def _statement_props(s: Statement) -> dict:
    """The node's properties: no subject/object (they are relationships, raw_subject and raw_object
    keep them as the document gave them, for cross-document linking), no empty values."""
    props = {k: v for k, v in s.to_dict().items() if v is not None and k not in ("subject", "object")}
    props["raw_subject"], props["raw_object"] = s.subject, s.object
    return props


def _edge_props(rel: Relation) -> dict:
    props = {"count": rel.count, "polarity": rel.polarity, "confidence": rel.confidence,
             "first_seen": rel.first_seen, "last_seen": rel.last_seen}
    return {k: v for k, v in props.items() if v is not None}


def _chunks(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class Neo4jStore:
    """A :class:`~graph.store.GraphStore` on any Bolt server (Neo4j 5, ArcadeDB)."""

    def __init__(self, uri: str, *, user: str = "neo4j", password: str = "",
                 database: str | None = None, batch_size: int = 1000):
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        self.uri = uri
        self.database = database
        self.batch_size = batch_size
        self._where = redact(uri) + (f" (database {database!r})" if database else "")
        try:
            self._driver = neo4j.GraphDatabase.driver(uri, auth=(user, password))
        except (ValueError, DriverError) as e:
            raise StoreUnavailable(f"{self._where}: not a usable Bolt URI ({e})") from None
        try:
            self._ping()
            self._create_constraints()
        except BaseException:
            self._driver.close()
            raise

    # -- sessions and errors -----------------------------------------------
    def _error(self, e: Exception, doing: str) -> StoreError:
        if isinstance(e, AuthError):
            return StoreUnavailable(f"{self._where}: the server refused the credentials "
                                    f"(check NEO4J_USERNAME and NEO4J_PASSWORD)")
        if isinstance(e, ServiceUnavailable):
            return StoreUnavailable(f"{self._where}: no Bolt server answers ({e})")
        if isinstance(e, ClientError) and e.code and "DatabaseNotFound" in e.code:
            return StoreUnavailable(f"{self._where}: the database does not exist "
                                    f"(check NEO4J_DATABASE)")
        if isinstance(e, Neo4jError):
            return StoreError(f"{self._where}: {doing} refused by the server: {e.message}")
        return StoreError(f"{self._where}: {doing} failed: {e}")

    def _session(self, **kw: Any) -> neo4j.Session:
        return self._driver.session(database=self.database, **kw)

    def read(self, query: LiteralString, **params: Any) -> list[dict]:
        """Run a read query in a managed read transaction; rows as dicts."""
        def work(tx: neo4j.ManagedTransaction) -> list[dict]:
            return [r.data() for r in tx.run(query, params)]
        try:
            with self._session(default_access_mode=neo4j.READ_ACCESS) as session:
                return session.execute_read(work)
        except (Neo4jError, DriverError) as e:
            raise self._error(e, "read") from None

    def run(self, query: str, params: dict | None = None, *, write: bool = False
            ) -> tuple[list[str], list[list]]:
        """Run any query (column names, rows of raw driver values); a read transaction unless ``write``."""
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[list]]:
            result = tx.run(query, params or {})  # type: ignore[arg-type]  (user's own Cypher)
            return list(result.keys()), [list(r.values()) for r in result]
        mode = neo4j.WRITE_ACCESS if write else neo4j.READ_ACCESS
        try:
            with self._session(default_access_mode=mode) as session:
                return (session.execute_write if write else session.execute_read)(work)
        except (Neo4jError, DriverError) as e:
            raise self._error(e, "query") from None

    def _ping(self) -> None:
        """Fail fast (no retries) when the server is down, refuses us, or lacks the database."""
        try:
            with self._session() as session:
                session.run(PING).consume()
        except (Neo4jError, DriverError) as e:
            raise self._error(e, "connecting") from None

    def _create_constraints(self) -> None:
        for query in CONSTRAINTS:
            try:
                with self._session() as session:
                    session.run(query).consume()
            except ClientError as e:
                # A server that does not speak the Neo4j 5 constraint syntax: skip; the
                # id checks inside each write transaction keep the store idempotent.
                if (e.code or "").startswith("Neo.ClientError.Statement."):
                    continue
                raise self._error(e, "creating constraints") from None
            except (Neo4jError, DriverError) as e:
                raise self._error(e, "creating constraints") from None

    # -- writes ------------------------------------------------------------
    def write(self, batch: Batch) -> None:
        """Write ``batch`` in one transaction; a batch whose documents are all stored changes nothing.

        Two writers creating the same new actor at once: Neo4j makes the second wait on the
        uniqueness constraint, ArcadeDB refuses the second's commit ("Duplicated key"). That
        refusal is retried, a few times with a short pause: the retry finds the actor stored."""
        for attempt in range(RACE_RETRIES + 1):
            try:
                with self._session() as session:
                    session.execute_write(self._write_tx, batch)
                return
            except Neo4jError as e:
                if attempt < RACE_RETRIES and _lost_a_creation_race(e):
                    time.sleep(0.05 * (attempt + 1))
                    continue
                raise self._error(e, "write") from None
            except DriverError as e:
                raise self._error(e, "write") from None

    def _write_tx(self, tx: neo4j.ManagedTransaction, batch: Batch) -> None:
        begun: dict[str, int | None] = {}  # stored documents -> parts written (None: finished)
        for chunk in _chunks([d.id for d in batch.documents], self.batch_size):
            begun |= {r["id"]: r["parts"] for r in tx.run(KNOWN_DOCUMENTS, ids=chunk)}
        unfinished = dict(batch.unfinished)
        new_docs = [d for d in batch.documents if not written(begun, d.id, unfinished.get(d.id))]
        if batch.documents and not new_docs:
            return
        actors = self._merged_actors(tx, batch.actors)
        named = {x for s in batch.statements for x in (s.subject, s.object)}
        found = self._stored(tx, KNOWN_ACTORS, sorted(named - set(actors)))
        for s in batch.statements:
            for node in (s.subject, s.object):
                if node not in actors and node not in found:
                    raise StoreError(f"{self._where}: statement {s.id} names unknown actor {node!r}")
        self._unwind(tx, MERGE_ACTORS, [
            {"id": a.id, "name": a.name, "type": a.type.value, "aliases": list(a.aliases),
             "mentions": a.mentions,
             "attributes": json.dumps(dict(a.attributes), sort_keys=True) if a.attributes else None}
            for a in actors.values()])
        self._unwind(tx, MERGE_DOCUMENTS, [{"document": d.to_dict(), "parts": unfinished.get(d.id)}
                                           for d in new_docs])
        # A stored statement's document is stored (ASSERTS is created with it), so only the
        # statements of documents stored before this batch need looking up.
        fresh_docs = {d.id for d in new_docs if d.id not in begun}
        stored = self._stored(tx, KNOWN_STATEMENTS,
                              [s.id for s in batch.statements if s.document not in fresh_docs])
        statements = list({s.id: s for s in batch.statements if s.id not in stored}.values())
        triples = {(s.subject, s.type, s.object) for s in statements}
        edged = {(r["subject"], RelType(r["type"]), r["object"])
                 for r in self._by_subject(tx, EDGES_OF_SUBJECTS, triples)}
        fresh = [s for s in statements if (s.subject, s.type, s.object) not in edged]
        self._create_triples(tx, fresh)
        known = [s for s in statements if (s.subject, s.type, s.object) in edged]
        rows = []
        for s in known:
            rows.append({"subject": s.subject, "object": s.object, "props": _statement_props(s)})
        self._unwind(tx, CREATE_STATEMENTS, rows)
        self._update_relations(tx, known, edged)
        by_key, adding = batch_forms(batch, begun)
        for chunk in _chunks([f"{d}|{i}" for d, i in adding], self.batch_size):
            for r in tx.run(FORMS_BY_KEY, keys=chunk):
                key = (r["document"], r["id"])
                by_key[key] = Actor.from_dict(json.loads(r["actor"])).merged(by_key[key])
        self._unwind(tx, MERGE_FORMS, [{"key": f"{d}|{i}", "document": d, "id": i,
                                        "actor": json.dumps(a.to_dict())} for (d, i), a in by_key.items()])

    def _stored(self, tx: neo4j.ManagedTransaction, query: LiteralString, ids: list[str]) -> set[str]:
        """Which of ``ids`` the database holds already (``query`` takes ``$ids``, returns ``id``)."""
        found: set[str] = set()
        for chunk in _chunks(ids, self.batch_size):
            found |= {r["id"] for r in tx.run(query, ids=chunk)}
        return found

    def _unwind(self, tx: neo4j.ManagedTransaction, query: str, rows: list[dict]) -> None:
        for chunk in _chunks(rows, self.batch_size):
            tx.run(query, rows=chunk).consume()  # type: ignore[arg-type]  (enum-built or literal)

    def _merged_actors(self, tx: neo4j.ManagedTransaction, incoming: tuple[Actor, ...]
                       ) -> dict[str, Actor]:
        """The batch's actors merged into the stored ones, as NetworkXStore.write does."""
        if not incoming:
            return {}
        ids = sorted({a.id for a in incoming})
        for chunk in _chunks(ids, self.batch_size):
            tx.run(LOCK_ACTORS, ids=chunk).consume()
        merged = {}
        for chunk in _chunks(ids, self.batch_size):
            merged |= {r["actor"]["id"]: actor_from_row(r["actor"])
                       for r in tx.run(ACTORS_BY_ID, ids=chunk) if r["actor"].get("name") is not None}
        for a in incoming:
            merged[a.id] = merged[a.id].merged(a) if a.id in merged else a
        return merged

    def _by_subject(self, tx: neo4j.ManagedTransaction, query: LiteralString,
                    triples: set[tuple]) -> list[dict]:
        """Run ``query`` over the triples grouped by subject (``row.subject``, ``row.keys``)."""
        keys: dict[str, list[str]] = {}
        for a, t, b in sorted(triples):
            keys.setdefault(a, []).append(f"{t.value}|{b}")
        rows = [{"subject": a, "keys": k} for a, k in keys.items()]
        return [r.data() for chunk in _chunks(rows, self.batch_size)
                for r in tx.run(query, rows=chunk)]

    def _create_triples(self, tx: neo4j.ManagedTransaction, statements: list[Statement]) -> None:
        """Statements of triples with no edge yet: each edge and its statements in one pass."""
        groups: dict[tuple, list[Statement]] = {}
        for s in statements:
            groups.setdefault((s.subject, s.type, s.object), []).append(s)
        by_type: dict[RelType, list[dict]] = {}
        for (source, rel_type, target), group in sorted(groups.items(), key=lambda kv: (kv[0][1].value, kv[0])):
            by_type.setdefault(rel_type, []).append({
                "source": source, "target": target, "props": _edge_props(Relation.aggregate(group)),
                "statements": [_statement_props(s) for s in group]})
        for rel_type, rows in by_type.items():
            self._unwind(tx, CREATE_TRIPLE[rel_type], rows)

    def _update_relations(self, tx: neo4j.ManagedTransaction, statements: list[Statement],
                          edged: set[tuple]) -> None:
        """Recompute the aggregated edges that exist already, from all their statements."""
        touched = {(s.subject, s.type, s.object) for s in statements} & edged
        evidence = [StatementKey(r["id"], r["subject"], RelType(r["type"]), r["object"], r["confidence"], r["date"])
                    for r in self._by_subject(tx, STATEMENTS_OF_SUBJECTS, touched)]
        by_type: dict[RelType, list[dict]] = {}
        for rel in aggregate(evidence):
            by_type.setdefault(rel.type, []).append(
                {"source": rel.source, "target": rel.target, "props": _edge_props(rel)})
        for rel_type, rows in sorted(by_type.items(), key=lambda kv: kv[0].value):
            self._unwind(tx, UPDATE_RELATION[rel_type], rows)

    # -- cross-document linking (the rules are in loaders/link.py) --------------
    def forms(self) -> list[Form]:
        rows = self.read(ALL_FORMS)
        return sorted((Form(r["document"], Actor.from_dict(json.loads(r["actor"])), r["linked"]) for r in rows),
                      key=lambda f: (f.document, f.actor.id))

    def statement_ends(self) -> list[tuple[str, str, str, str, str | None]]:
        return sorted(((r["document"], r["subject"], r["type"], r["object"], r["date"])
                       for r in self.read(STATEMENT_ENDS)), key=lambda e: (*e[:4], e[4] or ""))

    def constraints(self) -> list[tuple[str, str, str]]:
        return sorted((r["kind"], r["a"], r["b"]) for r in self.read(ALL_CORRECTIONS))

    def merges(self) -> list[Merge]:
        rows = sorted((r["merge"] for r in self.read(ALL_MERGES)), key=lambda m: m["seq"])
        return [Merge(m["rule"], m["form"], m["actor"], m["names"], m["document"], m["at"]) for m in rows]

    def names(self, ids) -> dict[str, tuple[str, ...]]:
        out = {}
        for chunk in _chunks(sorted(set(ids)), self.batch_size):
            out |= {r["id"]: tuple(r["names"]) for r in self.read(NAMES_OF, ids=chunk) if r["names"]}
        return out

    # the parts of the store an incremental grouping reads (loaders/link.py, relink)
    def pending_forms(self) -> set[tuple[str, str]]:
        return {(r["document"], r["id"]) for r in self.read(PENDING_FORMS)}

    def _forms_by(self, query: LiteralString, ids) -> list[Form]:
        return [Form(r["document"], Actor.from_dict(json.loads(r["actor"])), r["linked"])
                for chunk in _chunks(sorted(set(ids)), self.batch_size) for r in self.read(query, ids=chunk)]

    def forms_of(self, ids) -> list[Form]:
        return self._forms_by(FORMS_OF_IDS, ids)

    def forms_linked_to(self, actor_ids) -> list[Form]:
        return self._forms_by(FORMS_LINKED_TO, actor_ids)

    def form_ids_with_keys(self, keys) -> set[str]:
        return {r["id"] for chunk in _chunks(sorted(set(keys)), self.batch_size)
                for r in self.read(IDS_WITH_KEYS, keys=chunk)}

    def link_words(self) -> list[str]:
        return [r["word"] for r in self.read(ALL_LINK_WORDS)]

    def statement_ends_of(self, ids) -> list[tuple[str, str, str, str, str | None]]:
        rows = {r["id"]: (r["document"], r["subject"], r["type"], r["object"], r["date"])
                for r in self.read(STATEMENT_ENDS_OF, ids=sorted(set(ids)))}
        return [rows[i] for i in sorted(rows)]

    def document_dates(self, ids) -> dict[str, str | None]:
        return {r["id"]: r["date"] for chunk in _chunks(sorted(set(ids)), self.batch_size)
                for r in self.read(DOCUMENT_DATES, ids=chunk)}

    def last_merges(self, forms) -> list[Merge]:
        rows = sorted((r["merge"] for r in self.read(MERGES_OF, ids=sorted(set(forms)))), key=lambda m: m["seq"])
        return [Merge(m["rule"], m["form"], m["actor"], m["names"], m["document"], m["at"]) for m in rows]

    def relink(self, linking: Linking) -> None:
        """Bring the store to ``linking`` (only the forms it names are read and rewritten): first the actors as linked (new ones created, names
        set), then one transaction per actor that gains forms (a merge): its forms relinked,
        their statements moved, the aggregated relations of the moved statements recomputed;
        last, the actors no form names any more deleted and the audit entries added."""
        links = linking.links
        current = {(f.document, f.actor.id): f.linked for f in self.forms_of({i for _, i in links})}
        moved = {k: v for k, v in links.items() if k in current and current[k] != v}
        want = {a.id: a for a in linking.actors}
        stored = self.actors_by_id(want.keys() | {current[k] for k in links if k in current})
        names = self.names(want)
        self._transaction(self._put_actors, [a for i, a in sorted(want.items()) if stored.get(i) != a],
                          [{"id": i, "names": list(n)} for i, n in sorted(linking.names.items())
                           if i in want and names.get(i) != tuple(n)])
        docs = sorted({d for d, _ in moved if d})
        loose = sorted({i for d, i in moved if not d})
        rows = [r for chunk in _chunks(docs, self.batch_size) for r in self.read(STATEMENTS_OF_DOCUMENTS, ids=chunk)]
        rows += self.read(STATEMENTS_OF_FORMS, ids=loose) if loose else []
        by_target: dict[str, list[dict]] = {}
        done: set[str] = set()
        for r in sorted(rows, key=lambda r: r["id"]):
            if r["id"] in done:
                continue
            done.add(r["id"])
            doc = r["document"]
            new_s = links.get((doc, r["raw_subject"])) or links.get(("", r["raw_subject"])) or r["subject"]
            new_o = links.get((doc, r["raw_object"])) or links.get(("", r["raw_object"])) or r["object"]
            if RelType(r["type"]).symmetric and new_o < new_s:
                new_s, new_o = new_o, new_s
            if (new_s, new_o) != (r["subject"], r["object"]):
                target = new_s if new_s != r["subject"] else new_o
                by_target.setdefault(target, []).append({**r, "new_subject": new_s, "new_object": new_o})
        forms_of: dict[str, list[dict]] = {}
        for (d, i), v in sorted(moved.items()):
            forms_of.setdefault(v, []).append({"key": f"{d}|{i}", "linked": v})
        for target in sorted(forms_of.keys() | by_target.keys()):
            self._transaction(self._move, forms_of.get(target, []), by_target.get(target, []))
        self._transaction(self._finish, sorted(stored.keys() - want.keys()), list(linking.merges),
                          linking.constraints)
        self._transaction(self._set_keys, linking)

    def _set_keys(self, tx: neo4j.ManagedTransaction, linking: Linking) -> None:
        """The grouped forms' keys and words (what a later incremental grouping finds them by)."""
        self._unwind(tx, SET_KEYS, [{"form": f"{d}|{i}", "keys": list(linking.keys.get((d, i), ()))}
                                    for d, i in sorted(linking.links)])
        for chunk in _chunks(list(linking.words), self.batch_size):
            tx.run(ADD_LINK_WORDS, words=chunk).consume()

    def _transaction(self, work, *args) -> None:
        try:
            with self._session() as session:
                session.execute_write(work, *args)
        except (Neo4jError, DriverError) as e:
            raise self._error(e, "relink") from None

    def _put_actors(self, tx: neo4j.ManagedTransaction, actors: list[Actor], names: list[dict]) -> None:
        self._unwind(tx, MERGE_ACTORS, [
            {"id": a.id, "name": a.name, "type": a.type.value, "aliases": list(a.aliases),
             "mentions": a.mentions,
             "attributes": json.dumps(dict(a.attributes), sort_keys=True) if a.attributes else None}
            for a in actors])
        self._unwind(tx, SET_NAMES, names)

    def _move(self, tx: neo4j.ManagedTransaction, forms: list[dict], statements: list[dict]) -> None:
        self._unwind(tx, RELINK_FORMS, forms)
        self._unwind(tx, DETACH_ENDS, [{"id": r["id"]} for r in statements])
        self._unwind(tx, ATTACH_ENDS, [{"id": r["id"], "subject": r["new_subject"], "object": r["new_object"]}
                                       for r in statements])
        triples = {(a, RelType(r["type"]), b) for r in statements
                   for a, b in ((r["subject"], r["object"]), (r["new_subject"], r["new_object"]))}
        by_type: dict[RelType, list[dict]] = {}
        for a, t, b in sorted(triples, key=lambda x: (x[1].value, x[0], x[2])):
            by_type.setdefault(t, []).append({"source": a, "target": b})
        for t, rows in by_type.items():
            self._unwind(tx, DELETE_RELATION[t], rows)
        evidence = [StatementKey(r["id"], r["subject"], RelType(r["type"]), r["object"], r["confidence"], r["date"])
                    for r in self._by_subject(tx, STATEMENTS_OF_SUBJECTS, triples)]
        fresh: dict[RelType, list[dict]] = {}
        for rel in aggregate(evidence):
            fresh.setdefault(rel.type, []).append(
                {"source": rel.source, "target": rel.target, "props": _edge_props(rel)})
        for t, rows in sorted(fresh.items(), key=lambda kv: kv[0].value):
            self._unwind(tx, CREATE_RELATION[t], rows)

    def _finish(self, tx: neo4j.ManagedTransaction, gone: list[str], merges: list[Merge],
                constraints) -> None:
        for chunk in _chunks(gone, self.batch_size):  # not one whose forms another writer has just added
            held = {r["id"] for r in tx.run(LINKED_FORMS, ids=chunk)}
            tx.run(DELETE_ACTORS, ids=[i for i in chunk if i not in held]).consume()
        seq = tx.run(MERGE_COUNT).single()["n"]
        self._unwind(tx, ADD_MERGES, [{**m._asdict(), "seq": seq + n} for n, m in enumerate(merges)])
        if constraints is not None:
            tx.run(DROP_CORRECTIONS).consume()
            self._unwind(tx, ADD_CORRECTIONS, [{"kind": k, "a": a, "b": b} for k, a, b in constraints])

    # -- reads -------------------------------------------------------------
    def document_ids(self) -> set[str]:
        return {r["document"]["id"] for r in self.read(ALL_DOCUMENTS) if r["document"].get("parts") is None}

    def unfinished(self) -> dict[str, int]:
        return {r["document"]["id"]: r["document"]["parts"] for r in self.read(ALL_DOCUMENTS)
                if r["document"].get("parts") is not None}

    def documents(self) -> list[Document]:
        docs = [Document.from_dict(r["document"]) for r in self.read(ALL_DOCUMENTS)]
        return sorted(docs, key=lambda d: (d.source, d.id))

    def actors(self) -> list[Actor]:
        return sorted((actor_from_row(r["actor"]) for r in self.read(ALL_ACTORS)),
                      key=lambda a: a.id)

    def statements(self) -> list[Statement]:
        rows = self.read(ALL_STATEMENTS)
        return sorted((statement_from_row(r["statement"], r["subject"], r["object"]) for r in rows),
                      key=lambda s: s.id)

    def relations(self) -> list[Relation]:
        """The stored aggregated edges, each with the ids of the statements behind it."""
        ids: dict[tuple, list[str]] = {}
        for s in self.statements():
            ids.setdefault((s.subject, s.type.value, s.object), []).append(s.id)
        rels = [Relation(source=r["source"], type=RelType(r["type"]), target=r["target"],
                         count=r["count"], confidence=r["confidence"],
                         first_seen=r["first_seen"], last_seen=r["last_seen"],
                         statements=tuple(sorted(ids.get((r["source"], r["type"], r["target"]), ()))))
                for r in self.read(ALL_RELATIONS)]
        return sorted(rels, key=lambda r: (r.source, r.type.value, r.target))

    def relation_groups(self, min_confidence: float = 0.0) -> Iterator[tuple[Relation, list[Statement]]]:
        groups: dict[tuple, list[Statement]] = {}
        for s in self.statements():
            if s.confidence >= min_confidence:
                groups.setdefault((s.subject, s.type.value, s.object), []).append(s)
        for key in sorted(groups):
            yield Relation.aggregate(groups[key]), groups[key]

    # -- the named queries' backend: each method runs graph/cypher/<method>.cypher --
    def _statements(self, rows: list[dict]) -> list[Statement]:
        return [statement_from_row(r["statement"], r["subject"], r["object"]) for r in rows]

    def find_actor(self, key: str) -> list[Actor]:
        return [actor_from_row(r["actor"]) for r in self.read(cypher("find_actor"), key=key)]

    def actor_names(self) -> list[tuple[str, str, tuple[str, ...]]]:
        return [(r["id"], r["name"], tuple(r["aliases"] or ()))
                for r in self.read(cypher("actor_names"))]

    def actor(self, actor_id: str) -> Actor | None:
        rows = self.read(cypher("actor"), id=actor_id)
        return actor_from_row(rows[0]["actor"]) if rows else None

    def actors_by_id(self, ids) -> dict[str, Actor]:
        out: dict[str, Actor] = {}
        for chunk in _chunks(sorted(set(ids)), self.batch_size):
            out |= {r["actor"]["id"]: actor_from_row(r["actor"]) for r in self.read(ACTORS_BY_ID, ids=chunk)}
        return out

    def top_actors(self, limit: int, type: ActorType | None) -> list[Actor]:
        rows = self.read(cypher("top_actors"), limit=limit, type=type.value if type else None)
        return [actor_from_row(r["actor"]) for r in rows]

    def relations_of(self, actor_id: str, limit: int | None = None,
                     types: frozenset[RelType] | None = None) -> list[Relation]:
        found = [r for r in self._relations_of(actor_id) if types is None or r.type in types]
        if limit is None:
            return found
        return sorted(found, key=lambda r: (-r.count, -r.confidence, r.type.value, r.source, r.target))[:limit]

    def relation_count(self, actor_id: str) -> int:
        return len(self._relations_of(actor_id))

    def _relations_of(self, actor_id: str) -> list[Relation]:
        return [Relation(source=r["source"], type=RelType(r["type"]), target=r["target"],
                         count=r["count"], confidence=r["confidence"], first_seen=r["first_seen"],
                         last_seen=r["last_seen"], statements=tuple(sorted(r["statements"])))
                for r in self.read(cypher("relations_of"), id=actor_id)]

    def edges_of_types(self, types: frozenset[RelType], min_confidence: float) -> list[Edge]:
        rows = self.read(cypher("edges_of_types"), types=sorted(t.value for t in types),
                         min_confidence=min_confidence)
        return [Edge(r["source"], RelType(r["type"]), r["target"], r["count"], r["confidence"])
                for r in rows]

    def edges_around(self, actor_ids, types: frozenset[RelType], min_confidence: float) -> list[Edge]:
        ids = sorted(set(actor_ids))
        found: dict[tuple, Edge] = {}
        for chunk in _chunks(ids, self.batch_size):
            for r in self.read(cypher("edges_around"), ids=chunk, types=sorted(t.value for t in types),
                               min_confidence=min_confidence):
                e = Edge(r["source"], RelType(r["type"]), r["target"], r["count"], r["confidence"])
                found[e[:3]] = e
        return list(found.values())

    def edges_from(self, actor_ids, types: frozenset[RelType], min_confidence: float) -> list[Edge]:
        found = []
        for chunk in _chunks(sorted(set(actor_ids)), self.batch_size):
            found += [Edge(r["source"], RelType(r["type"]), r["target"], r["count"], r["confidence"])
                      for r in self.read(cypher("edges_from"), ids=chunk, types=sorted(t.value for t in types),
                                         min_confidence=min_confidence)]
        return found

    def edges_between(self, xs, ys, types: frozenset[RelType], min_confidence: float) -> list[Edge]:
        found: dict[tuple, Edge] = {}
        ys = sorted(set(ys))
        for chunk in _chunks(sorted(set(xs)), self.batch_size):
            for r in self.read(cypher("edges_between"), xs=chunk, ys=ys, types=sorted(t.value for t in types),
                               min_confidence=min_confidence):
                e = Edge(r["source"], RelType(r["type"]), r["target"], r["count"], r["confidence"])
                found[e[:3]] = e
        return list(found.values())

    def weights_between(self, xs, ys, min_confidence: float) -> dict[RelType, float]:
        totals: dict[RelType, float] = {}
        ys = sorted(set(ys))
        for chunk in _chunks(sorted(set(xs)), self.batch_size):
            for r in self.read(cypher("weights_between"), xs=chunk, ys=ys,
                               types=sorted(t.value for t in RelType), min_confidence=min_confidence):
                t = RelType(r["type"])
                totals[t] = totals.get(t, 0.0) + r["weight"]
        return dict(sorted(totals.items(), key=lambda kv: kv[0].value))

    def statements_for(self, triples: list[tuple[str, RelType, str]], limit: int | None = None
                       ) -> list[Statement]:
        rows = [{"source": a, "type": t.value, "target": b} for a, t, b in triples]
        found = self._statements(self.read(cypher("statements_for"), rows=rows)) if rows else []
        if limit is None:
            return found
        groups: dict[tuple, list[Statement]] = {}
        for s in sorted(found, key=strength):
            groups.setdefault((s.subject, s.type, s.object), []).append(s)
        return [s for group in groups.values() for s in group[:limit]]

    def enemy_of_enemy(self, actor_id: str) -> dict[str, set[str]]:
        return {r["actor"]: set(r["shared"])
                for r in self.read(cypher("enemy_of_enemy"), id=actor_id)}

    def timeline(self, a: str, b: str) -> list[Statement]:
        return self._statements(self.read(cypher("timeline"), a=a, b=b))

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
