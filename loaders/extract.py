"""Relation extraction from the dependency parse.

Patterns, each with its own base confidence:
  verb      active/passive verbs with subjects, objects and prepositional objects
  supply    "send/supply/deliver X to Y": the goods decide military aid or aid
  receive   "Y received weapons from X"
  nominal   "Moscow's support for Assad", "Russian air strikes against rebels",
            "launched strikes on", "the Iranian-Russian alliance"
  holder    "Russia, an ally of Damascus", "Syria's foe Israel", "X is Y's backer"
  backed    "the Iranian-backed Hezbollah", "Saudi-led coalition"
  role      titles and appositions (from resolution): LEADS / MEMBER_OF
  surface   word order, where the tagger missed a verb ("Russia and Iran back Assad")
Negation drops a statement ("refused to back" turns support into OPPOSES);
a refusal keeps it as OPPOSES with ``negated`` set; conditionals and questions drop it; modality, hedges and claims keep it with
the ``hedged`` flag and lower confidence; "X said Y attacked Z" keeps Y->Z
with ``reported`` set and X as the speaker.
"""
from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from spacy.tokens import Doc, Span, Token

from actorgraph.graph import ActorType, RelType

from .lexicon import Lexicon
from .resolve import DocActors, word_hashes

BASE = {"verb": 0.9, "passive": 0.85, "supply": 0.85, "receive": 0.8, "nominal": 0.8,
        "holder": 0.8, "backed": 0.85, "role": 0.9, "surface": 0.7}
HEDGED = 0.55
REPORTED = 0.85
INHERITED = 0.9
POSITIVE_FLIPS = {RelType.SUPPORTS, RelType.COOPERATES_WITH, RelType.AGREES_WITH,
                  RelType.PROVIDES_AID, RelType.PROVIDES_MILITARY_AID, RelType.MEETS}
SUBJ = ("nsubj", "nsubjpass", "csubj")
QUANTITIES = {"some", "most", "much", "part", "all", "many", "half", "parts", "portion", "share", "bulk"}
#: Verbs about another actor's act: "slammed sanctions against Iran" is about the sanctions' owner.
ATTITUDES = {RelType.CRITICIZES, RelType.OPPOSES, RelType.SUPPORTS, RelType.THREATENS}
RELATIVE = {"who", "which", "that", "whom"}
#: Acts on things: any noun an actor modifies is a target ("struck Houthi radar sites").
MATERIAL = {RelType.ATTACKS, RelType.SANCTIONS}


def hyphenated(tok: Token) -> str:
    """The whole hyphenated word a token ends, lower-cased ("build-up" for "up"), else ""."""
    doc, i = tok.doc, tok.i
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and not doc[i - 1].whitespace_:
        return f"{doc[i - 2].lower_}-{tok.lower_}"
    return ""


@dataclass
class Found:
    subject: str
    type: RelType
    object: str
    sentence: Span
    confidence: float
    pattern: str
    negated: bool = False
    hedged: bool = False
    reported: bool = False
    speaker: str | None = None


@dataclass
class Clause:
    """What the clause around a predicate does to an assertion."""

    drop: bool = False
    refused: bool = False
    hedged: bool = False
    reported: bool = False
    speaker: str | None = None
    threatened: bool = False
    factor: float = 1.0


