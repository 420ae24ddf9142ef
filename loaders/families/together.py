"""Symmetric parties acting together: "X and Y together killed ...", "X fought alongside Y":
they cooperate. Trigger: a word of ``together`` (syntax.json) on a verb that is no trigger of its
own; the verb family calls :func:`together` on every verb it maps too."""
from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span, Token

from actorgraph.graph import RelType

from ..frames import Clause, FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.lower_ in fb.lex.together and tok.dep_ == "advmod" and tok.head.pos_ == "VERB" \
        and tok.head.lemma_.lower() not in fb.lex.verbs \
        and tok.head.lemma_.lower() not in fb.lex.demand_verbs | fb.lex.say_verbs  # "X and Y ships sail together"
    # (but "jointly called for a ceasefire" is a joint statement, not cooperation)


def run(fb: FrameBuilder, tok: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    subjects = fb.subjects(tok.head, da)[0]
    together(fb, tok.head, subjects, sent, da, found, fb.clause(tok.head, sent, da))


def together(fb: FrameBuilder, verb: Token, subjects: list[str], sent: Span, da: DocActors, found: list[Found],
              clause: Clause) -> None:
    """"X and Y together killed ...", "X fought alongside Y": they cooperate."""
    kids = list(verb.children)
    if len(subjects) > 1 and any(k.lower_ in fb.lex.together and k.dep_ == "advmod" for k in kids):
        for a, b in combinations(subjects, 2):
            fb.emit(found, [a], RelType.COOPERATES_WITH, [b], sent, FAMILY, clause, da)
    partners = [a for k in kids if k.dep_ == "prep" and k.lower_ == "alongside"
                for p in k.children if p.dep_ == "pobj" for a in fb.actors(p, da, targets=True)]
    if partners:
        fb.emit(found, subjects, RelType.COOPERATES_WITH, partners, sent, FAMILY, clause, da)


FAMILY = register("together", 1, 0.9, scope="token", order=50, select=select, run=run,
                  cues=lambda lex: set(lex.together))
