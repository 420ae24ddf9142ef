"""Shared hostile nouns: "fighting between X and Y", "a feud with Y", "after days of battles with
the Z militia": both parties take part, so the relation runs both ways. Trigger: a noun (or a
gerund used as one) of ``mutual_nouns`` (nouns.json, noun -> type); a modifier of
``trade_words`` makes it economic ("a tariff fight with Y" sanctions both ways). The parties are
the actors "between" it, or those "with" it and its agent: its owner or modifier, the subject of
a light verb ("waged a war with Y"), or the subject of the clause it is an adjunct of.
"""
from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span, Token

from actorgraph.graph import ActorType, RelType

from ..frames import INHERITED, FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    word = low if low in fb.lex.mutual_nouns else tok.lower_
    return word in fb.lex.mutual_nouns and (tok.pos_ in ("NOUN", "PROPN") or (  # "fighting between",
        tok.pos_ == "VERB" and (tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") or any(  # a noun tagged as a verb
            c.dep_ == "prep" and c.lower_ == "between" for c in tok.children))))


def run(fb: FrameBuilder, noun: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    low = noun.lemma_.lower()
    rel = lex.mutual_nouns.get(low) or lex.mutual_nouns[noun.lower_]
    if da.at(noun):
        return
    if any(c.dep_ in ("compound", "amod") and {c.lower_, c.lemma_.lower()} & lex.trade_words
           for c in noun.children):
        rel = RelType.SANCTIONS  # "a trade war with X", "a tariff fight with X"
    clause = fb.clause_above(noun, sent, da)
    between = fb.pobj_actors(noun, {"between"}, da)
    if rel is RelType.ATTACKS and len(between) > 1 and all(da.actors[a].type is ActorType.PERSON for a in between):
        rel = RelType.CRITICIZES  # "the Oval Office clash between two presidents": words, not arms
    if len(between) > 1:
        for a, b in combinations(list(dict.fromkeys(between)), 2):
            fb.emit(found, [a], rel, [b], sent, FAMILY, clause, da)
            fb.emit(found, [b], rel, [a], sent, FAMILY, clause, da)
        return
    partners = fb.pobj_actors(noun, {"with"}, da, targets=True)
    if not partners:
        return
    agents = list(dict.fromkeys(da.modifier(c) for c in noun.children
                                if c.dep_ in ("poss", "amod", "compound", "nmod") and da.modifier(c)))
    gov = noun.head
    if not agents and noun.dep_ == "dobj" and gov.pos_ == "VERB" and (
            gov.lemma_.lower() in lex.light_verbs or gov.lemma_.lower() not in lex.verbs):
        agents, factor = fb.subjects(gov, da)  # "waged a tariff fight with X"
        clause.factor *= factor
    if not agents:
        agents = fb.adjunct_agents(noun, rel, da, shared=True)  # "after days of battles with X, Y withdrew"
        clause.factor *= INHERITED
    agents = [a for a in agents if a not in partners]
    if not agents:
        return
    fb.emit(found, agents, rel, partners, sent, FAMILY, clause, da)
    for b in partners:  # "Trump's trade war with Canada": Canada fights back against his state
        sides = [a if da.actors[a].type is not ActorType.PERSON or da.actors[b].type is ActorType.PERSON
                 else state_of(a, da) for a in agents]
        fb.emit(found, [b], rel, [a for a in sides if a and a != b], sent, FAMILY, clause, da)


def state_of(person: str, da: DocActors) -> str | None:
    """The state a person leads or belongs to, by the document's roles."""
    return next((r.org for r in da.roles if r.person == person and r.org in da.actors
                 and da.actors[r.org].type is ActorType.STATE), None)


FAMILY = register("mutual", 1, 0.8, scope="token", order=22, select=select, run=run,
                  cues=lambda lex: set(lex.mutual_nouns))
