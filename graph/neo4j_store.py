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
import re
from typing import Any, Iterator, LiteralString

import neo4j
from neo4j.exceptions import AuthError, ClientError, DriverError, Neo4jError, ServiceUnavailable

from .errors import StoreError, StoreUnavailable
from .model import Actor, Batch, Document, Relation, Statement
from .ontology import RelType
from .store import aggregate

CONSTRAINTS: tuple[LiteralString, ...] = (
    "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE",
    "CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (s:Statement) REQUIRE s.id IS UNIQUE",
)
PING: LiteralString = "RETURN 1 AS ok"
KNOWN_DOCUMENTS: LiteralString = "MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id"
ACTORS_BY_ID: LiteralString = "MATCH (a:Actor) WHERE a.id IN $ids RETURN properties(a) AS actor"
ACTOR_IDS: LiteralString = "MATCH (a:Actor) WHERE a.id IN $ids RETURN a.id AS id"
MERGE_ACTORS: LiteralString = """UNWIND $rows AS row
MERGE (a:Actor {id: row.id})
SET a.name = row.name, a.type = row.type, a.aliases = row.aliases,
    a.mentions = row.mentions, a.attributes = row.attributes"""
MERGE_DOCUMENTS: LiteralString = """UNWIND $rows AS row
MERGE (d:Document {id: row.id})
ON CREATE SET d += row"""
MERGE_STATEMENTS: LiteralString = """UNWIND $rows AS row
MATCH (a:Actor {id: row.subject})
MATCH (b:Actor {id: row.object})
MERGE (s:Statement {id: row.id})
ON CREATE SET s += row.props
MERGE (s)-[:SUBJECT]->(a)
MERGE (s)-[:OBJECT]->(b)"""
LINK_DOCUMENTS: LiteralString = """UNWIND $rows AS row
MATCH (d:Document {id: row.document})
MATCH (s:Statement {id: row.id})
MERGE (d)-[:ASSERTS]->(s)"""
STATEMENTS_OF_TRIPLES: LiteralString = """UNWIND $rows AS row
MATCH (a:Actor {id: row.source})<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor {id: row.target})
WHERE s.type = row.type
RETURN properties(s) AS statement, a.id AS subject, b.id AS object"""
MERGE_RELATION_TEMPLATE = """UNWIND $rows AS row
MATCH (a:Actor {id: row.source})
MATCH (b:Actor {id: row.target})
MERGE (a)-[r:%s]->(b)
SET r.count = row.count, r.polarity = row.polarity, r.confidence = row.confidence,
    r.first_seen = row.first_seen, r.last_seen = row.last_seen"""
#: One aggregated-edge MERGE per relation type; the type comes from the enum only.
MERGE_RELATION: dict[RelType, str] = {t: MERGE_RELATION_TEMPLATE % t.value for t in RelType}
ALL_DOCUMENTS: LiteralString = "MATCH (d:Document) RETURN properties(d) AS document"
ALL_ACTORS: LiteralString = "MATCH (a:Actor) RETURN properties(a) AS actor"
ALL_STATEMENTS: LiteralString = """MATCH (a:Actor)<-[:SUBJECT]-(s:Statement)-[:OBJECT]->(b:Actor)
RETURN properties(s) AS statement, a.id AS subject, b.id AS object"""
ALL_RELATIONS: LiteralString = """MATCH (a:Actor)-[r]->(b:Actor)
RETURN a.id AS source, type(r) AS type, b.id AS target, r.count AS count,
       r.confidence AS confidence, r.first_seen AS first_seen, r.last_seen AS last_seen"""

#: Every query this module sends (for the Cypher lint test).
QUERIES: tuple[str, ...] = (
    *CONSTRAINTS, PING, KNOWN_DOCUMENTS, ACTORS_BY_ID, ACTOR_IDS, MERGE_ACTORS, MERGE_DOCUMENTS,
    MERGE_STATEMENTS, LINK_DOCUMENTS, STATEMENTS_OF_TRIPLES, *MERGE_RELATION.values(),
    ALL_DOCUMENTS, ALL_ACTORS, ALL_STATEMENTS, ALL_RELATIONS,
)


def redact(uri: str) -> str:
    """The URI without any user-info part (``bolt://user:pw@host`` -> ``bolt://host``)."""
    return re.sub(r"//[^/@]*@", "//", uri)


def actor_from_row(props: dict) -> Actor:
    d = dict(props)
    d["attributes"] = json.loads(d.get("attributes") or "{}")
    return Actor.from_dict(d)


def statement_from_row(props: dict, subject: str, object: str) -> Statement:
    return Statement.from_dict({**props, "subject": subject, "object": object})


def _chunks(rows: list, size: int) -> Iterator[list]:
    for i in range(0, len(rows), size):
        yield rows[i:i + size]


