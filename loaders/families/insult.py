"""Insults in copular form, reported by a speaker: "Lima said the general was a butcher",
'"X is a pariah," Y said', "Y contended that X is one of the most abusive regimes": the speaker
criticises the subject of the copula; a word of ``praise_words`` (syntax.json: "X is right", "a
hero") supports it. Trigger: a word of ``insults`` (nouns.json) as the
complement of a ``copulas`` verb, or modifying it (also through "one of the most ...").
The narrator's own copula names no critic, and "X is no butcher" is dropped by the clause.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from actorgraph.graph import RelType

from ..frames import SUBJ, FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return bool({tok.lower_, low} & (fb.lex.insults | fb.lex.praise_words))


def run(fb: FrameBuilder, word: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    t = word
    if t.dep_ in ("amod", "compound") and t.head.pos_ == "NOUN":
        t = t.head  # "a reckless regime"
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ == "one":
        t = t.head.head  # "one of the most abusive regimes"
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head  # "bolder and more dangerous"
    if t.dep_ not in ("attr", "acomp") or t.head.lemma_.lower() not in lex.copulas:
        return
    cop = t.head
    if cop.dep_ != "ccomp" or cop.head.lemma_.lower() not in lex.say_verbs | lex.hedge_verbs:
        return  # said, or feared: "she fears the ruling party is becoming dangerous"
    targets = [a for k in cop.children if k.dep_ in SUBJ for a in fb.actors(k, da, owners=True)]  # "X's plan"
    speakers = fb.subjects(cop.head, da)[0]
    if not targets or not speakers:
        return
    clause = fb.clause(cop, sent, da)
    clause.reported, clause.speaker = False, None  # saying it is the criticism itself
    rel = RelType.CRITICIZES if {word.lower_, word.lemma_.lower()} & lex.insults else RelType.SUPPORTS
    fb.emit(found, speakers, rel, [a for a in targets if a not in speakers], sent, FAMILY, clause, da)


FAMILY = register("insult", 1, 0.8, scope="token", order=70, select=select, run=run,
                  cues=lambda lex: set(lex.insults) | set(lex.praise_words))
