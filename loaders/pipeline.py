"""Documents -> actors and statements -> a store. The one ingest mechanism."""
from __future__ import annotations

import bisect
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from actorgraph.graph import Actor, Batch, GraphStore, InputError, Statement

from .dates import one_date
from .extract import Extractor
from .lexicon import Gazetteer, lexicon
from .nlp import load_model
from .readers import Source, find_files, read_file
from .resolve import DocActors, Resolver

EXTRACTOR_VERSION = "actorgraph-extract/1"
#: Longer documents are parsed in parts cut at line breaks (spaCy's parser wants bounded input).
PART_CHARS = 100_000


def parts(text: str, limit: int = PART_CHARS) -> list[tuple[int, str]]:
    """(offset, text) pieces of at most ``limit`` characters, cut after a line break or a
    sentence end where there is one."""
    out, start = [], 0
    while len(text) - start > limit:
        window = text[start:start + limit]
        line, stop = window.rfind("\n"), window.rfind(". ")
        cut = line + 1 if line > 0 else stop + 2 if stop > 0 else limit
        out.append((start, text[start:start + cut]))
        start += cut
    out.append((start, text[start:]))
    return out


@dataclass
class IngestReport:
    files: int = 0
    documents: int = 0
    already_stored: int = 0
    sentences: int = 0
    words: int = 0
    actors: int = 0
    statements: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds else 0.0


@dataclass
class Analysis:
    actors: list[Actor]
    statements: list[Statement]
    sentences: int
    words: int


class Pipeline:
    """spaCy, resolution and extraction, built once and reused for every document."""

    def __init__(self, nlp=None, gazetteer: Gazetteer | None = None):
        self.nlp = nlp or load_model()
        self.lexicon = lexicon()
        self.resolver = Resolver(self.nlp, gazetteer or Gazetteer.load(), self.lexicon)
        self.extractor = Extractor(self.lexicon, self.nlp.vocab)
        self._lines: tuple[str, list[int]] = ("", [])  # line starts of the document in hand
        self.part_chars = PART_CHARS

    def docs(self, sources: Iterable[Source], *, processes: int = 1, batch_size: int = 32):
        """(spaCy Doc, (Source, offset, last part?)) pairs, in input order; long texts in parts."""
        def pieces():
            for s in sources:
                cut = parts(s.text, self.part_chars)
                for n, (offset, text) in enumerate(cut, 1):
                    yield text, (s, offset, n == len(cut))
        return self.nlp.pipe(pieces(), as_tuples=True, n_process=processes, batch_size=batch_size)

    def analyse(self, doc, source: Source, offset: int = 0) -> Analysis:
        """One parsed document (or the part of it at ``offset``) -> its actors and statements."""
        da = self.resolver.resolve(doc)
        found = self.extractor.extract(doc, da)
        text = source.text
        if self._lines[0] != source.document.id:
            self._lines = (source.document.id, [0] + [i + 1 for i, c in enumerate(text) if c == "\n"])
        line_starts = self._lines[1]
        best: dict[str, Statement] = {}
        date_ents = [(e.start, e.text) for e in doc.ents if e.label_ == "DATE"] if found else []
        dated: dict[int, str | None] = {}  # sentence start -> the one date it names
        for f in found:
            start, end = f.sentence.start_char + offset, f.sentence.end_char + offset
            sent = f.sentence
            if sent.start not in dated:
                dated[sent.start] = one_date((t for i, t in date_ents if sent.start <= i < sent.end),
                                             source.document.date)
            st = Statement.make(
                subject=f.subject, type=f.type, object=f.object, document=source.document.id,
                start=start, end=end, confidence=f.confidence, sentence=text[start:end],
                line=bisect.bisect_right(line_starts, start),
                date=dated[sent.start] or source.document.date,
                negated=f.negated, hedged=f.hedged, reported=f.reported, speaker=f.speaker,
                pattern=f"{EXTRACTOR_VERSION}:{f.pattern}")
            if st.id not in best or best[st.id].confidence < st.confidence:
                best[st.id] = st
        statements = list(best.values())
        return Analysis(actors_of(da, statements), statements, len(da.tokens.sents), da.tokens.words)


def actors_of(da: DocActors, statements: list[Statement]) -> list[Actor]:
    """The document's actors: those mentioned by name, and those its statements name."""
    used = {s.subject for s in statements} | {s.object for s in statements}
    out = []
    for a in da.actors.values():
        if a.mentions or a.id in used:
            out.append(Actor(a.id, a.name, a.type, tuple(sorted(a.aliases)), a.mentions,
                             tuple(sorted(a.attributes.items()))))
    return out


def merge_actors(actors: Iterable[Actor]) -> list[Actor]:
    merged: dict[str, Actor] = {}
    for a in actors:
        merged[a.id] = merged[a.id].merged(a) if a.id in merged else a
    return list(merged.values())


def read_sources(paths: list[str | Path], report: IngestReport, known: set[str]) -> Iterator[Source]:
    """Readable documents not yet stored; each bad file becomes one line in ``report.errors``."""
    files, errors = find_files(paths)
    report.errors += [str(e) for e in errors]
    report.files = len(files)
    seen: set[str] = set()
    for path in files:
        try:
            sources = read_file(path)
        except InputError as e:
            report.errors.append(str(e))
            continue
        for s in sources:
            if s.document.id in known or s.document.id in seen:
                report.already_stored += 1
                continue
            seen.add(s.document.id)
            yield s


def ingest(paths: list[str | Path], store: GraphStore, *, pipeline: Pipeline | None = None,
           processes: int = 1, flush_every: int = 200, flush_seconds: float = 2.0,
           progress: Callable[[int, int], None] | None = None) -> IngestReport:
    """Read, analyse and store every document under ``paths``.

    Documents are written as they are analysed, one batch (one store transaction) per
    ``flush_every`` documents or ``flush_seconds`` of work, whichever comes first, so a
    killed ingest keeps what it committed. Bad files are reported and skipped; documents
    already in the store are skipped, so running the same ingest again completes it.
    """
    t0 = time.perf_counter()
    report = IngestReport()
    sources = list(read_sources(paths, report, store.document_ids()))
    pipeline = pipeline or Pipeline()
    docs, actors, statements = [], [], []
    actor_ids: set[str] = set()
    done = 0
    flushed = time.perf_counter()
    for doc, (source, offset, last) in pipeline.docs(sources, processes=processes):
        result = pipeline.analyse(doc, source, offset)
        report.sentences += result.sentences
        report.words += result.words
        if offset == 0:
            docs.append(source.document)
        actors += result.actors
        statements += result.statements
        if last:
            done += 1
            if progress:
                progress(done, len(sources))
        if last and (len(docs) >= flush_every or time.perf_counter() - flushed >= flush_seconds):
            _flush(store, docs, actors, statements, report, actor_ids)
            docs, actors, statements = [], [], []
            flushed = time.perf_counter()
    _flush(store, docs, actors, statements, report, actor_ids)
    report.actors = len(actor_ids)
    report.seconds = time.perf_counter() - t0
    return report


def _flush(store, docs, actors, statements, report, actor_ids) -> None:
    if not docs and not statements:
        return
    merged = merge_actors(actors)
    store.write(Batch(tuple(docs), tuple(merged), tuple(statements)))
    report.documents += len(docs)
    report.statements += len(statements)
    actor_ids.update(a.id for a in merged)