class Neo4jStore:
    """A :class:`~graph.store.GraphStore` on any Bolt server (Neo4j 5, ArcadeDB)."""

    def __init__(self, uri: str, *, user: str = "neo4j", password: str = "",
                 database: str | None = None, batch_size: int = 500):
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
                # A server that does not speak the Neo4j 5 constraint syntax: skip, the
                # store stays idempotent through MERGE on the ids.
                if (e.code or "").startswith("Neo.ClientError.Statement."):
                    continue
                raise self._error(e, "creating constraints") from None
            except (Neo4jError, DriverError) as e:
                raise self._error(e, "creating constraints") from None

    # -- writes ------------------------------------------------------------
    def write(self, batch: Batch) -> None:
        """Write ``batch`` in one transaction; a batch whose documents are all stored changes nothing."""
        try:
            with self._session() as session:
                session.execute_write(self._write_tx, batch)
        except (Neo4jError, DriverError) as e:
            raise self._error(e, "write") from None

    def _write_tx(self, tx: neo4j.ManagedTransaction, batch: Batch) -> None:
        known = {r["id"] for r in tx.run(KNOWN_DOCUMENTS, ids=[d.id for d in batch.documents])}
        new_docs = [d for d in batch.documents if d.id not in known]
        if batch.documents and not new_docs:
            return
        actors = self._merged_actors(tx, batch.actors)
        named = sorted({x for s in batch.statements for x in (s.subject, s.object)})
        stored = {r["id"] for r in tx.run(ACTOR_IDS, ids=named)}
        for s in batch.statements:
            for node in (s.subject, s.object):
                if node not in stored and node not in actors:
                    raise StoreError(f"{self._where}: statement {s.id} names unknown actor {node!r}")
        self._unwind(tx, MERGE_ACTORS, [
            {"id": a.id, "name": a.name, "type": a.type.value, "aliases": list(a.aliases),
             "mentions": a.mentions,
             "attributes": json.dumps(dict(a.attributes), sort_keys=True) if a.attributes else None}
            for a in actors.values()])
        self._unwind(tx, MERGE_DOCUMENTS, [d.to_dict() for d in new_docs])
        rows = []
        for s in batch.statements:
            props = s.to_dict()
            del props["subject"], props["object"]
            rows.append({"id": s.id, "subject": s.subject, "object": s.object, "props": props})
        self._unwind(tx, MERGE_STATEMENTS, rows)
        self._unwind(tx, LINK_DOCUMENTS, [{"id": s.id, "document": s.document}
                                          for s in batch.statements])
        self._update_relations(tx, {(s.subject, s.type, s.object) for s in batch.statements})

    def _unwind(self, tx: neo4j.ManagedTransaction, query: str, rows: list[dict]) -> None:
        for chunk in _chunks(rows, self.batch_size):
            tx.run(query, rows=chunk).consume()  # type: ignore[arg-type]  (enum-built or literal)

    def _merged_actors(self, tx: neo4j.ManagedTransaction, incoming: tuple[Actor, ...]
                       ) -> dict[str, Actor]:
        """The batch's actors merged into the stored ones, as NetworkXStore.write does."""
        merged = {r["actor"]["id"]: actor_from_row(r["actor"]) for r in
                  tx.run(ACTORS_BY_ID, ids=sorted({a.id for a in incoming}))}
        for a in incoming:
            merged[a.id] = merged[a.id].merged(a) if a.id in merged else a
        return merged

    def _update_relations(self, tx: neo4j.ManagedTransaction, triples: set[tuple]) -> None:
        """Recompute the aggregated edge of every (source, type, target) the batch touched."""
        rows = [{"source": a, "type": t.value, "target": b} for a, t, b in sorted(triples)]
        statements: list[Statement] = []
        for chunk in _chunks(rows, self.batch_size):
            statements += [statement_from_row(r["statement"], r["subject"], r["object"])
                           for r in tx.run(STATEMENTS_OF_TRIPLES, rows=chunk)]
        by_type: dict[RelType, list[dict]] = {}
        for rel in aggregate(statements):
            by_type.setdefault(rel.type, []).append(
                {"source": rel.source, "target": rel.target, "count": rel.count,
                 "polarity": rel.polarity, "confidence": rel.confidence,
                 "first_seen": rel.first_seen, "last_seen": rel.last_seen})
        for rel_type, type_rows in sorted(by_type.items()):
            self._unwind(tx, MERGE_RELATION[RelType(rel_type)], type_rows)

    # -- reads -------------------------------------------------------------
    def document_ids(self) -> set[str]:
        return {r["document"]["id"] for r in self.read(ALL_DOCUMENTS)}

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

    def close(self) -> None:
        self._driver.close()

    def __enter__(self) -> "Neo4jStore":
        return self

    def __exit__(self, *exc) -> None:
        self.close()