class Extractor:
    def __init__(self, lexicon: Lexicon, vocab):
        self.lex = lexicon
        lex = lexicon
        cue_words = (set(lex.verbs) | set(lex.nominals) | set(lex.backed) | lex.supply_verbs | lex.receive_verbs
                     | set(lex.reverse_verbs) | lex.naming_verbs | {p.split()[0] for p in lex.phrasal} | lex.together
                     | lex.complaint_verbs | set(lex.stance_adjectives))
        self.cue_hashes = word_hashes(vocab, cue_words)

    # -- actors at a token ------------------------------------------------
    def actors(self, tok: Token, da: DocActors, *, targets: bool = False, hostile: bool = False,
               owners: bool = False) -> list[str]:
        """Actors a noun phrase names, its conjuncts included.

        ``targets``: also "Houthi positions", "positions of the rebels" (the head is a target
        noun); ``hostile``: any noun an actor modifies ("struck Houthi radar sites"); ``owners``:
        the state behind an act ("concern about the Serbian build-up", "Moscow's decision").
        """
        out: list[str] = []
        for t in (tok, *tok.conjuncts):
            a = da.at(t)
            if a is not None and t.lower_ in self.lex.titles:  # "Niger's ruler, General X, ...": the person acts
                a = next((da.at(c) for c in t.children if c.dep_ == "appos" and da.at(c)
                          and da.actors[da.at(c)].type is ActorType.PERSON), a)
            if a is None and t.dep_ == "appos" and da.at(t.head):  # "X, a coalition that includes Y"
                a = da.at(t.head)
            if a is None and targets and (hostile or t.lemma_.lower() in self.lex.target_nouns) \
                    and t.pos_ in ("NOUN", "PROPN"):
                mods = [m for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                        for m in (c, *c.conjuncts) if da.modifier(m)]  # "Saudi and Emirati oil sites"
                for m in mods[1:]:
                    if da.modifier(m) not in out:
                        out.append(da.modifier(m))
                a = da.modifier(mods[0]) if mods else None
                if a is None:
                    # "positions of the rebels"; hostile also "a general in the Rwandan army"
                    a = next((da.at(p) for c in t.children if c.dep_ == "prep"
                              and (c.lower_ == "of" or (hostile and c.lower_ == "in"))
                              for p in c.children if p.dep_ == "pobj" and da.at(p)), None)
            if a is None and owners and t.pos_ == "NOUN":
                acts = bool({t.lemma_.lower(), t.lower_, hyphenated(t)} & self.lex.act_nouns)
                if acts or owners != "acts":
                    a = next((da.modifier(c) for c in t.children if (c.dep_ == "amod" and c.i in da.modifiers)
                              or (c.dep_ == "poss" and da.at(c)) or (acts and c.dep_ in ("compound", "nmod") and da.at(c))),
                             None)
            if a is None and t.pos_ == "NOUN":  # "a network known as the Cartel de los Soles"
                a = next((da.at(p) for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in ("know", "call", "name")
                          for q in c.children if q.dep_ in ("prep", "oprd") for p in (q, *q.children)
                          if p.dep_ in ("pobj", "oprd") and da.at(p)), None)
            if a is None and t.lower_ in RELATIVE and t.head.dep_ == "relcl":
                a = da.at(t.head.head)
            if a is None and t.pos_ in ("NOUN", "PROPN"):  # "the UN envoy, Hans Grundberg, met ..."
                a = next((da.at(c) for c in t.children if c.dep_ == "appos" and da.at(c)), None)
                if a is not None and da.actors[a].type is ActorType.PERSON:  # "the two presidents, X and Y"
                    out += [x for c in t.children if c.dep_ == "appos" and da.at(c)
                            for x in self._named_conjuncts(c, da) if x != a and x not in out]
            if (a is None or self._collective(a, da)) and self._agent_noun(t):
                # "troops from Chad and Niger", "peacekeepers of KFOR", "militants from JNIM"
                from_ = [x for c in t.children if c.dep_ == "prep" and c.lower_ in ("from", "of")
                         for p in c.children if p.dep_ == "pobj" for x in self.actors(p, da)]
                out += [x for x in from_[1:] if x not in out]
                a = from_[0] if from_ else a
            if a and da.at(t) == a and da.actors[a].type is not ActorType.PERSON:
                m = da.by_token[t.i]
                for c in t.children:  # the other demonyms of the same agent noun (not of its name:
                    if c.dep_ == "amod" and not m.start <= c.i < m.end:  # "Syrian Democratic Forces")
                        out += [da.modifiers[x.i] for x in (c, *c.conjuncts)
                                if da.modifiers.get(x.i) and da.modifiers[x.i] not in out and da.modifiers[x.i] != a]
            if a and a not in out:
                out.append(a)
            if a and da.actors[a].type is ActorType.STATE:  # "Mali, Burkina Faso and Niger" read as apposition
                for c in t.children:
                    if c.dep_ == "appos" and da.at(c) and da.actors[da.at(c)].type is ActorType.STATE:
                        out += [x for x in [da.at(c)] + [da.at(k) for k in c.conjuncts] if x and x not in out]
        return out

    # -- clause context ------------------------------------------------------
    def clause(self, pred: Token, sent: Span, da: DocActors) -> Clause:
        lex = self.lex
        c = Clause()
        if pred.dep_ == "acl" and pred.head.lemma_.lower() in lex.refusal_nouns:
            c.refused = True  # "the refusal to recognise Kosovo"
        cur = pred
        own = False  # past a coordinated clause with its own subject: its negation is not ours
        came_by = ""  # how we reached ``cur`` from the clause below it
        while True:
            kids = list(cur.children)
            if not own and (any(k.dep_ == "neg" or k.lower_ in ("never", "not", "n't") for k in kids) or any(
                    t.lower_ in ("neither", "nor") for k in kids if k.dep_ in SUBJ for t in k.subtree)):
                if cur is pred and any(k.dep_ == "aux" and k.lower_ in ("will", "would", "'ll", "wo") for k in kids):
                    c.refused = not c.refused  # "would never recognise Kosovo", "won't back X": a refusal
                elif cur is pred or not c.refused:
                    c.drop = True
            if any(k.dep_ == "mark" and k.lower_ in lex.condition_marks for k in kids):
                c.drop = True
            if any(k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in k.children)
                   for k in kids):
                c.drop = True  # the consequent of a conditional
            if any(k.dep_ in ("aux", "advmod") and k.lower_ in lex.hedge_words for k in kids):
                c.hedged = True
            lemma = cur.lemma_.lower()
            if cur is not pred and came_by != "conj":  # "refused X and attacked Y": the attack stands
                if lemma in lex.refusal_verbs:
                    c.refused = not c.refused
                    c.drop = c.drop and False
                if lemma == "deny":
                    c.drop = True  # "denies arming the group"
                if came_by == "pcomp" and lemma in ("accuse", "blame", "charge", "suspect"):
                    c.hedged = True  # "accused of harbouring the Taliban": a claim, not a finding
                if lemma == "threaten":
                    c.threatened = True
                elif lemma in lex.hedge_verbs:
                    c.hedged = True
            for k in kids:
                if k.dep_ == "prep" and k.lower_ == "according":
                    c.reported = True
                    c.speaker = next((p.text for p in k.subtree if da.at(p)), c.speaker)
            if cur.dep_ in ("xcomp", "conj", "pcomp") or (cur.dep_ == "advcl" and (cur.tag_ == "VBG" or any(
                    k.dep_ == "aux" and k.lower_ == "to" for k in kids))):  # purpose: "stepping up to defend X"
                if cur.dep_ == "xcomp":
                    c.factor *= 0.95
                if cur.dep_ == "conj" and any(k.dep_ in SUBJ for k in kids):
                    own = True
                came_by = cur.dep_
                cur = cur.head.head if cur.dep_ == "pcomp" and cur.head.dep_ == "prep" else cur.head
                continue
            if cur.dep_ in ("ccomp", "advcl", "relcl", "acl") and cur.head.i != cur.i:
                head = cur.head
                hl = head.lemma_.lower()
                if cur.dep_ == "ccomp" and hl in lex.say_verbs:
                    c.reported = True
                    subj = next((k for k in head.children if k.dep_ in SUBJ), None)
                    if subj is not None:
                        c.speaker = " ".join(t.text for t in subj.subtree)
                    if hl in ("claim", "allege", "believe", "think", "suggest", "deny"):
                        c.hedged = True
                    if hl == "deny":
                        c.drop = True
                elif cur.dep_ == "ccomp" and hl in lex.hedge_verbs:
                    c.hedged = True
                if cur.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in lex.condition_marks
                                               for k in cur.children):
                    c.drop = True
                if cur.dep_ in ("ccomp",):
                    came_by = cur.dep_
                    cur = head
                    continue
                if cur.dep_ == "acl" and head.dep_ in ("dobj", "nsubj", "pobj") and head.head.pos_ in ("VERB", "AUX"):
                    # "I cannot imagine the U.N. stepping up to defend Israel": the verb above the noun rules
                    came_by = "acl"
                    cur = head.head
                    continue
            break
        return c

    # -- subjects and objects of a verb -------------------------------------
    def subjects(self, verb: Token, da: DocActors, depth: int = 0) -> tuple[list[str], float]:
        if depth > 4:
            return [], 1.0
        subs = [k for k in verb.children if k.dep_ == "nsubj"] or [
            k for a in verb.children if a.dep_ == "aux" for k in a.children if k.dep_ == "nsubj"]  # misattached
        found = [a for k in subs for a in self.actors(k, da)]
        if not found:
            for k in subs:
                # "Moscow says it is targeting ISIS": the pronoun is the speaker
                spoken = verb.dep_ == "ccomp" and verb.head.lemma_.lower() in self.lex.say_verbs
                if spoken and (k.lower_ in ("it", "they", "we") or any(
                        c.dep_ == "poss" and c.lower_ in ("its", "their", "our") for c in k.children)):
                    found = self.subjects(verb.head, da, depth + 1)[0]  # "Jordan says its air force ..."
                # "Russia's air strikes hit ...", "many of Russia's air strikes"
                owner = k
                if k.lower_ in QUANTITIES | {"one"}:
                    owner = next((p for c in k.children if c.lower_ == "of" for p in c.children), k)
                if owner.lemma_.lower() in self.lex.nominals:
                    found += [da.at(c) for c in owner.children if c.dep_ == "poss" and da.at(c)]
        if found or any(k.lower_ not in RELATIVE for k in subs):
            return found, 1.0
        if any(k.dep_ == "nsubjpass" for k in verb.children):
            for k in verb.children:
                if k.dep_ == "agent":
                    return [a for p in k.children if p.dep_ == "pobj" for a in self.actors(p, da)], 1.0
            if depth and verb.lemma_.lower() in self.lex.say_verbs | self.lex.hedge_verbs | {"expect", "report"}:
                # "Japan is expected to sign ...": the raised subject is the actor
                return [a for k in verb.children if k.dep_ == "nsubjpass" for a in self.actors(k, da)], 1.0
            return [], 1.0
        if verb.dep_ == "acl" and verb.tag_ != "VBN":  # "Belgrade's refusal to recognise Kosovo"
            owner = [da.at(c) for c in verb.head.children if c.dep_ == "poss" and da.at(c)]
            if owner:
                return owner, 1.0
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ != "VBN"):
            found = self.actors(verb.head, da)
            noun = verb.head  # "spent the first weeks (of the transition) pounding X": through "of"
            while not found and verb.dep_ == "acl" and noun.dep_ == "pobj" and noun.head.lower_ == "of" \
                    and noun.head.head.pos_ == "NOUN":
                noun = noun.head.head
            if not found and noun.dep_ in ("attr", "dobj", "oprd") and noun.head.pos_ in ("VERB", "AUX"):
                return self.subjects(noun.head, da, depth + 1)
            return found, 1.0
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            for k in verb.children:
                if k.dep_ == "agent":
                    return [a for p in k.children if p.dep_ == "pobj" for a in self.actors(p, da)], 1.0
            return [], 1.0
        head = verb.head
        if verb.dep_ == "xcomp":
            if head.lemma_.lower() in self.lex.object_control:
                obj = [a for k in head.children if k.dep_ == "dobj" for a in self.actors(k, da)]
                if obj:
                    return obj, 1.0
            s, f = self.subjects(head, da, depth + 1)
            return s, f
        if verb.dep_ == "pcomp" and head.dep_ == "prep":
            gov = head.head
            if gov.pos_ != "VERB":  # only "X joined Y and others in recognising Z" reaches past a noun
                up = gov
                while up.pos_ != "VERB" and up.dep_ in ("conj", "dobj") and up.head.i != up.i:
                    up = up.head
                if up.lemma_.lower() != "join":
                    return [], 1.0
                gov = up
            obj = [a for k in gov.children if k.dep_ == "dobj" for a in self.actors(k, da)]
            if obj and gov.lemma_.lower() in ("accuse", "blame", "charge", "condemn", "criticize", "criticise",
                                              "denounce", "slam", "fault", "praise", "commend", "thank", "punish",
                                              "sanction"):
                return obj, INHERITED
            s, f = self.subjects(gov, da, depth + 1)
            if gov.lemma_.lower() == "join":  # "X joined Y in recognising Z": both did
                s = s + [a for k in gov.children if k.dep_ == "dobj" for a in self.actors(k, da) if a not in s]
            return s, f * INHERITED
        if verb.dep_ == "conj" and any(k.dep_ == "nsubjpass" for k in head.children):
            # "M23 was defeated by X ... and has been fighting Y": the shared subject is M23
            return [a for k in head.children if k.dep_ == "nsubjpass" for a in self.actors(k, da)], INHERITED
        if verb.dep_ in ("ROOT", "conj") and not subs:
            lost = self._lost_subject(verb, da)
            if lost:
                return lost, 0.8
        if verb.dep_ == "conj" or (verb.dep_ == "advcl" and (verb.tag_ == "VBG" or any(
                k.dep_ == "aux" and k.lower_ == "to" for k in verb.children))):  # "deployed troops to fight X"
            s, f = self.subjects(head, da, depth + 1)
            return s, f * INHERITED
        return [], 1.0

    @staticmethod
    def _lost_subject(verb: Token, da: DocActors) -> list[str]:
        """Actors just before a verb that the parse gave no subject, read as one: "In February
        Maduro broke ...", "... and on 27 June Congo and Rwanda signed ..." (the names hung on
        the date's preposition)."""
        before = verb.doc[verb.i - 1] if verb.i else None
        while before is not None and before.pos_ in ("ADV", "AUX", "PART") and before.i > 0:
            before = verb.doc[before.i - 1]
        if before is None or not da.at(before) or before.dep_ in ("dobj", "nsubj", "nsubjpass"):
            return []
        first = before
        while first.dep_ == "conj" and da.at(first.head):
            first = first.head
        return list(dict.fromkeys(da.at(t) for t in (first, *first.conjuncts) if da.at(t)))

    def objects(self, verb: Token, rel: RelType, da: DocActors, preps: set[str]) -> tuple[list[str], str]:
        kids = list(verb.children)
        # the passive subject nearest the verb (a parse can hang an earlier clause's subject here too)
        passive = max((k for k in kids if k.dep_ == "nsubjpass"), key=lambda k: (k.i < verb.i, k.i), default=None)
        if passive is not None:
            if not any(k.dep_ == "agent" for k in kids) and self._pobj_actors(verb, {"to", "with"}, da):
                return [], "stative"  # "are opposed to ISIS": handled as active by the caller
            return self.actors(passive, da, targets=True), "passive"
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            head = verb.head
            target = da.at(head) or (da.at(head.head) if head.dep_ == "appos" else None)
            return ([target] if target else []), "passive"
        out: list[str] = []
        material = rel in MATERIAL
        hostile = rel.polarity < 0
        owners = "acts" if rel is RelType.SUPPORTS else rel in ATTITUDES
        if not any(k.dep_ in ("dobj", "dative") for k in kids) and verb.lemma_.lower() in self.lex.object_control:
            out += [a for c in kids if c.dep_ in ("ccomp", "xcomp") for k in c.children
                    if k.dep_ == "nsubj" for a in self.actors(k, da)]  # "helped Israel take down the drones"
        if not any(k.dep_ in ("dobj", "dative") for k in kids):  # "trained and paid Somali units"
            kids += [k for c in kids if c.dep_ == "conj" and c.pos_ == "VERB" for k in c.children if k.dep_ == "dobj"]
        for k in kids:
            if k.dep_ == "dobj" and verb.lemma_.lower() in self.lex.prep_only_verbs:
                # "launched drones towards Israel": the direction hangs off the weapon
                out += [a for a in self._pobj_actors(k, preps, da, targets=True, hostile=material) if a not in out]
                continue
            if k.dep_ in ("dobj", "dative"):
                if k.lower_ in QUANTITIES:  # "suspended some of its assistance to Addis Ababa"
                    k = next((p for c in k.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), k)
                found = self.actors(k, da, targets=rel is not RelType.MEETS, hostile=material, owners=owners)
                event = (self.lex.nominals.get(k.lemma_.lower()) or self.lex.nominals.get(k.lower_)) \
                    if k.pos_ == "NOUN" else None
                if event is not None and event.symmetric and rel in ATTITUDES and rel.polarity < 0 \
                        and (not found or any(c.dep_ == "poss" for c in k.children)):
                    # "denounced the pact between Addis Ababa and Hargeisa", "X's deal with Y": both parties
                    found = self._pobj_actors(k, {"between"}, da) or [
                        a for a in [da.at(c) for c in k.children if c.dep_ == "poss"]
                        + self._pobj_actors(k, {"with"}, da) if a] or found
                if not found and k.pos_ == "NOUN":  # "criticised the EU's sanctions", "rejected an Israeli request"
                    found = [da.modifier(c) for c in k.children if not rel.symmetric
                             and ((c.dep_ == "poss" and da.at(c)) or (hostile and c.dep_ == "amod" and da.modifier(c)))]
                if not found and rel is RelType.MEETS and event is not None and event is not RelType.MEETS:
                    continue  # "welcomed the accord between X and Y" is no meeting with them
                if not found and k.pos_ == "NOUN" and k.lemma_.lower() in self.lex.nominals \
                        and not self.lex.nominals[k.lemma_.lower()].symmetric and rel in ATTITUDES:
                    continue  # "slammed sanctions against Iran": the sanctions' target is not the verb's
                if not found and k.pos_ == "NOUN":  # "suspended aid to Niger", "hosted delegations from X"
                    found = [a for c in k.children if c.dep_ == "prep" and c.lower_ in self._dobj_preps(rel)
                             for p in c.children if p.dep_ == "pobj" for a in self.actors(p, da, targets=True)]
                if (hostile or rel is RelType.MEETS) and (not found or all(self._collective(a, da) for a in found)):
                    found = self._agents_from(verb, k, da) or found  # also "received a delegation from X"
                out += [a for a in found if a not in out]
        for k in kids:
            if (k.dep_ == "prep" or (k.dep_ == "dative" and k.pos_ == "ADP")) and k.lower_ in preps:
                for p in self._pobjs(k, hostile):  # "objected to the American project"
                    found = self.actors(p, da, targets=True, hostile=material, owners=owners)
                    if hostile and (not found or all(self._collective(a, da) for a in found)):
                        found = self._agents_from(verb, p, da) or found
                    out += [a for a in found if a not in out]
            if k.dep_ == "prt":  # "stood by Assad" parsed with a particle
                for p in k.children:
                    if p.dep_ == "pobj":
                        out += [a for a in self.actors(p, da) if a not in out]
        return out, "verb"

    @staticmethod
    def _named_conjuncts(tok: Token, da: DocActors) -> list[str]:
        """People coordinated with ``tok``, also when the parser hung them on an "of" phrase
        ("X of Rwanda and Y of Congo")."""
        out = [da.at(c) for c in tok.conjuncts if da.at(c)]
        out += [da.at(c) for p in tok.children if p.dep_ == "prep" and p.lower_ == "of"
                for q in p.children if q.dep_ == "pobj" for c in q.conjuncts
                if da.at(c) and da.actors[da.at(c)].type is ActorType.PERSON]
        return out

    @staticmethod
    def _collective(actor: str, da: DocActors) -> bool:
        """An unnamed collective ("militants", "protesters"): its name is a common noun."""
        seen = da.actors.get(actor)
        return seen is not None and seen.name.islower()

    def _agents_from(self, verb: Token, noun: Token, da: DocActors) -> list[str]:
        """"killed dozens of fighters from Boko Haram", "clashed with peacekeepers from KFOR":
        the agents' "from" hung on the verb by the parser."""
        if not self._agent_noun(noun):
            return []
        return [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children if p.dep_ == "pobj" for a in self.actors(p, da)]

    def _agent_noun(self, tok: Token) -> bool:
        """"fighters", "militants", or a quantity of them ("dozens of fighters")."""
        def agent(t: Token) -> bool:
            return bool({t.lower_, t.lemma_.lower()} & self.lex.agents_and_groups)
        return agent(tok) or (tok.ent_type_ == "CARDINAL" or tok.lower_ in ("dozens", "hundreds", "thousands", "scores")) \
            and any(agent(p) for c in tok.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")

    @staticmethod
    def _dobj_preps(rel: RelType) -> set[str]:
        if rel.polarity > 0:
            return {"with", "to", "from", "of", "between"}
        if rel.polarity == 0:
            return set()  # "led a coalition against the Houthis" leads the coalition, not the Houthis
        return {"with", "to", "against", "on", "of"}

    def _preps(self, lemma: str, rel: RelType) -> set[str]:
        preps = set(self.lex.verb_preps.get(lemma, ()))
        if rel in (RelType.ATTACKS, RelType.SANCTIONS, RelType.CRITICIZES, RelType.THREATENS):
            preps |= {"against", "on"}
        if rel is RelType.SANCTIONS:
            preps |= {"to"}  # "suspended aid to Niger", "halted arms sales to Riyadh"
        if rel.symmetric:
            preps |= {"with"}
        return preps

    # -- the patterns ------------------------------------------------------
    def extract(self, doc: Doc, da: DocActors) -> list[Found]:
        found: list[Found] = []
        for role in da.roles:
            found.append(Found(role.person, role.type, role.org, role.sentence, BASE["role"], "role"))
        tokens = da.tokens
        text = doc.text
        busy = sorted({tokens.sentence_of(i) for i in (*da.by_token, *da.modifiers)})
        cues = tokens.having(self.cue_hashes)
        for n in busy:
            sent = tokens.sents[n]
            if text[sent.start_char:sent.end_char].rstrip().endswith("?"):
                continue
            lo, hi = np.searchsorted(cues, [sent.start, sent.end])
            for i in cues[lo:hi]:
                tok = doc[int(i)]
                pos = tok.pos_
                low = tok.lemma_.lower()
                if pos in ("VERB", "AUX") or (pos == "ADJ" and tok.dep_ == "acl"):
                    self._verb(tok, low, sent, da, found)
                if pos in ("NOUN", "PROPN") and (low in self.lex.nominals or tok.lower_ in self.lex.nominals):
                    self._nominal(tok, sent, da, found)
                if pos == "ADJ" and tok.dep_ == "acomp" and tok.lower_ in self.lex.stance_adjectives:
                    self._stance(tok, sent, da, found)
                if tok.lower_ in self.lex.backed and tok.dep_ in ("amod", "compound", "acl", "nmod", "npadvmod"):
                    self._backed(tok, sent, da, found)
                if tok.lower_ in self.lex.together and tok.dep_ == "advmod" and tok.head.pos_ == "VERB" \
                        and tok.head.lemma_.lower() not in self.lex.verbs:  # "X and Y ships sail together"
                    subjects = self.subjects(tok.head, da)[0]
                    self._together(tok.head, subjects, sent, da, found, self.clause(tok.head, sent, da))
            odd = any(doc[int(i)].pos_ not in ("VERB", "AUX") and self.lex.verbs.get(doc[int(i)].lemma_.lower())
                      for i in cues[lo:hi])
            if odd and len({da.by_token[i].actor for i in range(sent.start, sent.end) if i in da.by_token}) > 1:
                self._surface(sent, da, found)
        return found

    def _stance(self, adj: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
        """"Eritrea has grown hostile to Addis Ababa", "the militia remains loyal to Tehran"."""
        verb = adj.head
        objects = self._pobj_actors(adj, {"to", "toward", "towards", "with"}, da, owners=True)
        if not objects or verb.pos_ not in ("VERB", "AUX"):
            return
        subjects, factor = self.subjects(verb, da)
        clause = self.clause(verb, sent, da)
        clause.factor *= factor
        self._emit(found, subjects, self.lex.stance_adjectives[adj.lower_], objects, sent, BASE["verb"], "verb",
                   clause, da)

    def _surface(self, sent: Span, da: DocActors, found: list[Found]) -> None:
        """A fallback for verbs the tagger missed ("Russia and Iran back Assad" with "back"
        tagged as an adverb): ACTORS [adverbs] CUE [and CUE] [the] ACTORS, in plain word order."""
        items: list[tuple[str, object, Token]] = []
        for tok in sent:
            m = da.by_token.get(tok.i)
            if m is not None:
                if not items or items[-1][0] != "A" or items[-1][1] != m.actor or m.start == tok.i:
                    items.append(("A", m.actor, tok))
            elif tok.pos_ not in ("VERB", "AUX") and (self.lex.verbs.get(tok.lemma_.lower())
                                                      or self.lex.verbs.get(tok.lower_.rstrip("s"))):
                rel = self.lex.verbs.get(tok.lemma_.lower()) or self.lex.verbs.get(tok.lower_.rstrip("s"))
                items.append(("V", rel, tok))
            elif tok.lower_ in ("and", ",", "both") or tok.pos_ == "DET" and tok.lower_ != "no" \
                    or tok.pos_ == "ADV" and tok.lower_ not in ("not", "never"):
                items.append(("_", None, tok))
            else:
                items.append(("X", None, tok))
        seen = {(f.subject, f.object) for f in found if f.sentence.start == sent.start}
        n = len(items)
        for i, (kind, rel, tok) in enumerate(items):
            if kind != "V":
                continue
            rels = [rel]
            j = i + 1
            while j < n and items[j][0] in ("_", "V"):
                if items[j][0] == "V":
                    rels.append(items[j][1])
                j += 1
            objects = []
            while j < n and items[j][0] in ("A", "_"):
                if items[j][0] == "A":
                    objects.append(items[j][1])
                j += 1
            k = i - 1
            subjects = []
            while k >= 0 and items[k][0] in ("A", "_"):
                if items[k][0] == "A":
                    subjects.insert(0, items[k][1])
                k -= 1
            if not subjects or not objects or (k >= 0 and items[k][2].lower_ in ("of", "by", "to", "with")):
                continue
            if any((a, b) in seen or (b, a) in seen for a in subjects for b in objects):
                continue
            clause = Clause(hedged=any(t.lower_ in self.lex.hedge_words for t in sent))
            for r in dict.fromkeys(rels):
                self._emit(found, subjects, r, objects, sent, BASE["surface"], "surface", clause, da)

    def _emit(self, found, subjects, rel, objects, sent, base, pattern, clause: Clause, da):
        if clause.drop:
            return
        if clause.refused:
            if rel not in POSITIVE_FLIPS:
                return
            rel = RelType.OPPOSES
        if clause.threatened and rel.polarity < 0 and rel is not RelType.THREATENS:
            rel = RelType.THREATENS
        conf = base * clause.factor
        if clause.hedged:
            conf *= HEDGED
        if clause.reported:
            conf *= REPORTED
        certainty = {}
        for i in range(sent.start, sent.end):
            m = da.by_token.get(i)
            if m is not None:
                certainty[m.actor] = max(certainty.get(m.actor, 0.0), m.certainty)
        for s in subjects:
            for o in objects:
                if s != o:
                    c = conf * certainty.get(s, 1.0) * certainty.get(o, 1.0)
                    found.append(Found(s, rel, o, sent, round(c, 4), pattern, clause.refused, clause.hedged,
                                       clause.reported, clause.speaker))

    def _verb(self, verb: Token, lemma: str, sent: Span, da: DocActors, found: list[Found]) -> None:
        lex = self.lex
        kids = list(verb.children)
        rel = None
        for k in kids:
            if k.dep_ in ("prt", "dobj", "prep", "advmod") and f"{lemma} {k.lower_}" in lex.phrasal:
                rel = lex.phrasal[f"{lemma} {k.lower_}"]
        if lemma in lex.supply_verbs or lemma in lex.receive_verbs:
            if self._supply(verb, lemma, sent, da, found) or lemma not in lex.verbs:
                return
        if rel is None and lemma in lex.reverse_verbs:  # "a bloc that includes Rwanda"
            wholes, _ = self.subjects(verb, da)
            parts = [a for k in kids if k.dep_ == "dobj" for a in self.actors(k, da)]
            self._emit(found, parts, lex.reverse_verbs[lemma], wholes, sent, BASE["verb"], "verb",
                       self.clause(verb, sent, da), da)
            return
        if rel is None:
            rel = lex.verbs.get(lemma)
        if rel is None and lemma in lex.complaint_verbs:
            accused = [a for k in kids if k.dep_ == "ccomp" for s in k.children if s.dep_ in SUBJ
                       for a in self.actors(s, da, targets=True, hostile=True)]  # "a Turkish F-16 had ..."
            if accused:
                self._emit(found, self.subjects(verb, da)[0], RelType.CRITICIZES, accused, sent, BASE["verb"],
                           "verb", self.clause(verb, sent, da), da)
            return
        if rel is None and lemma in lex.naming_verbs:
            rel = RelType.CRITICIZES if any(k.dep_ in ("oprd", "dobj", "attr", "xcomp") and k.lemma_.lower() in lex.insults
                                            for k in kids for k in (k, *k.children)) else None
        if rel is None:
            return
        for k in kids:  # the instrument names the act: "punished Kenya with massacres"
            if k.dep_ == "prep" and k.lower_ == "with":
                means = [lex.nominals.get(p.lemma_.lower()) for p in k.children if p.dep_ == "pobj"]
                if means and means[0] in (RelType.ATTACKS, RelType.SANCTIONS) and rel.polarity < 0:
                    rel = means[0]
        warner = self._warner(verb, rel, da)
        if warner:  # "X warned that his fighters will strike Y": a threat by X, not yet an attack
            objects, _ = self.objects(verb, rel, da, self._preps(lemma, rel))
            clause = self.clause(verb.head, sent, da)
            self._emit(found, warner, RelType.THREATENS, objects, sent, BASE["verb"], "verb", clause, da)
            return
        subjects, factor = self.subjects(verb, da)
        objects, pattern = self.objects(verb, rel, da, self._preps(lemma, rel))
        if pattern == "stative":
            subjects = [a for k in kids if k.dep_ == "nsubjpass" for a in self.actors(k, da)]
            objects, pattern = self._pobj_actors(verb, {"to", "with"}, da), "verb"
        if not subjects:
            return
        clause = self.clause(verb, sent, da)
        clause.factor *= factor
        self._together(verb, subjects, sent, da, found, clause)
        if not objects:
            mutual = lemma in lex.mutual_verbs or any(t.lower_ in ("each", "another") for t in verb.subtree)
            if (rel.symmetric or mutual) and len(subjects) > 1:
                # "Riyadh and Tehran agreed", "X and Y met", "Armenia and Azerbaijan clashed" (both ways)
                for a, b in combinations(subjects, 2):
                    self._emit(found, [a], rel, [b], sent, BASE["verb"], "verb", clause, da)
                    if not rel.symmetric:
                        self._emit(found, [b], rel, [a], sent, BASE["verb"], "verb", clause, da)
            return
        if lemma in lex.territorial_verbs:  # "seized Mocimboa da Praia": a name the tagger guessed is a town
            objects = [o for o in objects if o not in da.actors or da.actors[o].known
                       or da.actors[o].type is ActorType.STATE]  # (not in actors: a gazetteer demonym)
        if lemma in ("meet", "visit") and len(subjects) > 1:  # "A and B met C": all three were there
            for a, b in combinations(subjects, 2):
                self._emit(found, [a], rel, [b], sent, BASE[pattern], pattern, clause, da)
        if lemma in ("join", "form", "found", "establish", "co-found"):  # joining or founding an alliance is membership
            if lemma != "join":  # a party founded by a politician: his, but not as a member state's
                subjects = [a for a in subjects if da.actors[a].type is not ActorType.PERSON]
            groups = [o for o in objects if o in da.actors
                      and da.actors[o].type in (ActorType.ORGANIZATION, ActorType.GROUP)]
            if groups:
                self._emit(found, subjects, RelType.MEMBER_OF, groups, sent, BASE[pattern], pattern, clause, da)
            objects = [o for o in objects if o not in groups]
        self._emit(found, subjects, rel, objects, sent, BASE[pattern], pattern, clause, da)

    def _warner(self, verb: Token, rel: RelType, da: DocActors) -> list[str]:
        """The actors who warn or vow that ``verb`` (a hostile act, in the future) will happen;
        also a speaker announcing his own side's coming attacks ("Houthi forces would keep firing
        at Israel", said their spokesman)."""
        if rel.polarity >= 0:
            return []
        head = verb
        while head.dep_ in ("conj", "xcomp"):
            head = head.head
        if not any(k.lower_ in ("will", "would", "'ll") for t in (verb, head) for k in t.children):
            return []
        if head.dep_ != "ccomp":
            return []
        gov = head.head
        if gov.lemma_.lower() in self.lex.warning_verbs:
            return self.subjects(gov, da)[0]
        if gov.lemma_.lower() in self.lex.say_verbs:
            speakers = self.subjects(gov, da)[0]
            doers = self.subjects(verb, da)[0]
            own = set(speakers) | {r.org for r in da.roles if r.person in speakers}
            if speakers and doers and set(doers) <= own:
                return list(dict.fromkeys(speakers + doers))
        return []

    def _together(self, verb: Token, subjects: list[str], sent: Span, da: DocActors, found: list[Found],
                  clause: Clause) -> None:
        """"X and Y together killed ...", "X fought alongside Y": they cooperate."""
        kids = list(verb.children)
        if len(subjects) > 1 and any(k.lower_ in self.lex.together and k.dep_ == "advmod" for k in kids):
            for a, b in combinations(subjects, 2):
                self._emit(found, [a], RelType.COOPERATES_WITH, [b], sent, BASE["verb"], "verb", clause, da)
        partners = [a for k in kids if k.dep_ == "prep" and k.lower_ == "alongside"
                    for p in k.children if p.dep_ == "pobj" for a in self.actors(p, da, targets=True)]
        if partners:
            self._emit(found, subjects, RelType.COOPERATES_WITH, partners, sent, BASE["verb"], "verb", clause, da)

    def _goods_type(self, goods: list[Token], default: RelType | None = None) -> RelType | None:
        """What is supplied decides the type: weapons and troops are military aid."""
        lex = self.lex
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

    def _pobj_actors(self, tok: Token, preps: set[str], da: DocActors, *, targets: bool = False,
                     hostile: bool = False, owners: bool = False) -> list[str]:
        """Actors in the objects of ``tok``'s prepositions named in ``preps``."""
        return [a for k in tok.children if k.dep_ in ("prep", "dative") and k.lower_ in preps
                for p in self._pobjs(k, hostile)
                for a in self.actors(p, da, targets=targets, hostile=hostile, owners=owners)]

    @staticmethod
    def _pobjs(prep: Token, hostile: bool = False) -> list[Token]:
        """The objects of a preposition; for a hostile act also a target the parser read as the
        subject of a clause after it ("fired at Philippine boats resupplying marines")."""
        out = [p for p in prep.children if p.dep_ == "pobj"]
        if hostile:
            out += [q for p in prep.children if p.dep_ == "pcomp" and p.tag_ == "VBG"
                    for q in p.children if q.dep_ == "nsubj"]
        return out

    def _supply(self, verb: Token, lemma: str, sent: Span, da: DocActors, found: list[Found]) -> bool:
        kids = list(verb.children)
        dobj = [k for k in kids if k.dep_ in ("dobj", "nsubjpass")]
        withs = [p for k in kids if k.dep_ == "prep" and k.lower_ == "with" for p in k.children if p.dep_ == "pobj"]
        if lemma in self.lex.receive_verbs:
            rel = self._goods_type(dobj) if dobj else None
            sources = self._pobj_actors(verb, {"from"}, da)
            if rel is None or not sources:
                return False
            recipients, factor = self.subjects(verb, da)
            clause = self.clause(verb, sent, da)
            clause.factor *= factor
            self._emit(found, sources, rel, recipients, sent, BASE["receive"], "receive", clause, da)
            return bool(recipients)
        recipients: list[str] = []
        goods = [d for d in dobj if not da.at(d) or d.lemma_.lower() in self.lex.military_goods]
        if withs and any(da.at(d) for d in dobj):  # "supplied Assad with weapons"
            goods = withs
            recipients = [a for d in dobj if d.dep_ == "dobj" for a in self.actors(d, da)]
        if not goods:
            return False
        rel = self._goods_type(goods)
        if rel is None:
            return False
        for holder in (verb, *goods):
            recipients += self._pobj_actors(holder, {"to", "for", "toward", "towards"}, da, targets=True,
                                            owners="acts")
            recipients += [a for k in holder.children if k.dep_ == "dative" and k.pos_ != "ADP"
                           for a in self.actors(k, da)]
        if not recipients:  # "sold Morocco drones", parsed as if Morocco were a kind of drone
            recipients = [da.at(c) for g in goods for c in g.children
                          if c.dep_ == "compound" and c.pos_ == "PROPN" and da.at(c) and c.i not in da.modifiers]
        if not recipients:  # "sent troops to help the Congolese army"
            recipients = [a for k in kids if k.dep_ in ("xcomp", "advcl") and self.lex.verbs.get(k.lemma_.lower())
                          in (RelType.SUPPORTS, RelType.PROVIDES_AID, RelType.PROVIDES_MILITARY_AID)
                          for d in k.children if d.dep_ == "dobj"
                          for a in self.actors(d, da, targets=True)]
            # "... to help Maputo contain the insurgency"
            recipients += [a for k in kids if k.dep_ in ("xcomp", "advcl") and k.lemma_.lower() == "help"
                           for c in k.children if c.dep_ in ("ccomp", "xcomp")
                           for d in c.children if d.dep_ == "nsubj" for a in self.actors(d, da)]
        subjects, factor = self.subjects(verb, da)
        if any(d.dep_ == "nsubjpass" for d in dobj):
            subjects = self._pobj_actors(verb, {"by"}, da) or [a for k in kids if k.dep_ == "agent"
                                                              for p in k.children for a in self.actors(p, da)]
        if not subjects or not recipients:
            return False
        clause = self.clause(verb, sent, da)
        clause.factor *= factor
        self._emit(found, subjects, rel, list(dict.fromkeys(recipients)), sent, BASE["supply"], "supply", clause, da)
        return True

    def _nominal(self, noun: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
        lex = self.lex
        low = noun.lemma_.lower()
        rel = lex.nominals.get(low) or lex.nominals[noun.lower_]
        if rel is RelType.LEADS or da.at(noun):
            return  # titles are roles, found during resolution
        if low in lex.goods_nouns or noun.lower_ in lex.goods_nouns:  # "a weapons package for Ukraine"
            rel = self._goods_type([noun], rel)
        if any(c.lower_ in ("joint", "combined") for c in noun.children) and rel in (RelType.ATTACKS,
                                                                                      RelType.COOPERATES_WITH):
            rel = RelType.COOPERATES_WITH  # "joint operations with Congolese troops", "a joint Iranian-Russian effort"
        objects = self._pobj_actors(noun, lex.nominal_preps.get(rel, set()) - {"between"}, da, targets=True,
                                    hostile=rel in MATERIAL, owners=rel in ATTITUDES - {RelType.SUPPORTS})
        mods = []
        for k in noun.lefts:
            if k.dep_ == "det":
                continue
            for t in k.subtree:
                a = da.modifier(t)
                if t.head.lower_ in lex.backed or (t.i + 2 < len(t.doc) and t.doc[t.i + 2].lower_ in lex.backed
                                                   and t.doc[t.i + 1].text == "-") or (
                        t.head.tag_ == "VBN" and t.head.dep_ == "amod"):
                    continue  # "an Iranian-backed faction", "an EU-drafted deal": not a party to it
                if a and a not in mods and (t.dep_ in ("poss", "amod", "compound", "nmod", "npadvmod", "conj")
                                            or da.at(t)):
                    mods.append(a)
        gov = noun.head if noun.dep_ in ("dobj", "pobj", "attr", "nsubj", "nsubjpass", "appos", "conj", "oprd") \
            else None
        if gov is not None and gov.dep_ == "prep" and noun.dep_ == "pobj":
            gov = gov.head  # "emerged as the RSF's backer", "acts as a mediator"
        if gov is not None and rel.polarity > 0 and (gov.lemma_.lower() in lex.ending_verbs or any(
                k.dep_ == "prt" and k.lower_ == "off" for k in gov.children)):
            return  # "cut diplomatic ties with Qatar": the verb says it, and the opposite
        clause = self._clause_above(noun, sent, da)
        if low in lex.holder_nouns or noun.lower_ in lex.holder_nouns:
            self._holder(noun, rel, mods, objects, gov, sent, da, found, clause)
            return
        between = self._pobj_actors(noun, {"between"}, da)
        subjects = mods[:1] + self._pobj_actors(noun, {"by", "from"}, da)
        for acl in (c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"):
            # "the pressure exerted by Nusra and ISIS on the airbases"
            subjects += [a for k in acl.children if k.dep_ == "agent" for p in k.children for a in self.actors(p, da)]
            objects += self._pobj_actors(acl, lex.nominal_preps.get(rel, set()), da, targets=True,
                                         hostile=rel in MATERIAL)
        factor = 1.0
        light = gov is not None and gov.pos_ == "VERB" and (
            (noun.dep_ == "dobj" and (gov.lemma_.lower() in lex.light_verbs or gov.lemma_.lower() not in lex.verbs))
            or (noun.dep_ == "pobj" and noun.head.lower_ == "with" and gov.lemma_.lower() in lex.light_verbs)
            or (noun.dep_ == "dobj" and rel is not RelType.MEETS  # "welcomed closer ties with X"
                and lex.verbs.get(gov.lemma_.lower()) is RelType.MEETS)
            or (noun.dep_ == "pobj" and rel is RelType.MEETS  # "brokered it after meetings with X"
                and noun.head.lower_ in ("after", "during", "following", "before", "in"))
            or lex.verbs.get(gov.lemma_.lower()) is rel)  # "warns of severe consequences for Iran"
        if not subjects and light:  # "Russia launched air strikes against ISIS"
            subjects, factor = self.subjects(gov, da)
        if light and not objects:  # "declared war on Rwanda", "brokered a truce between X and Y"
            between = between or self._pobj_actors(gov, {"between"}, da)
            objects = self._pobj_actors(gov, lex.nominal_preps.get(rel, set()) - {"of", "between"}, da,
                                        targets=True, hostile=rel in MATERIAL)
        clause.factor *= factor
        if rel.symmetric and not objects:
            # "talks between X and Y", "the deal signed by X and Y", "the Iranian-Russian alliance",
            # "Beijing and Moscow declared a partnership"
            agents = [a for a in subjects if a not in mods]
            if light and not agents:
                agents = self.subjects(gov, da)[0]  # "X and Y accepted an agreement"
            pools = [p for p in (between, agents) if len(p) > 1] or \
                [list(dict.fromkeys(mods + between + agents))]
            for pool in pools:
                for a, b in combinations(list(dict.fromkeys(pool)), 2):
                    self._emit(found, [a], rel, [b], sent, BASE["nominal"], "nominal", clause, da)
            return
        if subjects and objects:
            self._emit(found, subjects, rel, objects, sent, BASE["nominal"], "nominal", clause, da)

    def _clause_above(self, tok: Token, sent: Span, da: DocActors) -> Clause:
        """The clause of the nearest verb above a noun: "a possibility of gas shipments" inside
        "we want to study ..." is as hedged as the verb it hangs from."""
        up = tok.head
        for _ in range(6):
            if up.pos_ in ("VERB", "AUX"):
                return self.clause(up, sent, da)
            if up.head.i == up.i:
                break
            up = up.head
        return Clause()

    def _holder(self, noun: Token, rel: RelType, mods: list[str], objects: list[str], gov: Token | None,
                sent: Span, da: DocActors, found: list[Found], clause: Clause) -> None:
        """A noun that names a role toward another actor: ally, foe, backer, member, proxy."""
        lex = self.lex
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
                holders = self.actors(noun.head, da)
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as" and gov is not None \
                and gov.lemma_.lower() in lex.regard_verbs:  # "regarded the TPLF as a mortal enemy"
            viewed = [a for k in gov.children if k.dep_ == "dobj" for a in self.actors(k, da)]
            if viewed:
                holders, mods, objects = self.subjects(gov, da)[0], [], viewed
        elif noun.dep_ == "oprd" and gov is not None:  # "Bamako calls Moscow its partner"
            holders = [a for k in gov.children if k.dep_ == "dobj" for a in self.actors(k, da)]
            if any(c.dep_ == "poss" and c.lower_ in ("its", "their", "his", "her") for c in noun.children):
                mods = mods + self.subjects(gov, da)[0]
        elif nxt is not None and nxt.pos_ == "PROPN" and da.at(nxt) and (
                nxt.dep_ in (noun.dep_, "appos") or nxt.head.i == noun.i or noun.head.i == nxt.i):
            holders = [da.at(nxt)]  # "Syria's foe Israel"
        elif gov is not None and gov.lemma_.lower() in lex.copulas | {"emerge", "act", "serve", "see", "regard"}:
            holders = [a for k in gov.children if k.dep_ in ("nsubj", "nsubjpass") for a in self.actors(k, da)]
        holders += [a for k in noun.children if k.dep_ == "appos" and k.doc[k.i - 1].text != "("
                    for a in self.actors(k, da) if a not in objects]
        others = [m for m in mods if m not in holders] + [o for o in objects if o not in holders]
        if holders and others:
            if noun.lemma_.lower() in lex.reverse_holders:  # "Iran's proxy Hezbollah": Iran backs it
                holders, others = others, holders
            self._emit(found, holders, rel, others, sent, BASE["holder"], "holder", clause, da)
        elif rel.symmetric and len(holders) > 1 and noun.tag_ == "NNS":
            for a, b in combinations(holders, 2):
                self._emit(found, [a], rel, [b], sent, BASE["holder"], "holder", clause, da)

    def _backed(self, tok: Token, sent: Span, da: DocActors, found: list[Found]) -> None:
        """"the Iranian-backed Hezbollah", "UN-backed government", "a Saudi-led coalition"."""
        rel = self.lex.backed[tok.lower_]
        doc = tok.doc
        cands = [k for k in tok.children if k.dep_ in ("npadvmod", "advmod", "compound", "amod", "nmod", "nsubj")]
        if tok.i >= 2 and doc[tok.i - 1].text == "-":
            cands.append(doc[tok.i - 2])
        backers = list(dict.fromkeys(a for k in cands for a in [da.modifiers.get(k.i) or da.at(k)] if a))
        if not backers or tok.dep_ == "acl":
            return
        head = tok.head
        target = da.at(tok) or da.at(head) or (da.at(head.head) if head.dep_ == "appos" else None) or next(
            (da.at(c) for c in head.children if c.dep_ == "appos" and da.at(c)), None) or (
            da.at(doc[head.i + 1]) if head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN" else None) or next(
            (da.at(c) for c in head.children if c.dep_ == "compound" and c.i > tok.i and da.at(c)), None)
        if target is None:
            return
        clause = self._clause_above(tok.head, sent, da)
        clause.drop = clause.refused = False
        self._emit(found, backers, rel, [target], sent, BASE["backed"], "backed", clause, da)
