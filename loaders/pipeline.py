"""Documents -> actors and statements -> a store. The one ingest mechanism."""
from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from actorgraph.graph import Actor, Batch, Document, GraphStore, InputError, Statement

from .dates import sentence_date
from .extract import Extractor
from .lasting import lasting
from .lexicon import Gazetteer, Lexicon
from .lexicon import lexicon as default_lexicon
from .link import relink
from .nlp import joined, load_model
from .readers import Source, find_files, read_file
from .resolve import DocActors, Resolver

EXTRACTOR_VERSION = "actorgraph-extract/1"
#: Longer documents are parsed in parts cut at line breaks (spaCy's parser wants bounded input).
PART_CHARS = 100_000


PARAGRAPH = re.compile(r"[^\n]*\n+|[^\n]+$")
NEWLINE = re.compile("\n")


def paragraphs(text: str) -> list[str]:
    """The text as consecutive paragraphs, each with the line breaks that end it
    (joined, they are the text again)."""
    return PARAGRAPH.findall(text) or [text]


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


def split(source: Source, limit: int = PART_CHARS) -> list[Source]:
    """A long document as its parts (see :func:`parts`); a short one, or a part, as it is."""
    if len(source.text) <= limit or source.parts > 1:
        return [source]
    cut = parts(source.text, limit)
    out, lines = [], 0
    for n, (offset, text) in enumerate(cut, 1):
        out.append(Source(source.document, text, offset, lines, n, len(cut)))
        lines += text.count("\n")
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
    merges: int = 0  # cross-document links made or changed (``actorgraph merges`` lists them)
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

    def __init__(self, nlp=None, gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None):
        with lasting():  # the model, the lexicon, the gazetteer: some 100,000 objects the process keeps
            self.nlp = nlp or load_model()
            self.lexicon = lexicon or default_lexicon()
            self.gazetteer = gazetteer or Gazetteer.load()
            self.resolver = Resolver(self.nlp, self.gazetteer, self.lexicon)
            self.extractor = Extractor(self.lexicon, self.nlp.vocab)
        self._lines: tuple[tuple, list[int]] = ((), [])  # line starts of the part in hand
        self.part_chars = PART_CHARS

    def docs(self, sources: Iterable[Source], *, processes: int = 1, batch_size: int = 64):
        """(spaCy Doc, Source) in input order; a long document as its parts (:func:`split`).

        spaCy is fed paragraph by paragraph (its fastest way: short texts batch well), and
        each part is put back together as one Doc (:func:`~.nlp.joined`), whose text is the
        part's text exactly, so offsets and sentences are as if it had been parsed whole
        (sentences never cross a line break anyway)."""
        def pieces():
            for whole in sources:
                for s in split(whole, self.part_chars):
                    paras = paragraphs(s.text)
                    for k, para in enumerate(paras, 1):
                        yield para, (s, k == len(paras))
        held: list = []
        for doc, (source, end_of_part) in self.nlp.pipe(
                pieces(), as_tuples=True, n_process=processes, batch_size=batch_size):
            held.append(doc)
            if end_of_part:
                whole = joined(held)
                held = []
                yield whole, source

    def analyse_sources(self, sources: Iterable[Source]) -> Iterator[tuple[Source, Analysis]]:
        """Each source (each part of a long one) with its analysis, in input order."""
        for doc, source in self.docs(sources):
            yield source, self.analyse(doc, source)

    def analyse(self, doc, source: Source) -> Analysis:
        """One parsed document, or part of one -> its actors and statements."""
        da = self.resolver.resolve(doc, document=source.document.id, date=source.document.date,
                                   text=source.text)
        found = self.extractor.extract(doc, da)
        text, offset = source.text, source.offset
        if self._lines[0] != (source.document.id, offset):
            self._lines = ((source.document.id, offset), [0] + [m.end() for m in NEWLINE.finditer(text)])
        line_starts = self._lines[1]
        best: dict[str, Statement] = {}
        date_ents = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "DATE"] if found else []
        dated: dict[int, str | None] = {}  # sentence start -> the one date it names
        for f in found:
            sent = f.sentence
            at, until = sent.start_char, sent.end_char
            start, end = at + offset, until + offset
            if sent.start not in dated:
                dated[sent.start] = sentence_date(text[at:until], [(i - at, j - at) for i, j in date_ents
                                                                   if at <= i < until],
                                                  source.document.date)
            st = Statement.make(
                subject=f.subject, type=f.type, object=f.object, document=source.document.id,
                start=start, end=end, confidence=f.confidence, sentence=text[at:until],
                line=source.lines + bisect.bisect_right(line_starts, at),
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
    """Readable documents not yet stored, read one file at a time; each bad file becomes
    one line in ``report.errors``."""
    files, errors = find_files(paths)
    report.errors += [str(e) for e in errors]
    report.files = len(files)
    seen: set[str] = set()
    for path in files:
        bad: list[InputError] = []
        try:
            sources = read_file(path, errors=bad)
            report.errors += [str(e) for e in bad]
        except InputError as e:
            report.errors.append(str(e))
            continue
        for s in sources:
            if s.document.id in known or s.document.id in seen:
                report.already_stored += 1
                continue
            seen.add(s.document.id)
            yield s


def batch_of_parts(docs: dict[str, tuple[Document, int | None]], forms: Iterable[tuple[str, Actor]],
                   statements: Iterable[Statement]) -> Batch:
    """A batch of documents (id -> (document, parts written so far, None once finished)), their
    actors as each document saw them (``forms``: (document id, actor), merged per document and
    across documents here) and their statements."""
    per_doc: dict[tuple[str, str], Actor] = {}
    for d, a in forms:
        per_doc[(d, a.id)] = per_doc[(d, a.id)].merged(a) if (d, a.id) in per_doc else a
    return Batch(tuple(d for d, _ in docs.values()), tuple(merge_actors(per_doc.values())), tuple(statements),
                 tuple((d, a) for (d, _), a in per_doc.items()),
                 tuple((i, n) for i, (_, n) in docs.items() if n is not None))


def count_documents(paths: list[str | Path]) -> int:
    """About how many documents ``paths`` hold (a JSONL line or CSV row each), for progress."""
    n = 0
    for path in find_files(paths)[0]:
        if path.suffix.lower() in (".jsonl", ".csv"):
            try:
                with path.open("rb") as f:
                    n += sum(1 for line in f if line.strip()) - (path.suffix.lower() == ".csv")
            except OSError:
                n += 1
        else:
            n += 1
    return max(n, 0)


def batches(sources: Iterable[Source], max_docs: int, max_chars: int) -> Iterator[list[Source]]:
    """Consecutive runs of sources, each at most ``max_docs`` documents or about ``max_chars``."""
    batch, size = [], 0
    for s in sources:
        batch.append(s)
        size += len(s.text)
        if len(batch) >= max_docs or size >= max_chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


# -- worker processes: each builds its own pipeline once and analyses whole batches ----------
_WORKER: Pipeline | None = None


def _start_worker(gazetteer: Gazetteer, lexicon: Lexicon | None) -> None:
    global _WORKER
    _WORKER = Pipeline(gazetteer=gazetteer, lexicon=lexicon)


def _analyse_batch(sources: list[Source]) -> list[tuple[Source, Analysis]]:
    return list(_WORKER.analyse_sources(sources))


def analysed(pipeline: Pipeline | None, sources: Iterable[Source], *, processes: int, gazetteer: Gazetteer | None,
             lexicon: Lexicon | None, batch_docs: int, batch_chars: int) -> Iterator[tuple[Source, Analysis]]:
    """Every source with its analysis, in input order: here, or in ``processes`` workers that each
    run the whole analysis (parse, resolve, extract) on batches of documents."""
    if processes <= 1:
        yield from (pipeline or Pipeline(gazetteer=gazetteer, lexicon=lexicon)).analyse_sources(sources)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn")
    gaz = gazetteer or (pipeline.gazetteer if pipeline else Gazetteer.load())
    lex = lexicon or (pipeline.lexicon if pipeline else None)
    with ProcessPoolExecutor(processes, mp_context=ctx, initializer=_start_worker, initargs=(gaz, lex)) as pool:
        pending = []  # at most two batches per worker in flight: memory stays bounded
        for batch in batches(sources, batch_docs, batch_chars):
            pending.append(pool.submit(_analyse_batch, batch))
            while len(pending) > 2 * processes:
                yield from pending.pop(0).result()
        for fut in pending:
            yield from fut.result()


def ingest(paths: list[str | Path], store: GraphStore, *, pipeline: Pipeline | None = None,
           gazetteer: Gazetteer | None = None, lexicon: Lexicon | None = None, processes: int = 1,
           flush_every: int = 200, flush_chars: int = 2_000_000, flush_seconds: float = 2.0,
           progress: Callable[[int, int], None] | None = None) -> IngestReport:
    """Read, analyse and store every document under ``paths``, streaming: files are read one at
    a time, and analysed documents are written as they come, one batch (one store transaction)
    per ``flush_every`` documents, ``flush_chars`` characters or ``flush_seconds`` of work,
    whichever comes first. Memory depends on the batch, not on the corpus, and a killed
    ingest keeps every batch it committed.

    Bad files are reported and skipped; documents already in the store are skipped,
    so running the same ingest again changes nothing (and completes one that was stopped).
    """
    t0 = time.perf_counter()
    report = IngestReport()
    total = count_documents(paths) if progress else 0
    begun = store.unfinished()
    limit = pipeline.part_chars if pipeline else PART_CHARS
    pieces = (s for whole in read_sources(paths, report, store.document_ids()) for s in split(whole, limit)
              if s.part > begun.get(s.document.id, 0))  # a long document resumes after its stored parts
    docs: dict[str, tuple[Document, int | None]] = {}  # id -> (document, parts written if unfinished)
    actors, statements = [], []
    actor_ids: set[str] = set()
    new_docs: set[str] = set()
    chars = done = 0
    flushed = time.perf_counter()
    for source, result in analysed(pipeline, pieces, processes=processes, gazetteer=gazetteer, lexicon=lexicon,
                                   batch_docs=min(flush_every, 8), batch_chars=min(flush_chars, 50_000)):
        report.sentences += result.sentences
        report.words += result.words
        docs[source.document.id] = (source.document, None if source.last else source.part)
        new_docs.add(source.document.id)
        actors += [(source.document.id, a) for a in result.actors]
        statements += result.statements
        chars += len(source.text)
        if source.last:
            done += 1
            if progress:
                progress(min(done + report.already_stored, total), total)
        if len(docs) >= flush_every or chars >= flush_chars or time.perf_counter() - flushed >= flush_seconds:
            _flush(store, docs, actors, statements, report, actor_ids)
            docs, actors, statements, chars = {}, [], [], 0
            flushed = time.perf_counter()
    _flush(store, docs, actors, statements, report, actor_ids)
    report.merges = len(relink(store, gazetteer or (pipeline.gazetteer if pipeline else Gazetteer.load()),
                               new_documents=new_docs, incremental=True))
    report.actors = len(actor_ids)
    report.seconds = time.perf_counter() - t0
    return report


def _flush(store, docs: dict, actors, statements, report, actor_ids) -> None:
    if not docs and not statements:
        return
    batch = batch_of_parts(docs, actors, statements)
    store.write(batch)
    report.documents += sum(parts is None for _, parts in docs.values())
    report.statements += len(statements)
    actor_ids.update(a.id for a in batch.actors)
