"""Verbs: active and passive, with their subjects, objects and prepositional objects.

Trigger: a verb lemma of ``verbs`` (cues.json), or lemma plus particle, preposition or object
noun of ``phrasal`` ("stand by", "hold talks"); ``reverse_verbs`` take their object as the
member ("a bloc that includes Rwanda"); ``complaint_verbs`` criticise the subject of their
clause, or what they are about (``complaint_preps``; ``protest_verbs`` oppose it); ``naming_verbs`` criticise when they name an insult; ``approval_verbs`` support the owner
of an act they take up ("welcomed the Swedish statement"). Supply and receive verbs go to the
supply family first. A warning that a hostile act will happen is a threat by the warner.
"""
from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span, Token

from actorgraph.graph import ActorType, RelType

from ..frames import SUBJ, FrameBuilder, Found
from ..mentions import DocActors
from . import nominal, register, supply
from .together import together


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.pos_ in ("VERB", "AUX") or (tok.pos_ == "ADJ" and tok.dep_ == "acl")


def cues(lex) -> set[str]:
    return set(lex.verbs) | set(lex.reverse_verbs) | lex.naming_verbs | lex.complaint_verbs | lex.suspending_verbs \
        | {p.split()[0] for p in lex.phrasal}


def run(fb: FrameBuilder, verb: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    lemma = verb.lemma_.lower()
    if nominal.suspends(verb, lex):
        lemma = "suspend"  # "put some funding for Kosovo on hold"
    kids = list(verb.children)
    rel = None
    for k in kids:
        if k.dep_ in ("prt", "dobj", "prep", "advmod") and f"{lemma} {k.lower_}" in lex.phrasal:
            rel = lex.phrasal[f"{lemma} {k.lower_}"]
    if rel is None and verb.dep_ == "relcl" and f"{lemma} {verb.head.lemma_.lower()}" in lex.phrasal:
        rel = lex.phrasal[f"{lemma} {verb.head.lemma_.lower()}"]  # "the challenges China poses to Japan"
    if lemma in lex.approval_verbs and any(k.dep_ == "dobj" and {k.lemma_.lower(), k.lower_} & lex.act_nouns
                                           for k in kids):
        rel = RelType.SUPPORTS  # "welcomed the Swedish statement", "accepted an offer from Chile"
    elif lemma in lex.supply_verbs or lemma in lex.receive_verbs:
        if supply.run(fb, verb, lemma, sent, da, found) or lemma not in lex.verbs:
            return
    if rel is None and lemma in lex.reverse_verbs:  # "a bloc that includes Rwanda"
        wholes, _ = fb.subjects(verb, da)
        if lemma in lex.admission_verbs:  # a bloc admits members; a state admits a patient to hospital
            wholes = [w for w in wholes if da.actors[w].type in (ActorType.ORGANIZATION, ActorType.GROUP)]
        parts = [a for k in kids if k.dep_ == "dobj" for a in fb.actors(k, da)]
        fb.emit(found, parts, lex.reverse_verbs[lemma], wholes, sent, FAMILY, fb.clause(verb, sent, da), da)
        return
    if rel is None:
        rel = lex.verbs.get(lemma)
    if rel is None and lemma in lex.complaint_verbs:
        accused = [a for k in kids if k.dep_ == "ccomp" for s in k.children if s.dep_ in SUBJ
                   for a in fb.actors(s, da, targets=True, hostile=True)]  # "a Turkish F-16 had ..."
        kind = RelType.CRITICIZES
        if not accused:  # "complained about X's raids", "rallied to protest against X" (a protest opposes)
            accused = fb.pobj_actors(verb, lex.complaint_preps, da, targets=True, owners=True)
            kind = RelType.OPPOSES if lemma in lex.protest_verbs else kind
        if accused:
            fb.emit(found, fb.subjects(verb, da)[0], kind, accused, sent, FAMILY, fb.clause(verb, sent, da), da)
        return
    naming = None
    if rel is None and lemma in lex.naming_verbs:
        # "called X a puppet", "called Y's move unacceptable", "dismissed Z's report as propaganda";
        # "profiled X as a hero" supports X
        named = [p for k in kids if k.dep_ == "prep" and k.lower_ == "as" for p in k.children if p.dep_ == "pobj"]
        words = {k.lemma_.lower() for k in kids + named if k.dep_ in ("oprd", "dobj", "attr", "xcomp", "acomp",
                                                                     "ccomp", "pobj", "amod")
                 for k in (k, *k.children) for k in (k, *k.conjuncts)}
        rel = RelType.CRITICIZES if words & lex.insults else RelType.SUPPORTS if words & lex.praise_words else None
        naming = [k for k in kids if k.dep_ == "oprd" and k.pos_ in ("NOUN", "PROPN")
                  and k.lemma_.lower() not in lex.insults | lex.praise_words]  # "called the EU move disappointing"
    if rel is None:
        return
    for k in kids:  # the instrument names the act: "punished Kenya with massacres"
        if k.dep_ == "prep" and k.lower_ == "with":
            means = [lex.nominals.get(p.lemma_.lower()) for p in k.children if p.dep_ == "pobj"]
            if means and means[0] in (RelType.ATTACKS, RelType.SANCTIONS) and rel.polarity < 0 \
                    and rel is not RelType.THREATENS:  # "threatened X with tariffs" stays a threat
                rel = means[0]
    warner = _warner(fb, verb, rel, da)
    if warner:  # "X warned that his fighters will strike Y": a threat by X, not yet an attack
        objects, _ = fb.objects(verb, rel, da, fb.preps(lemma, rel))
        clause = fb.clause(verb.head, sent, da)
        fb.emit(found, warner, RelType.THREATENS, objects, sent, FAMILY, clause, da)
        return
    subjects, factor = fb.subjects(verb, da)
    mutual = lemma in lex.mutual_verbs
    objects, pattern = fb.objects(verb, rel, da, fb.preps(lemma, rel) | ({"with"} if mutual else set()))
    if naming and not objects:  # the named thing parsed as a predicate: its owner is the target
        objects = [a for k in naming for a in fb.actors(k, da, owners=True)]
    if pattern == "stative":
        subjects = [a for k in kids if k.dep_ == "nsubjpass" for a in fb.actors(k, da)]
        objects, pattern = fb.pobj_actors(verb, {"to", "with"}, da), "verb"
    if not subjects:
        return
    clause = fb.clause(verb, sent, da)
    clause.factor *= factor
    together(fb, verb, subjects, sent, da, found, clause)
    if not objects:
        mutual = mutual or any(t.lower_ in lex.reciprocal_words for t in verb.subtree)
        if (rel.symmetric or mutual) and len(subjects) > 1:
            # "Riyadh and Tehran agreed", "X and Y met", "Armenia and Azerbaijan clashed" (both ways)
            for a, b in combinations(subjects, 2):
                fb.emit(found, [a], rel, [b], sent, FAMILY, clause, da)
                if not rel.symmetric:
                    fb.emit(found, [b], rel, [a], sent, FAMILY, clause, da)
        return
    if rel is RelType.SANCTIONS:  # "Pashinyan froze Armenia's participation": his own state's act
        own = {r.org for r in da.roles if r.person in subjects}
        objects = [o for o in objects if o not in own]
    if rel is RelType.SUPPORTS and verb.dep_ in ("advcl", "xcomp") and verb.head.lemma_.lower() in lex.supply_verbs \
            and any(k.dep_ in ("dobj", "nsubj") and k.lemma_.lower() in lex.military_goods for k in verb.head.children):
        rel = RelType.PROVIDES_MILITARY_AID  # "sent troops to help Kinshasa", "troops deployed to help X"
    if lemma in lex.territorial_verbs:  # "seized Mocimboa da Praia": a name the tagger guessed is a town
        objects = [o for o in objects if o not in da.actors or da.actors[o].known
                   or da.actors[o].type is ActorType.STATE]  # (not in actors: a gazetteer demonym)
    if lemma in lex.co_present_verbs and len(subjects) > 1:  # "A and B met C": all three were there
        for a, b in combinations(subjects, 2):
            fb.emit(found, [a], rel, [b], sent, VARIANTS[pattern], clause, da)
    if lemma in lex.founding_verbs:  # joining or founding an alliance is membership
        if lemma not in lex.joining_verbs:  # a party founded by a politician: his, but not as a member state's
            subjects = [a for a in subjects if da.actors[a].type is not ActorType.PERSON]
        groups = [o for o in objects if o in da.actors
                  and da.actors[o].type in (ActorType.ORGANIZATION, ActorType.GROUP)]
        if groups:
            fb.emit(found, subjects, RelType.MEMBER_OF, groups, sent, VARIANTS[pattern], clause, da)
        objects = [o for o in objects if o not in groups]
    fb.emit(found, subjects, rel, objects, sent, VARIANTS[pattern], clause, da)
    if mutual and pattern == "verb" and any(k.dep_ == "dobj" for k in kids):
        # "exchanged fire with Y": what is exchanged, both sides did
        partners = [o for o in fb.pobj_actors(verb, {"with"}, da, targets=True) if o in objects]
        fb.emit(found, partners, rel, subjects, sent, VARIANTS[pattern], clause, da)


def _warner(fb: FrameBuilder, verb: Token, rel: RelType, da: DocActors) -> list[str]:
    """The actors who warn or vow that ``verb`` (a hostile act, in the future) will happen;
    also a speaker announcing his own side's coming attacks ("Houthi forces would keep firing
    at Israel", said their spokesman)."""
    if rel.polarity >= 0:
        return []
    head = verb
    while head.dep_ in ("conj", "xcomp"):
        head = head.head
    if not any(k.lower_ in fb.lex.future_auxiliaries for t in (verb, head) for k in t.children):
        return []
    if head.dep_ != "ccomp":
        return []
    gov = head.head
    if gov.lemma_.lower() in fb.lex.warning_verbs:
        return fb.subjects(gov, da)[0]
    if gov.lemma_.lower() in fb.lex.say_verbs:
        speakers = fb.subjects(gov, da)[0]
        doers = fb.subjects(verb, da)[0]
        own = set(speakers) | {r.org for r in da.roles if r.person in speakers}
        if speakers and doers and set(doers) <= own:
            return list(dict.fromkeys(speakers + doers))
    return []


FAMILY = register("verb", 1, 0.9, scope="token", order=10, select=select, run=run, cues=cues)
PASSIVE = register("passive", 1, 0.85)
VARIANTS = {"verb": FAMILY, "passive": PASSIVE}
