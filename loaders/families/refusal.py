"""A bare refusal of what another actor asked or proposed: "X demanded that Y hand them over, but Y
refused", "X proposed a price floor, but Y declined": the refuser opposes the one who asked.
Trigger: a verb of ``refusing_verbs`` (syntax.json) with no object or complement of its own,
coordinated with a verb of ``proposal_verbs`` or ``demand_verbs``."""
from __future__ import annotations

from spacy.tokens import Span, Token

from actorgraph.graph import RelType

from ..frames import FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.pos_ == "VERB" and low in fb.lex.refusing_verbs and tok.dep_ == "conj" \
        and not any(k.dep_ in ("dobj", "xcomp", "ccomp", "prep") for k in tok.children) \
        and tok.head.lemma_.lower() in fb.lex.proposal_verbs | fb.lex.demand_verbs


def run(fb: FrameBuilder, verb: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    refusers = [a for k in verb.children if k.dep_ == "nsubj" for a in fb.actors(k, da)]
    askers = fb.subjects(verb.head, da)[0]
    if refusers and askers:
        fb.emit(found, refusers, RelType.OPPOSES, [a for a in askers if a not in refusers], sent, FAMILY,
                fb.clause(verb, sent, da), da)


FAMILY = register("refusal", 1, 0.8, scope="token", order=36, select=select, run=run,
                  cues=lambda lex: set(lex.refusing_verbs))
