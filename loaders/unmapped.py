"""What the lexicon misses: verbs that link two actors in a frame but map to no relation type.

``unmapped(paths)`` re-parses the documents (the store keeps statements, not the frames that
gave none), resolves their actors, and for every verb that is no trigger of the lexicon reads
its subjects and its objects (direct, or behind a preposition) with the frame builder. A verb
with an actor on each side is counted under its lemma, with its particle ("lemma prt") or the
preposition its object came through ("lemma prep"): the key a user lexicon's ``phrasal`` or
``verbs`` entry takes.
"""
from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from actorgraph.graph import InputError

from .pipeline import Pipeline
from .readers import find_files, read_file


@dataclass
class Unmapped:
    trigger: str
    count: int = 0
    pairs: Counter = field(default_factory=Counter)
    sentence: str = ""
    document: str = ""
    line: int = 0

    def as_dict(self, pairs: int = 5) -> dict:
        return {"trigger": self.trigger, "count": self.count,
                "pairs": [{"subject": s, "object": o, "count": n} for (s, o), n in self.pairs.most_common(pairs)],
                "example": {"document": self.document, "line": self.line, "sentence": self.sentence}}


def _mapped(lex, lemma: str, keys: list[str]) -> bool:
    return lemma in lex.verbs or lemma in lex.supply_verbs or lemma in lex.receive_verbs \
        or lemma in lex.reverse_verbs or lemma in lex.naming_verbs or lemma in lex.complaint_verbs \
        or any(k in lex.phrasal for k in keys)


def frames_of(pipeline: Pipeline, doc, da):
    """(trigger, subjects, objects, sentence) for each verb of ``doc`` that links actors and is
    no trigger of the lexicon."""
    fb, lex = pipeline.extractor, pipeline.lexicon
    tokens = da.tokens
    busy = sorted({tokens.sentence_of(i) for i in da.by_token})
    for n in busy:
        sent = tokens.sents[n]
        if len({da.by_token[i].actor for i in range(sent.start, sent.end) if i in da.by_token}) < 2:
            continue
        for verb in sent:
            if verb.pos_ != "VERB":
                continue
            lemma = verb.lemma_.lower()
            if lemma in lex.copulas or lemma in lex.say_verbs:
                continue
            kids = list(verb.children)
            keys = [f"{lemma} {k.lower_}" for k in kids if k.dep_ in ("prt", "dobj", "prep", "advmod")]
            if _mapped(lex, lemma, keys) or any(k.dep_ == "dobj" and k.lemma_.lower() in lex.nominals for k in kids) \
                    or (verb.dep_ in ("acl", "relcl") and verb.head.lemma_.lower() in lex.nominals):
                continue  # a trigger, or a verb around a trigger noun ("imposed sanctions on", "sanctions imposed on")
            frame = fb.frame(verb, sent, da)
            if not frame.agent:
                continue
            if frame.patient:
                yield frame.key, frame.agent, frame.patient, sent
            for prep, objs in frame.preps.items():
                yield f"{lemma} {prep}", frame.agent, objs, sent


def unmapped(paths: list[str | Path], *, pipeline: Pipeline | None = None,
             progress: Callable[[int, int], None] | None = None,
             errors: list[str] | None = None) -> list[Unmapped]:
    """The unmapped triggers of the documents under ``paths``, most frequent first."""
    files, bad = find_files(paths)
    errors = errors if errors is not None else []
    errors += [str(e) for e in bad]
    sources = []
    for path in files:
        try:
            sources += read_file(path)
        except InputError as e:
            errors.append(str(e))
    pipeline = pipeline or Pipeline()
    found: dict[str, Unmapped] = {}
    done = 0
    lines: tuple[tuple, list[int]] = ((), [])
    for doc, source in pipeline.docs(sources):
        da = pipeline.resolver.resolve(doc)
        for trigger, subjects, objects, sent in frames_of(pipeline, doc, da):
            pairs = [(s, o) for s in subjects for o in objects if s != o]
            if not pairs:
                continue
            u = found.setdefault(trigger, Unmapped(trigger))
            u.count += 1
            u.pairs.update(pairs)
            if not u.sentence:
                if lines[0] != (source.document.id, source.offset):
                    lines = ((source.document.id, source.offset),
                             [0] + [i + 1 for i, c in enumerate(source.text) if c == "\n"])
                u.sentence = source.text[sent.start_char:sent.end_char].strip()
                u.document = source.document.source
                u.line = source.lines + bisect.bisect_right(lines[1], sent.start_char)
        if source.last:
            done += 1
            if progress:
                progress(done, len(sources))
    return sorted(found.values(), key=lambda u: (-u.count, u.trigger))
