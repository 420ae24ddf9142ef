"""Conditional threats and ultimatums: "X threatened to recall its envoy unless Y frees the
reporters", "X warned it would expel Y's diplomats if Y did not ...", "if Y escalates, X will
impose tariffs": the actor the condition is about is threatened by the actor who sets it.

Trigger: a mark of ``conditional_marks`` (modality.json) on an adverbial clause with an active
actor subject (the target). The threatener is the subject of a ``threat_verbs`` or ``warning_verbs``
verb above the consequent (not a warning of what would befall the target itself), or of a
consequent that says what it will do (``future_auxiliaries``) when that is a hostile act (its
verb, or a hostile noun it takes).
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from actorgraph.graph import ActorType, RelType

from ..frames import SUBJ, FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.dep_ == "mark" and tok.lower_ in fb.lex.conditional_marks and tok.head.dep_ == "advcl"


def run(fb: FrameBuilder, mark: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    cond = mark.head
    cons = cond.head
    targets = [a for k in cond.children if k.dep_ == "nsubj" for a in fb.actors(k, da)]
    if not targets:
        return
    chain = [cons]
    while chain[-1].dep_ in ("xcomp", "ccomp", "conj") and chain[-1].head.i != chain[-1].i and len(chain) < 4:
        chain.append(chain[-1].head)
    future = any(k.dep_ == "aux" and k.lower_ in lex.future_auxiliaries for k in cons.children)
    act = cons
    if cons.lemma_.lower() in lex.refusal_verbs:  # "will not hesitate to shut off the gas": will shut it off
        act = next((k for k in cons.children if k.dep_ == "xcomp"), cons)
        if act is not cons and any(k.dep_ == "neg" or k.lower_ in lex.negation_words for k in cons.children):
            chain = chain[1:]
    if any(k.dep_ == "neg" or k.lower_ in lex.negation_words for t in chain for k in t.children):
        return  # "did not threaten to ... unless", "will not impose ... if"
    acts = [lex.verbs.get(act.lemma_.lower())] + [lex.phrasal.get(f"{act.lemma_.lower()} {k.lower_}") for k in act.children
                                                  if k.dep_ in ("prt", "dobj")] + [
        lex.nominals.get(k.lemma_.lower()) or lex.nominals.get(k.lower_) for k in act.children if k.dep_ == "dobj"]
    hostile = any(r is not None and r.polarity < 0 for r in acts)
    warner = next((t for t in chain if t.lemma_.lower() in lex.threat_verbs | lex.warning_verbs), None)
    if warner is None:
        if not future or not hostile:
            return
        warner = cons
    threateners = fb.subjects(warner, da)[0]
    body = next((k for k in cons.children if k.dep_ == "ccomp"), None) if warner is cons else cons
    if warner.lemma_.lower() not in lex.threat_verbs and body is not None:
        # a warning of what would befall the target itself is no threat ("a person warned that if X
        # defended Y, it risked losing influence": "it" can only be X)
        doers = [a for k in body.children if k.dep_ in SUBJ for a in fb.actors(k, da)]  # as written
        if not doers and any(k.dep_ in SUBJ and k.lower_ in lex.thing_pronouns for k in body.children) \
                and threateners and all(da.actors[a].type is ActorType.PERSON for a in threateners):
            doers = targets
        own = set(threateners) | {r.org for r in da.roles if r.person in threateners}
        if doers and set(doers) <= set(targets) and not set(doers) & own:
            return
    clause = fb.clause(warner, sent, da)
    clause.drop = clause.ultimatum = clause.threatened = False  # this condition is the threat
    clause.refused = clause.refused and act is cons  # not refusing to act is acting
    fb.emit(found, [a for a in threateners if a not in targets], RelType.THREATENS, targets, sent, FAMILY,
            clause, da)


FAMILY = register("condition", 1, 0.8, scope="token", order=60, select=select, run=run,
                  cues=lambda lex: set(lex.conditional_marks))
