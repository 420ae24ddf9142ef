"""Scale-out figures: a Dask ingest with 1 and 2 local workers, and Bolt writes from several writers.

    python bench/cluster.py [--workers 1,2] [--writers 1,2,4] [--statements N] [FILES...]

Part 1 ingests the same documents (default: ../shared/corpus/voa/voa-stories.jsonl when
present, else examples/ four times over) into a fresh embedded store three ways: a local
ingest in this process, and ``ingest_on_cluster`` on a LocalCluster of 1 and of 2 worker
processes. It prints documents/s and words/s of each, whole (cluster start-up and each
worker's model load included) and after start-up (from the first batch's submission).

Part 2 starts ArcadeDB's Bolt server (unless NEO4J_URI is set) and has W writer processes at
once each write their own documents' statements through ``Neo4jStore.write`` (batches of
1,000 statements over 60 shared actors, so writers contend for the same actor nodes, as
Dask workers writing one news stream do). It prints the total statements/s for each W.
"""
from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from actorgraph.graph import Batch, open_store  # noqa: E402
from actorgraph.loaders.pipeline import ingest  # noqa: E402

VOA = ROOT.parent / "shared" / "corpus" / "voa" / "voa-stories.jsonl"


def documents(args, tmp: Path) -> list[Path]:
    if args.files:
        return [Path(f) for f in args.files]
    if VOA.exists():
        return [VOA]
    for n in range(4):
        for f in (ROOT / "examples").glob("*.txt"):
            (tmp / f"{n}-{f.name}").write_text(f.read_text(encoding="utf-8") + f"\n[copy {n}]\n", encoding="utf-8")
    return [tmp]


def part1(args) -> None:
    from actorgraph.loaders.cluster import ingest_on_cluster

    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        paths = documents(args, tmp)
        runs = [("local, 1 process", None)] + [(f"Dask, {w} worker{'s' * (int(w) > 1)}", int(w))
                                               for w in args.workers.split(",")]
        for name, workers in runs:
            store_path = str(tmp / f"{workers}.db")
            t = time.perf_counter()
            with open_store(store_path, write=True) as store:
                if workers is None:
                    report = ingest(paths, store)
                else:
                    report = ingest_on_cluster(paths, store, store_location=store_path, workers=workers)
            seconds = time.perf_counter() - t
            print(f"  {name:<18} {report.documents} docs, {report.words:,} words in {seconds:6.2f} s: "
                  f"{report.documents / seconds:6.2f} docs/s, {report.words / seconds:8,.0f} words/s")
            shutil.rmtree(tmp / f"{workers}.db", ignore_errors=True)


def _writer(uri: str, user: str, password: str, database, actors, docs, statements, barrier, out) -> None:
    from actorgraph.graph.neo4j_store import Neo4jStore

    with Neo4jStore(uri, user=user, password=password, database=database) as store:
        barrier.wait()
        t = time.perf_counter()
        for i in range(0, len(statements), 1000):
            store.write(Batch(documents=docs, actors=actors, statements=tuple(statements[i:i + 1000]))
                        if i == 0 else Batch(statements=tuple(statements[i:i + 1000])))
        out.put(time.perf_counter() - t)


def part2(args) -> None:
    from bolt_writes import synthetic

    from bolt_server import BoltServer

    def run(uri, user, password, database):
        from actorgraph.graph.neo4j_store import Neo4jStore

        with Neo4jStore(uri, user=user, password=password, database=database) as admin:
            for w in (int(x) for x in args.writers.split(",")):
                for rnd in range(2):  # the first round warms the server up
                    admin.run("MATCH (n) DETACH DELETE n", write=True)
                    ctx = multiprocessing.get_context("fork")
                    barrier, out = ctx.Barrier(w), ctx.Queue()
                    procs = []
                    for k in range(w):
                        actors, docs, statements = synthetic(args.statements, seed=100 * k + 7, tag=f"writer {k} ")
                        procs.append(ctx.Process(target=_writer, args=(uri, user, password, database, actors,
                                                                       docs, statements, barrier, out)))
                    t = time.perf_counter()
                    for p in procs:
                        p.start()
                    for p in procs:
                        p.join()
                    wall = time.perf_counter() - t
                    slowest = max(out.get() for _ in procs)
                    stored = len(admin.statements())
                    if rnd:
                        print(f"  {w} writer{'s' * (w > 1)}: {stored:,} statements in {slowest:.2f} s of writing "
                              f"({wall:.2f} s with start-up): {stored / slowest:9,.0f} statements/s")

    if os.environ.get("NEO4J_URI"):
        run(os.environ["NEO4J_URI"], os.environ.get("NEO4J_USERNAME", "neo4j"), os.environ.get("NEO4J_PASSWORD", ""),
            os.environ.get("NEO4J_DATABASE") or None)
        return
    with BoltServer() as server:
        print(f"  server: ArcadeDB {server.uri} (arcadedb-embedded)")
        run(server.uri, server.user, server.password, server.database)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--writers", default="1,2,4")
    ap.add_argument("--statements", type=int, default=5000, help="statements per writer")
    ap.add_argument("--skip-ingest", action="store_true")
    ap.add_argument("--skip-bolt", action="store_true")
    args = ap.parse_args()
    if not args.skip_ingest:
        print("ingest:")
        part1(args)
    if not args.skip_bolt:
        print("Bolt writes, several writers at once:")
        part2(args)


if __name__ == "__main__":
    main()
