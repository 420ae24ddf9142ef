"""Token helpers shared by resolution, the frame builder and the families: a document's
token attributes as arrays, word hashes for fast lookups, and small readings of a token."""
from __future__ import annotations

from bisect import bisect_right
from functools import cached_property

import numpy as np
from spacy.attrs import IS_PUNCT, IS_SPACE, LEMMA, LOWER, SENT_START
from spacy.tokens import Doc, Token


class Tokens:
    """One document's token attributes as arrays, so that each pass visits only the
    tokens that can matter to it instead of every token (Token objects are costly)."""

    def __init__(self, doc: Doc, text: str | None = None):
        #: the document's text (``doc.text`` makes a Token object per token; a caller that
        #: holds the text passes it)
        self.text = doc.text if text is None else text
        arr = doc.to_array([LOWER, LEMMA, SENT_START, IS_PUNCT, IS_SPACE]).astype(np.uint64)
        self.lower, self.lemma = arr[:, 0], arr[:, 1]
        starts = np.flatnonzero(arr[:, 2] == 1)
        if len(doc) and (len(starts) == 0 or starts[0] != 0):
            starts = np.concatenate(([0], starts))
        self.starts = starts
        self._starts = starts.tolist()  # for bisect: a search of a numpy array costs more per call
        ends = self._starts[1:] + [len(doc)]
        self.sents = [doc[a:b] for a, b in zip(self._starts, ends)]
        self.words = int(((arr[:, 3] == 0) & (arr[:, 4] == 0)).sum())

    @cached_property
    def _forms(self) -> tuple[np.ndarray, np.ndarray]:
        """The document's distinct lower forms and lemmas, and where each token's two are in them."""
        forms, where = np.unique(np.concatenate([self.lower, self.lemma]), return_inverse=True)
        return forms, where.reshape(2, -1)

    def having(self, hashes: np.ndarray) -> np.ndarray:
        """Indices of the tokens whose lower form or lemma is one of ``hashes`` (sorted, as
        :func:`word_hashes` makes them): the document's distinct forms are looked up, each once,
        by binary search (``np.isin`` sorted both arrays anew on every call)."""
        if not len(hashes):
            return np.empty(0, dtype=np.intp)
        forms, where = self._forms
        hit = _among(forms, hashes)
        return np.flatnonzero(hit[where[0]] | hit[where[1]])

    def sentence_of(self, i: int) -> int:
        return bisect_right(self._starts, i) - 1


def _among(values: np.ndarray, ordered: np.ndarray) -> np.ndarray:
    """Whether each of ``values`` is in the sorted array ``ordered``."""
    at = ordered.searchsorted(values)
    np.minimum(at, len(ordered) - 1, out=at)
    return ordered[at] == values


def word_hashes(vocab, words) -> np.ndarray:
    """The string hashes of one-word ``words`` (phrases cannot match one token), sorted."""
    return np.array(sorted({vocab.strings.add(w) for w in words if " " not in w}), dtype=np.uint64)


def hyphenated(tok: Token) -> str:
    """The whole hyphenated word a token ends, lower-cased ("build-up" for "up"), else ""."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return f"{doc[i - 2].lower_}-{tok.lower_}"
    return ""


def phrase(tok: Token) -> list[Token]:
    """The noun phrase under ``tok`` without the clauses hung on it ("the president, which
    Brussels said ..." is about the president, not Brussels)."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "acl", "advcl", "ccomp"))
    return sorted(out, key=lambda t: t.i)
