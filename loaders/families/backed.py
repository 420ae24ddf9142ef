"""Compounds that state support or leadership: "the Iranian-backed Hezbollah", "UN-backed
government", "a Saudi-led coalition". Trigger: a word of ``backed`` (cues.json)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..frames import FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.lower_ in fb.lex.backed and tok.dep_ in ("amod", "compound", "acl", "nmod", "npadvmod")


def run(fb: FrameBuilder, tok: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    """"the Iranian-backed Hezbollah", "UN-backed government", "a Saudi-led coalition"."""
    rel = fb.lex.backed[tok.lower_]
    doc = tok.doc
    cands = [k for k in tok.children if k.dep_ in ("npadvmod", "advmod", "compound", "amod", "nmod", "nsubj")]
    if tok.i >= 2 and doc[tok.i - 1].text == "-":
        cands.append(doc[tok.i - 2])
    backers = list(dict.fromkeys(a for k in cands for a in [da.modifiers.get(k.i) or da.at(k)] if a))
    if not backers or tok.dep_ == "acl":
        return
    head = tok.head
    target = da.at(tok) or da.at(head) or (da.at(head.head) if head.dep_ == "appos" else None) or next(
        (da.at(c) for c in head.children if c.dep_ == "appos" and da.at(c)), None) or (
        da.at(doc[head.i + 1]) if head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN" else None) or next(
        (da.at(c) for c in head.children if c.dep_ == "compound" and c.i > tok.i and da.at(c)), None)
    if target is None:
        return
    clause = fb.clause_above(tok.head, sent, da)
    clause.drop = clause.refused = False
    fb.emit(found, backers, rel, [target], sent, FAMILY, clause, da)


FAMILY = register("backed", 1, 0.85, scope="token", order=40, select=select, run=run,
                  cues=lambda lex: set(lex.backed))
