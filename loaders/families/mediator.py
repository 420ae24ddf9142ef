"""Mediators: "Qatar mediated between X and Y", "Egypt acted as a mediator between X and Y",
"Egyptian mediation between X and Y", "Oman brokered talks between X and Y": the mediator meets
both parties (who are not thereby partners; what they agree or discuss is read elsewhere).
Trigger: a word of ``mediation_words`` (syntax.json): a verb, whose subject mediates, or a noun,
whose owner, modifier, "by" agent or holder ("acted as", "is") mediates. The parties are the
actors "between" the trigger or the thing it brokers.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from actorgraph.graph import RelType

from ..frames import SUBJ, FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return low in fb.lex.mediation_words or tok.lower_ in fb.lex.mediation_words


def run(fb: FrameBuilder, tok: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    parties = fb.pobj_actors(tok, {"between"}, da) + [
        a for k in tok.children if k.dep_ in ("dobj", "nsubjpass") for a in fb.pobj_actors(k, {"between"}, da)]
    if tok.pos_ == "VERB" and tok.dep_ == "acl":  # "a truce brokered by X between A and B"
        parties += fb.pobj_actors(tok.head, {"between"}, da)
    parties = list(dict.fromkeys(parties))
    if len(parties) < 2:
        return
    if tok.pos_ == "VERB":
        mediators, factor = fb.subjects(tok, da)
        clause = fb.clause(tok, sent, da)
        if tok.tag_ == "VBN":
            mediators = [a for k in tok.children if k.dep_ == "agent" for p in k.children for a in fb.actors(p, da)]
    else:
        factor = 1.0
        mediators = [da.modifier(c) for c in tok.children if c.dep_ in ("poss", "amod", "compound") and da.modifier(c)]
        mediators += fb.pobj_actors(tok, {"by"}, da)
        gov = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "as" else tok.head
        if not mediators and tok.dep_ in ("attr", "pobj") and gov.lemma_.lower() in lex.copulas | lex.holder_copulas:
            mediators, factor = fb.subjects(gov, da)  # "Egypt acted as a mediator", "Oman is the mediator"
        clause = fb.clause_above(tok, sent, da)
    clause.factor *= factor
    fb.emit(found, [m for m in mediators if m not in parties], RelType.MEETS, parties, sent, FAMILY, clause, da)


FAMILY = register("mediator", 1, 0.8, scope="token", order=65, select=select, run=run,
                  cues=lambda lex: set(lex.mediation_words))
