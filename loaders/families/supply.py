"""Supply and receipt: "send/supply/deliver X to Y" (the goods decide military aid or aid),
"Y received weapons from X". Called by the verb family for a lemma of ``supply_verbs`` or
``receive_verbs`` (syntax.json); goods are read against ``military_goods`` and ``aid_goods``
(nouns.json)."""
from __future__ import annotations

from spacy.tokens import Span, Token

from actorgraph.graph import RelType

from ..frames import FrameBuilder, Found
from ..mentions import DocActors
from . import register


def run(fb: FrameBuilder, verb: Token, lemma: str, sent: Span, da: DocActors, found: list[Found]) -> bool:
    kids = list(verb.children)
    dobj = [k for k in kids if k.dep_ in ("dobj", "nsubjpass")]
    withs = [p for k in kids if k.dep_ == "prep" and k.lower_ == "with" for p in k.children if p.dep_ == "pobj"]
    if lemma in fb.lex.receive_verbs:
        rel = goods_type(fb, dobj) if dobj else None
        sources = fb.pobj_actors(verb, {"from"}, da)
        if rel is None or not sources:
            return False
        recipients, factor = fb.subjects(verb, da)
        clause = fb.clause(verb, sent, da)
        clause.factor *= factor
        fb.emit(found, sources, rel, recipients, sent, RECEIVE, clause, da)
        return bool(recipients)
    recipients: list[str] = []
    goods = [d for d in dobj if not da.at(d) or d.lemma_.lower() in fb.lex.military_goods]
    if withs and any(da.at(d) for d in dobj):  # "supplied Assad with weapons"
        goods = withs
        recipients = [a for d in dobj if d.dep_ == "dobj" for a in fb.actors(d, da)]
    if not goods:
        return False
    rel = goods_type(fb, goods)
    if rel is None:
        return False
    for holder in (verb, *goods):
        recipients += fb.pobj_actors(holder, fb.lex.supply_preps, da, targets=True, owners="acts")
        recipients += [a for k in holder.children if k.dep_ == "dative" and k.pos_ != "ADP"
                       for a in fb.actors(k, da)]
    if not recipients:  # "sold Morocco drones", parsed as if Morocco were a kind of drone
        recipients = [da.at(c) for g in goods for c in g.children
                      if c.dep_ == "compound" and c.pos_ == "PROPN" and da.at(c) and c.i not in da.modifiers]
    if not recipients:  # "sent troops to help the Congolese army"
        recipients = [a for k in kids if k.dep_ in ("xcomp", "advcl") and fb.lex.verbs.get(k.lemma_.lower())
                      in (RelType.SUPPORTS, RelType.PROVIDES_AID, RelType.PROVIDES_MILITARY_AID)
                      for d in k.children if d.dep_ == "dobj"
                      for a in fb.actors(d, da, targets=True)]
        # "... to help Maputo contain the insurgency"
        recipients += [a for k in kids if k.dep_ in ("xcomp", "advcl") and k.lemma_.lower() in fb.lex.helping_verbs
                       for c in k.children if c.dep_ in ("ccomp", "xcomp")
                       for d in c.children if d.dep_ == "nsubj" for a in fb.actors(d, da)]
    subjects, factor = fb.subjects(verb, da)
    if any(d.dep_ == "nsubjpass" for d in dobj):
        subjects = fb.pobj_actors(verb, {"by"}, da) or [a for k in kids if k.dep_ == "agent"
                                                        for p in k.children for a in fb.actors(p, da)]
    if not subjects or not recipients:
        return False
    clause = fb.clause(verb, sent, da)
    clause.factor *= factor
    fb.emit(found, subjects, rel, list(dict.fromkeys(recipients)), sent, FAMILY, clause, da)
    return True


def goods_type(fb: FrameBuilder, goods: list[Token], default: RelType | None = None) -> RelType | None:
    """What is supplied decides the type: weapons and troops are military aid."""
    lex = fb.lex
    words = [t for g in goods for t in g.subtree if not (t.dep_ == "pobj" and t.head.lower_ in ("to", "for"))]
    lemmas = {t.lemma_.lower() for t in words} | {t.lower_ for t in words}
    lemmas |= {f"{a.lower_} {b.lower_}" for a, b in zip(words, words[1:])}  # "air support", "air defence"
    if lemmas & lex.military_goods:
        return RelType.PROVIDES_MILITARY_AID
    head = goods[0].lemma_.lower()
    if head in lex.nominals and lex.nominals[head] in (RelType.SUPPORTS, RelType.PROVIDES_AID,
                                                       RelType.PROVIDES_MILITARY_AID):
        return lex.nominals[head]
    if lemmas & lex.aid_goods:
        return RelType.PROVIDES_AID
    return default


FAMILY = register("supply", 1, 0.85, cues=lambda lex: lex.supply_verbs | lex.receive_verbs)
RECEIVE = register("receive", 1, 0.8)
