"""Ingest on a Dask cluster: the same analysis, run by Dask workers instead of this process.

The client reads and hashes the documents (so stored ones are skipped before anything is
sent), cuts them into batches and submits one pure task per batch. Each worker builds the
pipeline once (a worker plugin) and analyses whole batches. With a Bolt store the workers
write their batches to the database themselves, in parallel, through the same store code
(a batch is one managed transaction, retried on transient errors, and a batch whose documents
are stored changes nothing, so a retried task writes nothing twice); with the embedded store
the client writes what the workers return, in input order.

Dask is an optional extra: ``pip install 'actorgraph[dask]'``.
"""
from __future__ import annotations

import hashlib
from typing import Callable

from actorgraph.graph import ActorgraphError, Batch, GraphStore
from actorgraph.graph.store import is_bolt

from .lexicon import Gazetteer, Lexicon
from .link import relink
from .pipeline import (Analysis, IngestReport, Pipeline, batch_of_parts, batches, count_documents, merge_actors,
                       read_sources)
from .readers import Source

try:
    import distributed
except ImportError:  # pragma: no cover - the message is the point
    raise ActorgraphError("a Dask ingest needs Dask: pip install 'actorgraph[dask]'") from None

PLUGIN = "actorgraph-pipeline"


def batch_of(results: list[tuple[Source, Analysis]]) -> Batch:
    """The results of whole documents (each part of a long one among them) as one batch."""
    return batch_of_parts({s.document.id: (s.document, None if s.last else s.part) for s, _ in results},
                          [(s.document.id, a) for s, r in results for a in r.actors],
                          [st for _, r in results for st in r.statements])


class PipelinePlugin(distributed.WorkerPlugin):
    """Builds the pipeline once per worker (and, for a Bolt store, opens the store once)."""

    name = PLUGIN

    def __init__(self, gazetteer: Gazetteer, lexicon: Lexicon | None, store_location: str | None):
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.store_location = store_location
        self.pipeline: Pipeline | None = None
        self.store = None

    def setup(self, worker=None) -> None:
        from actorgraph.graph import open_store

        self.pipeline = Pipeline(gazetteer=self.gazetteer, lexicon=self.lexicon)
        if self.store_location:
            self.store = open_store(self.store_location, write=True)

    def teardown(self, worker=None) -> None:
        if self.store is not None:
            self.store.close()


def analyse_batch(sources: list[Source], write: bool) -> tuple[tuple[int, int, int, int], list[str], list]:
    """One task: ((documents, sentences, words, statements), actor ids, results); with ``write``
    the worker stores the batch itself and returns no results."""
    plugin: PipelinePlugin = distributed.get_worker().plugins[PLUGIN]
    results = list(plugin.pipeline.analyse_sources(sources))
    batch = batch_of(results)
    counts = (sum(s.last for s, _ in results), sum(r.sentences for _, r in results), sum(r.words for _, r in results),
              len(batch.statements))
    if write:
        plugin.store.write(batch)
        return counts, sorted(a.id for a in batch.actors), []
    return counts, sorted(a.id for a in batch.actors), results


def batch_key(batch: list[Source]) -> str:
    """A task's key names its documents, so the same batch is the same task (and Dask may
    run it again elsewhere when a worker dies: it is pure)."""
    return "actorgraph-analyse-" + hashlib.sha256(" ".join(s.document.id for s in batch).encode()).hexdigest()[:24]


def ingest_on_cluster(paths: list, store: GraphStore, *, store_location: str, scheduler: str | None = None,
                      workers: int = 2, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None,
                      batch_docs: int = 8,
                      batch_chars: int = 50_000, progress: Callable[[int, int], None] | None = None,
                      notice: Callable[[str], None] = print) -> IngestReport:
    """Ingest ``paths`` on the Dask cluster at ``scheduler``, or on a local cluster of ``workers``
    processes. Gives the same store as :func:`loaders.pipeline.ingest` of the same documents."""
    import time

    t0 = time.perf_counter()
    report = IngestReport()
    total = count_documents(paths) if progress else 0
    bolt = is_bolt(store_location)
    cluster = None
    if scheduler:
        client = distributed.Client(scheduler, timeout="30s")
    else:
        cluster = distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                           dashboard_address=None, silence_logs=40)
        client = distributed.Client(cluster)
    try:
        if client.dashboard_link and scheduler:
            notice(f"Dask dashboard: {client.dashboard_link}")
        client.register_plugin(PipelinePlugin(gazetteer or Gazetteer.load(), lexicon, store_location if bolt else None),
                               name=PLUGIN)
        sources = read_sources(paths, report, store.document_ids())
        window = 2 * max(1, len(client.scheduler_info().get("workers", {})) or workers)
        pending, done = [], 0
        actor_ids: set[str] = set()
        new_docs: set[str] = set()

        def collect(fut) -> None:
            nonlocal done
            (n_docs, sentences, words, n_statements), ids, results = fut.result()
            if results:
                store.write(batch_of(results))
            actor_ids.update(ids)
            report.documents += n_docs
            report.sentences += sentences
            report.words += words
            report.statements += n_statements
            done += n_docs
            if progress:
                progress(min(done + report.already_stored, total), total)

        for batch in batches(sources, batch_docs, batch_chars):
            new_docs.update(s.document.id for s in batch)
            pending.append(client.submit(analyse_batch, batch, bolt, key=batch_key(batch), pure=True, retries=2))
            while len(pending) > window:
                collect(pending.pop(0))
        for fut in pending:
            collect(fut)
        report.merges = len(relink(store, gazetteer or Gazetteer.load(), new_documents=new_docs, incremental=True))
        report.actors = len(actor_ids)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    report.seconds = time.perf_counter() - t0
    return report
