"""Stance adjectives: "Eritrea has grown hostile to Addis Ababa", "the militia remains loyal to Tehran".

Trigger: an adjective of ``stance_adjectives`` (cues.json) as the complement of a verb; its
object follows ``stance_preps`` (syntax.json)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..frames import FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.pos_ in ("ADJ", "VERB") and tok.dep_ == "acomp" and tok.lower_ in fb.lex.stance_adjectives


def run(fb: FrameBuilder, adj: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    """"Eritrea has grown hostile to Addis Ababa", "the militia remains loyal to Tehran"."""
    verb = adj.head
    objects = fb.pobj_actors(adj, fb.lex.stance_preps, da, owners=True)
    if not objects or verb.pos_ not in ("VERB", "AUX"):
        return
    subjects, factor = fb.subjects(verb, da)
    clause = fb.clause(verb, sent, da)
    clause.factor *= factor
    fb.emit(found, subjects, fb.lex.stance_adjectives[adj.lower_], objects, sent, FAMILY,
               clause, da)


FAMILY = register("stance", 1, 0.9, scope="token", order=30, select=select, run=run,
                  cues=lambda lex: set(lex.stance_adjectives))
