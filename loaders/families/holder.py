"""Holder nouns, which name a role toward another actor: "Russia, an ally of Damascus",
"Syria's foe Israel", "X is Y's backer", "Bamako calls Moscow its partner". Called by the
nominal family for a noun of ``holder_nouns`` (nouns.json); ``reverse_holders`` ("proxy") turn
the relation round."""
from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span, Token

from actorgraph.graph import RelType

from ..frames import Clause, FrameBuilder, Found
from ..mentions import DocActors
from . import register


def run(fb: FrameBuilder, noun: Token, rel: RelType, mods: list[str], objects: list[str], gov: Token | None,
        sent: Span, da: DocActors, found: list[Found], clause: Clause) -> None:
    """A noun that names a role toward another actor: ally, foe, backer, member, proxy."""
    lex = fb.lex
    if rel is RelType.MEMBER_OF and any(c.dep_ == "compound" and c.pos_ == "NOUN" and not da.modifier(c)
                                        for c in noun.children):
        return  # "family members", "staff members": no body of an actor ("trade partners" are partners)
    holders: list[str] = []
    if noun.dep_ == "conj":  # "Eritrea, Ethiopia's neighbour and longtime rival": the first conjunct's place
        first = noun
        while first.dep_ == "conj" and not da.at(first.head):
            first = first.head
        mods = mods + [da.at(c) for c in first.children if c.dep_ == "poss" and da.at(c) and da.at(c) not in mods]
        if first.dep_ in ("appos", "conj") and da.at(first.head):  # the parser reads "X, Y's neighbour" both ways
            holders = [da.at(first.head)]
    nxt = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None
    if holders:
        pass
    elif noun.dep_ == "appos" or (noun.dep_ in ("compound", "nmod") and da.at(noun.head)):
        holders = [da.at(noun.head)] if da.at(noun.head) else []
        if noun.tag_ == "NNS":  # "Thailand and Indonesia, ASEAN's two heaviest members"
            holders = fb.actors(noun.head, da)
    elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and gov is not None \
            and gov.lemma_.lower() in lex.regard_verbs:  # "regarded the TPLF as a mortal enemy"
        viewed = [a for k in gov.children if k.dep_ == "dobj" for a in fb.actors(k, da)]
        if viewed:
            holders, mods, objects = fb.subjects(gov, da)[0], [], viewed
    elif noun.dep_ == "oprd" and gov is not None:  # "Bamako calls Moscow its partner"
        holders = [a for k in gov.children if k.dep_ == "dobj" for a in fb.actors(k, da)]
        if any(c.dep_ == "poss" and c.lower_ in lex.own_possessives for c in noun.children):
            mods = mods + fb.subjects(gov, da)[0]
    elif nxt is not None and nxt.pos_ == "PROPN" and da.at(nxt) and (
            nxt.dep_ in (noun.dep_, "appos") or nxt.head.i == noun.i or noun.head.i == nxt.i):
        holders = [da.at(nxt)]  # "Syria's foe Israel"
    elif gov is not None and gov.lemma_.lower() in lex.copulas | lex.holder_copulas:
        holders = [a for k in gov.children if k.dep_ in ("nsubj", "nsubjpass") for a in fb.actors(k, da)]
    holders += [a for k in noun.children if k.dep_ == "appos" and k.doc[k.i - 1].text != "("
                for a in fb.actors(k, da) if a not in objects]
    listed = False
    if not holders and not da.at(noun):  # "old partners, including Cuba and Laos": the ones it lists
        holders = [a for a in fb.actors(noun, da) if a not in mods and a not in objects]
        listed = bool(holders)
        if holders and not mods and not objects and noun.dep_ == "dobj" and gov is not None:
            mods = fb.subjects(gov, da)[0]  # "Hanoi courted old partners, including ...": Hanoi's
    others = [m for m in mods if m not in holders] + [o for o in objects if o not in holders]
    if holders and others:
        if noun.lemma_.lower() in lex.reverse_holders:  # "Iran's proxy Hezbollah": Iran backs it
            holders, others = others, holders
        fb.emit(found, holders, rel, others, sent, FAMILY, clause, da)
    elif rel.symmetric and len(holders) > 1 and noun.tag_ == "NNS" and not listed:  # not "Soviet allies, including A, B"
        for a, b in combinations(holders, 2):
            fb.emit(found, [a], rel, [b], sent, FAMILY, clause, da)


FAMILY = register("holder", 1, 0.8)
