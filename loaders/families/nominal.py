"""Event and relation nouns: "Moscow's support for Assad", "Russian air strikes against rebels",
"launched strikes on" (a light verb lends its subject), "talks between X and Y", "the
Iranian-Russian alliance". Trigger: a noun of ``nominals`` (cues.json); its object follows the
type's ``nominal_preps``. Holder nouns ("ally", "foe") go to the holder family.
"""
from __future__ import annotations

from itertools import combinations

from spacy.tokens import Span, Token

from actorgraph.graph import ActorType, RelType

from ..frames import ATTITUDES, INHERITED, MATERIAL, FrameBuilder, Found
from ..mentions import DocActors
from . import holder, register
from .supply import goods_type


def select(fb: FrameBuilder, tok: Token, low: str) -> bool:
    return tok.pos_ in ("NOUN", "PROPN") and (low in fb.lex.nominals or tok.lower_ in fb.lex.nominals)


def run(fb: FrameBuilder, noun: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    low = noun.lemma_.lower()
    rel = lex.nominals.get(low) or lex.nominals[noun.lower_]
    if rel is RelType.LEADS or da.at(noun):
        return  # titles are roles, found during resolution
    if low in lex.goods_nouns or noun.lower_ in lex.goods_nouns:  # "a weapons package for Ukraine"
        rel = goods_type(fb, [noun], rel)
    if any(c.lower_ in lex.joint_words for c in noun.children) and rel in (RelType.ATTACKS,
                                                                                  RelType.COOPERATES_WITH):
        rel = RelType.COOPERATES_WITH  # "joint operations with Congolese troops", "a joint Iranian-Russian effort"
    objects = fb.pobj_actors(noun, lex.nominal_preps.get(rel, set()) - {"between"}, da, targets=True,
                             hostile=rel in MATERIAL, owners="acts" if rel is RelType.SUPPORTS else rel in ATTITUDES)
    mods, leaders = [], []
    for k in noun.lefts:
        if k.dep_ == "det":
            continue
        for t in k.subtree:
            a = da.modifier(t)
            head = t.head if t.head.lower_ in lex.backed else t.doc[t.i + 2] if t.i + 2 < len(t.doc) else t
            if a and lex.backed.get(head.lower_) is RelType.LEADS and not rel.symmetric:
                leaders.append(a)  # "the Washington-led war against IS": who leads an act does it
            if t.head.lower_ in lex.backed or (t.i + 2 < len(t.doc) and t.doc[t.i + 2].lower_ in lex.backed
                                               and t.doc[t.i + 1].text == "-") or (
                    t.head.tag_ == "VBN" and t.head.dep_ == "amod"):
                continue  # "an Iranian-backed faction", "an EU-drafted deal": not a party to it
            if a and a not in mods and (t.dep_ in ("poss", "amod", "compound", "nmod", "npadvmod", "conj")
                                        or da.at(t)):
                mods.append(a)
    slot = noun.dep_  # the noun's place under ``gov``, which a quantity lends it
    gov = noun.head if noun.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass", "appos", "conj", "oprd") \
        else None
    if gov is not None and gov.dep_ == "prep" and noun.dep_ == "pobj":
        gov = gov.head  # "emerged as the RSF's backer", "acts as a mediator"
        if (gov.lower_ in lex.quantities or gov.lower_ in lex.counted_plurals) \
                and gov.dep_ in ("dobj", "nsubj", "nsubjpass") and gov.head.i != gov.i:
            slot, gov = gov.dep_, gov.head  # "suspended some of its assistance", "carried out a series of strikes"
    for rc in (c for c in noun.children if c.dep_ == "relcl" and c.lemma_.lower() in lex.light_verbs):
        # "lifting the sanctions Washington has imposed on Moscow": the relative clause states the act,
        # by its own subject, whatever the clause above does to the noun
        doers = [a for k in rc.children if k.dep_ == "nsubj" and k.lower_ not in lex.relative_pronouns
                 for a in fb.actors(k, da)]
        targets = objects + [a for a in fb.pobj_actors(rc, lex.nominal_preps.get(rel, set()) - {"of", "between"}, da,
                                                       targets=True, hostile=rel in MATERIAL) if a not in objects]
        if doers and targets and not mods:
            fb.emit(found, doers, rel, targets, sent, FAMILY, fb.clause(rc, sent, da), da)
            return
    if gov is not None and slot == "dobj" and rel in (RelType.CRITICIZES, RelType.THREATENS) \
            and gov.lemma_.lower() in lex.dismissal_verbs:
        return  # "dismissed concerns about X's threat": no criticism of X by the one who dismisses them
    # "urged X to end its support for Y", "called on X to lift its sanctions": what X is asked to stop, X does
    demand = _demand(gov, lex) if gov is not None and gov.lemma_.lower() in lex.ending_verbs | lex.cessation_verbs \
        else None
    if gov is not None and (rel.polarity > 0 or (rel is RelType.SANCTIONS and slot == "dobj")) \
            and (gov.lemma_.lower() in lex.ending_verbs or any(k.dep_ == "prt" and k.lower_ == "off" for k in gov.children)
                 or suspends(gov, lex)):
        if demand is None:
            return  # "cut diplomatic ties with Qatar", "lifted its tariffs on Peru": the verb says the opposite
    clause = fb.clause_above(noun, sent, da) if demand is None else fb.clause(demand, sent, da)
    if demand is not None:  # "urged X to end its support for Y": X supports Y, as yet
        clause.factor *= 0.9
    if low in lex.holder_nouns or noun.lower_ in lex.holder_nouns:
        holder.run(fb, noun, rel, mods, objects, gov, sent, da, found, clause)
        return
    between = fb.pobj_actors(noun, {"between"}, da) + [  # "a truce brokered by X between A and B"
        a for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN" for a in fb.pobj_actors(c, {"between"}, da)]
    subjects = (mods[:1] or leaders[:1]) + fb.pobj_actors(noun, {"by", "from"}, da)
    for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"
                and c.lemma_.lower() not in lex.mediation_words):  # a truce brokered by X: X is no party
        # "the pressure exerted by Nusra and ISIS on the airbases"
        subjects += [a for k in acl.children if k.dep_ == "agent" for p in k.children for a in fb.actors(p, da)]
        objects += fb.pobj_actors(acl, lex.nominal_preps.get(rel, set()), da, targets=True,
                                     hostile=rel in MATERIAL, owners=rel in ATTITUDES)
    under = _under(fb, noun, rel, da)
    if under is not None:  # "the convoy came under attack from X": the one under it is its target
        patients, more = under
        subjects = [a for a in dict.fromkeys(subjects + more) if a not in patients]
        if rel is RelType.ATTACKS and low in lex.figurative_fire and all(
                da.actors[a].type is ActorType.PERSON for a in patients):
            rel = RelType.CRITICIZES  # "the minister came under fire from the opposition"
        fb.emit(found, subjects, rel, patients, sent, FAMILY, clause, da)
        return
    factor = 1.0
    light = gov is not None and gov.pos_ == "VERB" and (
        (slot == "dobj" and (gov.lemma_.lower() in lex.light_verbs or not (gov.lemma_.lower() in lex.verbs or (
            rel in (RelType.THREATENS, RelType.CRITICIZES) and gov.lemma_.lower() in lex.say_verbs | lex.hedge_verbs))))
        # (saying a threat is there makes none: "acknowledged pressures on X" exerts none)
        or (noun.dep_ == "pobj" and noun.head.lower_ == "with" and gov.lemma_.lower() in lex.light_verbs)
        or (slot == "dobj" and rel is not RelType.MEETS  # "welcomed closer ties with X"
            and lex.verbs.get(gov.lemma_.lower()) is RelType.MEETS)
        or (noun.dep_ == "pobj" and rel is RelType.MEETS  # "brokered it after meetings with X"
            and noun.head.lower_ in lex.meeting_time_preps)
        or lex.verbs.get(gov.lemma_.lower()) is rel)  # "warns of severe consequences for Iran"
    if not subjects and light:  # "Russia launched air strikes against ISIS"
        subjects, factor = fb.subjects(gov, da)
    if not subjects and not light and objects:  # "flew to Rome for talks with Y", "during operations against X"
        subjects, factor = fb.adjunct_agents(noun, rel, da), INHERITED
    if light and not objects:  # "declared war on Rwanda", "brokered a truce between X and Y"
        between = between or fb.pobj_actors(gov, {"between"}, da)
        objects = fb.pobj_actors(gov, lex.nominal_preps.get(rel, set()) - {"of", "between"}, da,
                                    targets=True, hostile=rel in MATERIAL)
    clause.factor *= factor
    if rel.polarity < 0 and slot == "dobj" and gov.lemma_.lower() in lex.rehearsal_verbs:
        rel = RelType.THREATENS  # "the army rehearsed a blockade of the island"
    if rel.polarity < 0 and slot == "dobj" and gov.lemma_.lower() in lex.facing_verbs and subjects:
        # "Seoul must lift the ban or face sanctions from Tokyo": Tokyo threatens Seoul
        rel, objects = RelType.THREATENS, [a for a in fb.subjects(gov, da)[0] if a not in subjects]
    if rel.symmetric and not objects:
        # "talks between X and Y", "the deal signed by X and Y", "the Iranian-Russian alliance",
        # "Beijing and Moscow declared a partnership"
        agents = [a for a in subjects if a not in mods]
        if light and not agents:
            agents = fb.subjects(gov, da)[0]  # "X and Y accepted an agreement"
        pools = [p for p in (between, agents) if len(p) > 1] or \
            [list(dict.fromkeys(mods + between + agents))]
        for pool in pools:
            for a, b in combinations(list(dict.fromkeys(pool)), 2):
                fb.emit(found, [a], rel, [b], sent, FAMILY, clause, da)
        return
    if subjects and objects:
        fb.emit(found, subjects, rel, objects, sent, FAMILY, clause, da)


def suspends(verb: Token, lex) -> bool:
    """"put X on hold", "put X on ice": the verb suspends X."""
    return verb.lemma_.lower() in lex.suspending_verbs and any(k.dep_ == "prep" and k.lower_ == "on" and any(p.lower_ in lex.suspension_nouns for p in k.children)
               for k in verb.children)


def _demand(verb: Token, lex) -> Token | None:
    """The demand verb ``verb`` is what someone is urged to do by ("urged X to end ...", "called on X
    to lift ...")."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    if verb.dep_ in ("xcomp", "advcl", "ccomp") and verb.head.lemma_.lower() in lex.demand_verbs:
        return verb.head
    return None


def _under(fb: FrameBuilder, noun: Token, rel: RelType, da: DocActors) -> tuple[list[str], list[str]] | None:
    """Who is "under" a noun of ``under_nouns`` (a hostile or protecting act), and its agents hung on that clause's verb:
    "the convoy came under attack from X", "Iran, under US sanctions, ...", "lived under Russian
    protection". None where the noun is not under anything."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "under" or not {noun.lower_, noun.lemma_.lower()} & fb.lex.under_nouns:
        return None
    host = noun.head.head
    if host.pos_ in ("VERB", "AUX"):
        return fb.subjects(host, da)[0], fb.pobj_actors(host, {"from", "by"}, da)
    return fb.actors(host, da), []


FAMILY = register("nominal", 1, 0.8, scope="token", order=20, select=select, run=run,
                  cues=lambda lex: set(lex.nominals))
