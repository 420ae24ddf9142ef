"""Statements per second written to the Bolt store: batched vs one statement per transaction.

    python bench/bolt_writes.py [--statements N] [--batch-size B] [--per-transaction T]
                                [--single S] [--warmup W] [--runs R] [--durable]

Starts ArcadeDB's Bolt server (tests/bolt_server.py) unless NEO4J_URI is set,
and writes the same synthetic statements into an emptied database in two modes:
N statements, T to a transaction in UNWIND chunks of B rows; and the first S of
them one statement per transaction. Both modes go through ``Neo4jStore.write``.
Each mode first runs W untimed rounds (the server's JIT compiles its hot paths
during the first few thousand rows, which would otherwise count against
whichever mode runs first), then R timed rounds, the two modes alternating so
that drift in the machine's speed hits both. Prints every round, the median
rate of each mode, and the ratio of the medians (target: >= 20x).
``--durable`` starts ArcadeDB flushing its write-ahead log at every commit, as
Neo4j does by default.
"""
from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from actorgraph.graph import Actor, ActorType, Batch, Document, RelType, Statement  # noqa: E402
from actorgraph.graph.neo4j_store import Neo4jStore  # noqa: E402


def synthetic(n: int, actors: int = 60, per_doc: int = 100, seed: int = 7, tag: str = ""):
    rng = random.Random(seed)
    people = [Actor(f"actor-{i}", f"Actor {i}", ActorType.STATE, (f"A{i}",), 1) for i in range(actors)]
    docs = [Document.from_text(f"{tag}synthetic document {i}", f"{tag}doc-{i}.txt") for i in range(-(-n // per_doc))]
    types = list(RelType)
    statements = []
    for i in range(n):
        a, b = rng.sample(people, 2)
        statements.append(Statement.make(
            subject=a.id, type=rng.choice(types), object=b.id, document=docs[i // per_doc].id,
            start=i * 10, end=i * 10 + 9, confidence=round(rng.uniform(0.3, 0.95), 2),
            sentence=f"{a.name} and {b.name}, sentence {i}.", line=i % per_doc + 1,
            date=f"2015-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
    return tuple(people), tuple(docs), statements


@contextmanager
def bolt_store(batch_size: int, durable: bool = False):
    if os.environ.get("NEO4J_URI"):
        store = Neo4jStore(os.environ["NEO4J_URI"], user=os.environ.get("NEO4J_USERNAME", "neo4j"),
                           password=os.environ.get("NEO4J_PASSWORD", ""),
                           database=os.environ.get("NEO4J_DATABASE") or None, batch_size=batch_size)
        with store:
            yield store, os.environ["NEO4J_URI"]
        return
    from bolt_server import BoltServer

    with BoltServer(durable=durable) as server:
        with Neo4jStore(server.uri, user=server.user, password=server.password,
                        database=server.database, batch_size=batch_size) as store:
            yield store, (f"ArcadeDB {server.uri} (arcadedb-embedded"
                          f"{', WAL flushed at every commit' if durable else ''})")


def timed_write(store: Neo4jStore, actors, docs, statements, per_tx: int) -> float:
    """Seconds to write ``statements``, ``per_tx`` to a transaction, into an emptied database."""
    store.run("MATCH (n) DETACH DELETE n", write=True)
    store.write(Batch(documents=docs, actors=actors))  # the setting, not timed
    start = time.perf_counter()
    for i in range(0, len(statements), per_tx):
        store.write(Batch(statements=tuple(statements[i:i + per_tx])))
    seconds = time.perf_counter() - start
    assert len(store.statements()) == len(statements)
    return seconds


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--statements", type=int, default=5000)
    p.add_argument("--batch-size", type=int, default=1000, help="rows per UNWIND")
    p.add_argument("--per-transaction", type=int, default=5000, help="statements per batched transaction")
    p.add_argument("--single", type=int, default=1000, help="statements written one per transaction per round")
    p.add_argument("--warmup", type=int, default=3, help="untimed rounds of each mode")
    p.add_argument("--runs", type=int, default=5, help="timed rounds of each mode")
    p.add_argument("--durable", action="store_true", help="ArcadeDB flushes its WAL at every commit")
    args = p.parse_args()
    actors, docs, statements = synthetic(args.statements)
    singles = statements[:args.single]
    n, m = len(statements), len(singles)
    batched_rates, single_rates = [], []
    with bolt_store(args.batch_size, args.durable) as (store, where):
        print(f"server: {where}")
        print(f"{n} statements, {len(actors)} actors, {len(docs)} documents; "
              f"{args.warmup} untimed and {args.runs} timed rounds of each mode")
        for round in range(args.warmup + args.runs):
            batched = n / timed_write(store, actors, docs, statements, args.per_transaction)
            single = m / timed_write(store, actors, docs, singles, 1)
            if round < args.warmup:
                continue
            batched_rates.append(batched)
            single_rates.append(single)
            print(f"  round {round - args.warmup + 1}: batched {batched:8,.0f}/s, "
                  f"single {single:6,.0f}/s, ratio {batched / single:.1f}x", flush=True)
    batched, single = statistics.median(batched_rates), statistics.median(single_rates)
    print(f"batched ({args.per_transaction}/transaction, {args.batch_size} rows/UNWIND): "
          f"{batched:10,.0f} statements/s (median)")
    print(f"one statement per transaction:        {single:10,.0f} statements/s (median)")
    print(f"ratio: {batched / single:.1f}x (target >= 20x)")


if __name__ == "__main__":
    main()
