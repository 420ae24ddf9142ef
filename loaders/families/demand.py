"""Demands: what an actor calls for says where it stands. "called for the release of X" and
"called for X's release" support X; "called for sanctions against Y" opposes Y; "urged Y to
withdraw", "called on Y to lift the blockade", "called for Y to free them", "demanded that Y
stop its raids" object to what Y does: the first three oppose Y, a demand in a that-clause
criticises Y.

Trigger: a verb of ``demand_verbs`` (syntax.json). What is demanded: a noun after "for" (a
``release_nouns`` word with its owner or "of" object is support; a hostile nominal with its
target is opposition) or an addressee with a ``cessation_verbs`` complement.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from actorgraph.graph import RelType

from ..frames import FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.pos_ == "VERB" and low in fb.lex.demand_verbs


def run(fb: FrameBuilder, verb: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    kids = list(verb.children)
    subjects, factor = fb.subjects(verb, da)
    if not subjects:
        return
    clause = fb.clause(verb, sent, da)
    clause.factor *= factor
    # a demand adds nothing where the sentence already states a hostile relation between the two
    # ("accused X of ... and called for sanctions on X")
    stated = {(f.subject, f.object) for f in found if f.sentence.start == sent.start and f.type.polarity < 0}

    def emit(rel: RelType, objects: list[str]) -> None:
        fb.emit(found, subjects, rel, [o for o in objects
                                                  if not any((s, o) in stated for s in subjects)],
                sent, FAMILY, clause, da)
    for k in kids:
        if k.dep_ != "prep" or k.lower_ != "for":
            continue
        for n in (p for p in k.children if p.dep_ == "pobj"):
            low = n.lemma_.lower()
            if low in lex.release_nouns:  # "the release of X", "X's release"
                freed = [a for c in n.children if c.dep_ == "poss" for a in fb.actors(c, da)] \
                    + fb.pobj_actors(n, {"of"}, da)
                emit(RelType.SUPPORTS, freed)
            elif (lex.nominals.get(low) or lex.nominals.get(n.lower_) or RelType.MEETS).polarity < 0:
                targets = fb.pobj_actors(n, {"against", "on"}, da, targets=True, hostile=True)
                emit(RelType.OPPOSES, targets)
    # the addressee of a demand to stop: "urged Y to withdraw", "called on Y to lift ...",
    # "demanded that Y stop ..."
    addressees = [a for k in kids if k.dep_ == "dobj" for a in fb.actors(k, da)] \
        + fb.pobj_actors(verb, {"on", "upon"}, da)
    for c in kids:
        if not {x.lemma_.lower() for x in (c, *c.conjuncts)} & lex.cessation_verbs:
            continue  # "urged Y to limit or end its support"
        if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children):
            c_dep = "ccomp"  # "called for Y to lift the ban": Y is the subject of the infinitive
        elif c.dep_ in ("xcomp", "ccomp"):
            c_dep = c.dep_
        elif c.dep_ == "advcl" and addressees and any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children):
            c_dep = "xcomp"  # "lobbied the EU to drop the tariffs" parsed as a purpose
        else:
            continue
        whom = addressees if c_dep == "xcomp" else [a for s in c.children if s.dep_ == "nsubj"
                                                    for a in fb.actors(s, da)]
        # "urged Y to withdraw" opposes Y; "demanded that Y withdraw" is a complaint about Y's act
        infinitive = c_dep == "xcomp" or any(k.dep_ == "aux" and k.lower_ == "to" for k in c.children)
        emit(RelType.OPPOSES if infinitive else RelType.CRITICIZES, whom)


FAMILY = register("demand", 1, 0.75, scope="token", order=35, select=select, run=run,
                  cues=lambda lex: set(lex.demand_verbs))
