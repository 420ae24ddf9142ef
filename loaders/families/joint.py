"""Joint things of several named parties: "a joint Kenya-U.S. military base", "joint US-Iraqi
forces", "a joint Franco-German brigade": the parties cooperate. Trigger: a word of
``joint_words`` (syntax.json) modifying a noun that two or more actors modify too."""
from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span, Token

from actorgraph.graph import RelType

from ..frames import FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.lower_ in fb.lex.joint_words and tok.dep_ == "amod" and tok.head.pos_ in ("NOUN", "PROPN")


def run(fb: FrameBuilder, tok: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    noun = tok.head
    parties = list(dict.fromkeys(a for k in noun.lefts if k.i != tok.i and k.dep_ in ("nmod", "compound", "amod", "npadvmod")
                                 for t in k.subtree for a in [da.modifier(t)] if a))
    if len(parties) < 2:
        return
    clause = fb.clause_above(noun, sent, da)
    for a, b in combinations(parties, 2):
        fb.emit(found, [a], RelType.COOPERATES_WITH, [b], sent, FAMILY, clause, da)


FAMILY = register("joint", 1, 0.8, scope="token", order=25, select=select, run=run,
                  cues=lambda lex: set(lex.joint_words))
