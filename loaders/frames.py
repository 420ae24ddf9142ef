"""The frame builder: the structure around a trigger, read from the dependency parse.

It knows structure only: which actors a noun phrase names (conjuncts, appositions, owners,
agents "from" a place), the subjects of a predicate (passive by-agents, control and raising,
xcomp chains, conjunctions, relative clauses, participles) and its objects (direct,
prepositional, through a quantity), and what the clause around it does to an assertion
(negated, refused, hedged, reported with its speaker, conditional, threatened). Which relation
a trigger states comes from the lexicon, and the families under ``families/`` map a trigger and
its arguments onto statements through :meth:`FrameBuilder.emit`.

Negation drops a statement ("refused to back" turns support into OPPOSES); a refusal keeps it as
OPPOSES with ``negated`` set; conditionals and questions drop it; modality, hedges and claims
keep it with the ``hedged`` flag and lower confidence; "X said Y attacked Z" keeps Y->Z with
``reported`` set and X as the speaker.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from actorgraph.graph import ActorType, RelType

from .lexicon import Lexicon
from .mentions import DocActors
from .tokens import hyphenated

HEDGED = 0.55
REPORTED = 0.85
INHERITED = 0.9
POSITIVE_FLIPS = {RelType.SUPPORTS, RelType.COOPERATES_WITH, RelType.AGREES_WITH,
                  RelType.PROVIDES_AID, RelType.PROVIDES_MILITARY_AID, RelType.MEETS}
SUBJ = ("nsubj", "nsubjpass", "csubj")
#: Verbs about another actor's act: "slammed sanctions against Iran" is about the sanctions' owner.
ATTITUDES = {RelType.CRITICIZES, RelType.OPPOSES, RelType.SUPPORTS, RelType.THREATENS}
#: Acts on things: any noun an actor modifies is a target ("struck Houthi radar sites").
MATERIAL = {RelType.ATTACKS, RelType.SANCTIONS}


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
    #: the consequent of a conditional that says what an actor will do ("if X escalates, Y will
    #: cut the power"): a hostile act there is a threat, anything else is dropped
    ultimatum: bool = False


@dataclass
class Frame:
    """One predicate with its argument roles and its clause's features, before any mapping:
    ``key`` is the lemma with its particle ("flush out"); ``agent`` the actors that do it,
    ``patient`` its direct (or passive) object, ``preps`` the actors behind each preposition."""

    trigger: Token
    key: str
    agent: list[str]
    patient: list[str]
    preps: dict[str, list[str]]
    clause: Clause
    question: bool = False

    def keys(self) -> list[str]:
        """The lexicon keys that could map this frame: the lemma with its particle, or with the
        preposition of an argument ("refer to")."""
        return [self.key] + [f"{self.trigger.lemma_.lower()} {p}" for p in self.preps]


class FrameBuilder:
    """Arguments and clause features of triggers; shared by every family."""

    def __init__(self, lexicon: Lexicon):
        self.lex = lexicon

    def frame(self, verb: Token, sent: Span, da: DocActors) -> Frame:
        """The frame of a verb: its agents (through passives, control, xcomp chains, conjunctions,
        relative clauses), its patient, its prepositional arguments keyed by preposition, and its
        clause's features."""
        kids = list(verb.children)
        lemma = verb.lemma_.lower()
        prt = next((k.lower_ for k in kids if k.dep_ == "prt" and k.pos_ in ("ADP", "ADV", "PART")), None)
        agent = [a for a in self.subjects(verb, da)[0] if a]
        if any(k.dep_ == "nsubjpass" for k in kids):
            patient = [a for k in kids if k.dep_ == "nsubjpass" for a in self.actors(k, da)]
        else:
            patient = [a for k in kids if k.dep_ in ("dobj", "dative") for a in self.actors(k, da)]
        preps: dict[str, list[str]] = {}
        for k in kids:
            if k.dep_ == "prep" and k.pos_ == "ADP" and k.lower_ != "by":
                objs = [a for p in k.children if p.dep_ == "pobj" for a in self.actors(p, da)]
                if objs:
                    preps.setdefault(k.lower_, []).extend(objs)
        question = sent.text.rstrip().endswith("?")
        return Frame(verb, f"{lemma} {prt}" if prt else lemma, agent, patient, preps,
                     self.clause(verb, sent, da), question)

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
            if t.pos_ == "NOUN":  # "the Kurdish militia, the YPG": the name says which (not its modifiers)
                a = next((da.at(c) for c in t.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                          and da.at(c) and da.actors[da.at(c)].type is not ActorType.PERSON), a)
            if a is None and t.dep_ == "appos" and da.at(t.head):  # "X, a coalition that includes Y"
                a = da.at(t.head)
            if a is None and targets and (hostile or t.lemma_.lower() in self.lex.target_nouns) \
                    and t.pos_ in ("NOUN", "PROPN"):
                mods = [m for c in t.children if c.dep_ in ("compound", "amod", "poss", "nmod")
                        for m in (c, *c.conjuncts) if da.modifier(m) and m.lower_ not in self.lex.owner_pronouns]  # "Saudi and Emirati oil sites"
                for m in mods[1:]:
                    if da.modifier(m) not in out:
                        out.append(da.modifier(m))
                a = da.modifier(mods[0]) if mods else None
                if a is None:  # "targets belonging to X"
                    a = next((x for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in self.lex.belonging_verbs
                              for p in c.children if p.dep_ == "prep" and p.lower_ == "to"
                              for q in p.children if q.dep_ == "pobj" for x in self.actors(q, da)), None)
                if a is None:
                    # "positions of the rebels"; hostile also "a general in the Rwandan army"
                    a = next((da.at(p) for c in t.children if c.dep_ == "prep"
                              and (c.lower_ == "of" or (hostile and c.lower_ == "in"))
                              for p in c.children if p.dep_ == "pobj" and da.at(p)), None)
            if a is None and owners and t.pos_ == "NOUN":
                words = {t.lemma_.lower(), t.lower_, hyphenated(t)}
                acts = bool(words & self.lex.act_nouns) or any(  # an event is an act: "support for X's war"
                    w in self.lex.nominals and w not in self.lex.holder_nouns for w in words)
                if acts or owners != "acts":
                    a = next((da.modifier(c) for c in t.children if (c.dep_ == "amod" and c.i in da.modifiers)
                              or (c.dep_ == "poss" and da.at(c)) or (acts and c.dep_ in ("compound", "nmod") and (
                                  da.at(c) or c.i in da.modifiers))),  # "the Chilean proposal"
                             None)
                if a is None and words & self.lex.act_nouns:  # "rejected calls by Bolivia", "an offer from Chile"
                    a = next((x for c in t.children if c.dep_ == "prep" and c.lower_ in ("by", "from")
                              for p in c.children if p.dep_ == "pobj" for x in self.actors(p, da)), None)
                if a is None and acts:  # "condemned the strikes that Somalia launched": the clause's subject;
                    # "welcomed the announcement that Kyiv had agreed to ...": the subject of what it says
                    a = next((x for c in t.children if c.dep_ in ("relcl", "acl", "ccomp") for k in c.children
                              if k.dep_ == "nsubj" and k.lower_ not in self.lex.relative_pronouns
                              for x in self.actors(k, da)), None)
            if a is None and t.pos_ == "NOUN":  # "a network known as the Cartel de los Soles"
                a = next((da.at(p) for c in t.children if c.dep_ == "acl" and c.lemma_.lower() in self.lex.naming_participles
                          for q in c.children if q.dep_ in ("prep", "oprd") for p in (q, *q.children)
                          if p.dep_ in ("pobj", "oprd") and da.at(p)), None)
            if a is None and t.lower_ in self.lex.relative_pronouns and t.head.dep_ == "relcl":
                a = da.at(t.head.head)
            if a is None and t.pos_ in ("NOUN", "PROPN"):  # "the UN envoy, Hans Grundberg, met ..."
                a = next((da.at(c) for c in t.children if c.dep_ == "appos" and da.at(c)), None)
                if a is not None and da.actors[a].type is ActorType.PERSON:  # "the two presidents, X and Y"
                    out += [x for c in t.children if c.dep_ == "appos" and da.at(c)
                            for x in self._named_conjuncts(c, da) if x != a and x not in out]
            if a is None and self.agent_noun(t):  # "Assad's forces", "Hezbollah's fighters": the owner's
                a = next((da.at(c) for c in t.children if c.dep_ == "poss" and da.at(c)
                          and c.lower_ not in self.lex.owner_pronouns), None)
                if a and da.actors[a].type is ActorType.PERSON and t.lemma_.lower() in self.lex.state_organs:
                    a = next((r.org for r in da.roles if r.person == a and r.type is RelType.LEADS
                              and r.org in da.actors and da.actors[r.org].type is ActorType.STATE), a)
                    # "Duque's government": the state he leads
            placed = a is not None and any(da.at(p) == a for c in t.children if c.dep_ == "prep" and c.lower_ == "in"
                                           for p in c.children if p.dep_ == "pobj")  # "officials in X" read as X's
            if (a is None or self.collective(a, da) or placed) and self.agent_noun(t):
                # "troops from Chad and Niger", "peacekeepers of KFOR", "militants from JNIM", "officials in X and Y"
                from_ = [x for c in t.children if c.dep_ == "prep" and (c.lower_ in ("from", "of") or (
                    placed and c.lower_ == "in")) for p in c.children if p.dep_ == "pobj" for x in self.actors(p, da)]
                out += [x for x in from_[1:] if x not in out]
                a = from_[0] if from_ else a
            if a and da.at(t) == a and da.actors[a].type is not ActorType.PERSON:
                m = da.by_token[t.i]
                for c in t.children:  # the other demonyms of the same agent noun (not of its name:
                    if c.dep_ == "amod" and not m.start <= c.i < m.end:  # "Syrian Democratic Forces")
                        out += [da.modifiers[x.i] for x in (c, *c.conjuncts)
                                if da.modifiers.get(x.i) and da.modifiers[x.i] not in out and da.modifiers[x.i] != a]
            if a is None and t.pos_ == "NOUN" and not da.modifier(t):
                # a list under a common noun: "its neighbours, including Chile and Bolivia", "such as"
                listed = [x for c in t.children if c.dep_ == "prep" and (c.lower_ in self.lex.list_preps or (
                    c.lower_ == "as" and any(k.lower_ == "such" for k in (*c.children, *t.children))))
                    for p in c.children if p.dep_ == "pobj" for x in self.actors(p, da)]
                out += [x for x in listed if x not in out]
            if a and a not in out:
                out.append(a)
            if a and da.actors[a].type is ActorType.STATE:  # "Mali, Burkina Faso and Niger" read as apposition
                for c in t.children:
                    if c.dep_ == "appos" and da.at(c) and da.actors[da.at(c)].type is ActorType.STATE:
                        out += [x for x in [da.at(c)] + [da.at(k) for k in c.conjuncts] if x and x not in out]
        return out

    def clause(self, pred: Token, sent: Span, da: DocActors) -> Clause:
        lex = self.lex
        c = Clause()
        if pred.dep_ == "acl" and pred.head.lemma_.lower() in lex.refusal_nouns:
            c.refused = True  # "the refusal to recognise Kosovo"
        if pred.dep_ == "acl" and pred.head.lemma_.lower() in lex.threat_nouns:
            c.threatened = True  # "Trump's threat to impose tariffs on X"
        cur = pred
        own = False  # past a coordinated clause with its own subject: its negation is not ours
        came_by = ""  # how we reached ``cur`` from the clause below it
        while True:
            kids = list(cur.children)
            negated = False
            if not own and (any((k.dep_ == "neg" or k.lower_ in lex.negation_words)
                                and not (k.i + 1 < len(k.doc) and k.doc[k.i + 1].lower_ == "only")  # "not only"
                                for k in kids) or any(
                    t.lower_ in lex.neither_words for k in kids if k.dep_ in SUBJ for t in k.subtree)):
                if cur is pred and any(k.dep_ == "aux" and k.lower_ in lex.refusal_auxiliaries for k in kids):
                    c.refused = not c.refused  # "would never recognise Kosovo", "won't back X": a refusal
                elif cur is pred or not c.refused:
                    c.drop = True
                negated = cur is not pred
            if any(k.dep_ == "mark" and k.lower_ in lex.condition_marks for k in kids):
                c.drop = True
            if any(k.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in lex.conditional_marks for m in k.children)
                   for k in kids):
                if any(k.dep_ == "aux" and k.lower_ in lex.future_auxiliaries for k in kids) or (
                        cur.lemma_.lower() in lex.threat_verbs):  # also "is threatening retaliation ... if hit"
                    c.ultimatum = True  # "if X escalates, Y will cut ...", "threatened to ... unless"
                else:
                    c.drop = True  # the consequent of a conditional
            if any(k.dep_ in ("aux", "advmod") and k.lower_ in lex.hedge_words for k in kids):
                c.hedged = True
            lemma = cur.lemma_.lower()
            if cur is not pred and came_by != "conj":  # "refused X and attacked Y": the attack stands
                if lemma in lex.refusal_verbs and negated:
                    c.drop = False  # "did not hesitate to strike X", "never stopped backing Y": it stands
                elif lemma in lex.refusal_verbs:
                    c.refused = not c.refused
                    c.drop = c.drop and False
                if lemma in lex.denial_verbs:
                    c.drop = True  # "denies arming the group"
                if came_by == "pcomp" and lemma in lex.accusation_verbs:
                    c.hedged = True  # "accused of harbouring the Taliban": a claim, not a finding
                if lemma in lex.threat_verbs:
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
                    if cur.head.lemma_.lower() in lex.demand_verbs and any(
                            k.dep_ == "dobj" or (k.dep_ == "prep" and k.lower_ in ("on", "upon")) for k in cur.head.children):
                        c.drop = True  # "urged Chile to attack Bolivia": asked for, not done
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
                    if hl in lex.claim_verbs:
                        c.hedged = True
                    if hl in lex.denial_verbs:
                        c.drop = True
                elif cur.dep_ == "ccomp" and hl in lex.hedge_verbs:
                    c.hedged = True
                if cur.dep_ == "ccomp" and hl in lex.warning_verbs and any(
                        k.dep_ == "aux" and k.lower_ in lex.warning_modals for k in kids) and self._own_act(cur, head, da):
                    c.threatened = True  # "warned that it could retaliate with tariffs on X": the modal is the threat
                    c.hedged = hl in lex.claim_verbs
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

    def _own_act(self, act: Token, warning: Token, da: DocActors) -> bool:
        """Is the act a warning speaks of the warner's own ("warned that it could retaliate"), not a
        third party's ("warned that the Houthis would pay")?"""
        subj = [k for k in act.children if k.dep_ in SUBJ]
        if any(k.lower_ in self.lex.speaker_pronouns for k in subj):
            return True
        doers = [a for k in subj for a in self.actors(k, da)]
        warners = self.subjects(warning, da)[0]
        own = set(warners) | {r.org for r in da.roles if r.person in warners}
        return bool(doers) and set(doers) <= own

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
                if spoken and (k.lower_ in self.lex.speaker_pronouns or any(
                        c.dep_ == "poss" and c.lower_ in self.lex.speaker_possessives for c in k.children)):
                    found = self.subjects(verb.head, da, depth + 1)[0]  # "Jordan says its air force ..."
                # "Russia's air strikes hit ...", "many of Russia's air strikes"
                owner = k
                if k.lower_ in self.lex.quantities or k.lower_ == "one":
                    owner = next((p for c in k.children if c.lower_ == "of" for p in c.children), k)
                if owner.lemma_.lower() in self.lex.nominals:
                    found += [da.at(c) for c in owner.children if c.dep_ == "poss" and da.at(c)] \
                        or self.pobj_actors(owner, {"by"}, da) or [  # "airstrikes by the army killed ..."
                        da.modifier(c) for c in owner.children if c.dep_ in ("compound", "amod") and da.modifier(c)
                        and c.pos_ in ("PROPN", "ADJ") and c.lower_ != c.text  # "a US drone strike killed ..."
                        and self.lex.nominals[owner.lemma_.lower()].polarity < 0]
        if found or any(k.lower_ not in self.lex.relative_pronouns for k in subs):
            return found, 1.0
        if any(k.dep_ == "nsubjpass" for k in verb.children):
            for k in verb.children:
                if k.dep_ == "agent":
                    return [a for p in k.children if p.dep_ == "pobj" for a in self.actors(p, da)], 1.0
            if depth and verb.lemma_.lower() in self.lex.say_verbs | self.lex.hedge_verbs | self.lex.raising_verbs:
                # "Japan is expected to sign ...": the raised subject is the actor
                return [a for k in verb.children if k.dep_ == "nsubjpass" for a in self.actors(k, da)], 1.0
            return [], 1.0
        if verb.dep_ == "acl" and verb.tag_ != "VBN":  # "Belgrade's refusal to recognise Kosovo"
            owner = [da.at(c) for c in verb.head.children if c.dep_ == "poss" and da.at(c)] or [
                da.modifier(c) for c in verb.head.children if c.dep_ == "amod" and da.modifier(c)
                and verb.head.lemma_.lower() in self.lex.act_nouns]  # "the Turkish decision to fight X"
            if owner:
                return owner, 1.0
        if verb.dep_ == "relcl" or (verb.dep_ == "acl" and verb.tag_ != "VBN"):
            found = self.actors(verb.head, da)
            if not found and any(k.dep_ == "nsubj" and k.lower_ in self.lex.relative_pronouns for k in verb.children):
                return [], 1.0  # "decisions that threaten X": the decisions do it, not whoever takes them
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
                obj = [a for k in head.children if k.dep_ == "dobj" for a in self.actors(k, da)] \
                    or self.pobj_actors(head, {"on", "upon"}, da)  # "called on X to ..."
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
                if up.lemma_.lower() not in self.lex.joining_verbs:
                    return [], 1.0
                gov = up
            obj = [a for k in gov.children if k.dep_ == "dobj" for a in self.actors(k, da)]
            if obj and gov.lemma_.lower() in self.lex.inheriting_verbs:
                return obj, INHERITED
            s, f = self.subjects(gov, da, depth + 1)
            if gov.lemma_.lower() in self.lex.joining_verbs:  # "X joined Y in recognising Z": both did
                s = s + [a for k in gov.children if k.dep_ == "dobj" for a in self.actors(k, da) if a not in s]
            return s, f * INHERITED
        if verb.dep_ == "conj" and any(k.dep_ == "nsubjpass" for k in head.children):
            # "M23 was defeated by X ... and has been fighting Y": the shared subject is M23
            return [a for k in head.children if k.dep_ == "nsubjpass" for a in self.actors(k, da)], INHERITED
        if verb.dep_ in ("ROOT", "conj") and not subs:
            lost = self._lost_subject(verb, da)
            if lost:
                return lost, 0.8
        if verb.dep_ == "advcl" and any(k.dep_ == "aux" and k.lower_ == "to" for k in verb.children) \
                and not any(k.dep_ in ("nsubj", "agent") for k in head.children):
            passive = [a for k in head.children if k.dep_ == "nsubjpass" for a in self.actors(k, da)]
            if passive:  # "the task force was revived to fight Boko Haram": what was revived fights
                return passive, INHERITED
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
            if not any(k.dep_ == "agent" for k in kids) and self.pobj_actors(verb, {"to", "with"}, da):
                return [], "stative"  # "are opposed to ISIS": handled as active by the caller
            return self.actors(passive, da, targets=True), "passive"
        if verb.dep_ == "acl" and verb.tag_ == "VBN":
            head = verb.head
            target = da.at(head) or (da.at(head.head) if head.dep_ == "appos" else None)
            return ([target] if target else []), "passive"
        out: list[str] = []
        material = rel in MATERIAL
        hostile = rel.polarity < 0
        owners = "acts" if rel in (RelType.SUPPORTS, RelType.AGREES_WITH) else rel in ATTITUDES
        if not any(k.dep_ in ("dobj", "dative") for k in kids) and verb.lemma_.lower() in self.lex.object_control:
            out += [a for c in kids if c.dep_ in ("ccomp", "xcomp") for k in c.children
                    if k.dep_ == "nsubj" for a in self.actors(k, da)]  # "helped Israel take down the drones"
        if not any(k.dep_ in ("dobj", "dative") for k in kids):  # "trained and paid Somali units"
            kids += [k for c in kids if c.dep_ == "conj" and c.pos_ == "VERB" for k in c.children if k.dep_ == "dobj"]
        if verb.lemma_.lower() in self.lex.attribution_verbs:  # "blamed the attacks on X", "blamed them on X"
            out += [a for k in kids if k.dep_ == "dobj" and not self.actors(k, da, owners=True)
                    for a in self.pobj_actors(k, {"on"}, da, targets=True, hostile=True)
                    + self.pobj_actors(verb, {"on"}, da, targets=True, hostile=True)]
            if out:
                return out, "verb"
        for k in kids:
            if k.dep_ == "dobj" and verb.lemma_.lower() in self.lex.prep_only_verbs:
                # "launched drones towards Israel": the direction hangs off the weapon
                out += [a for a in self.pobj_actors(k, preps, da, targets=True, hostile=material) if a not in out]
                continue
            if k.dep_ in ("dobj", "dative"):
                if k.lower_ in self.lex.quantities:  # "suspended some of its assistance to Addis Ababa"
                    k = next((p for c in k.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj"), k)
                found = self.actors(k, da, targets=rel is not RelType.MEETS, hostile=material, owners=owners)
                event = (self.lex.nominals.get(k.lemma_.lower()) or self.lex.nominals.get(k.lower_)) \
                    if k.pos_ == "NOUN" else None
                if event is not None and event.symmetric and rel in ATTITUDES and rel.polarity < 0 \
                        and (not found or any(c.dep_ == "poss" for c in k.children)):
                    # "denounced the pact between Addis Ababa and Hargeisa", "X's deal with Y": both parties
                    found = self.pobj_actors(k, {"between"}, da) or [
                        a for a in [da.at(c) for c in k.children if c.dep_ == "poss"]
                        + self.pobj_actors(k, {"with"}, da) if a] or found
                if not found and k.pos_ == "NOUN":  # "criticised the EU's sanctions", "rejected an Israeli request"
                    found = [da.modifier(c) for c in k.children if not rel.symmetric
                             and ((c.dep_ == "poss" and da.at(c) and c.lower_ not in self.lex.owner_pronouns)
                                  or (hostile and c.dep_ == "amod" and da.modifier(c)))]
                if not found and rel is RelType.MEETS and event is not None and event is not RelType.MEETS:
                    continue  # "welcomed the accord between X and Y" is no meeting with them
                if not found and k.pos_ == "NOUN" and k.lemma_.lower() in self.lex.nominals \
                        and not self.lex.nominals[k.lemma_.lower()].symmetric and rel in ATTITUDES:
                    continue  # "slammed sanctions against Iran": the sanctions' target is not the verb's
                if not found and k.pos_ == "NOUN" and rel in ATTITUDES and event is not None and any(
                        c.dep_ == "poss" and c.tag_ == "PRP$" for c in k.children):
                    continue  # "praised his summit with Kim": his own act, no stance toward its party
                if not found and k.pos_ == "NOUN" and rel is RelType.MEETS and event is None \
                        and not self.agent_noun(k) and k.lemma_.lower() not in self.lex.agents_and_groups:
                    continue  # "welcomed the closure of X" meets nobody; "hosted delegations from X" does
                if not found and k.pos_ == "NOUN":  # "suspended aid to Niger", "hosted delegations from X"
                    found = [a for c in k.children if c.dep_ == "prep" and c.lower_ in self._dobj_preps(rel) | (
                             preps if verb.lemma_.lower() in self.lex.verb_preps else set())  # "recalled its envoy from X"
                             | ({"for"} if rel is RelType.SANCTIONS else set())  # "suspended funding for X"
                             for p in c.children if p.dep_ == "pobj" for a in self.actors(p, da, targets=True)]
                if (hostile or rel is RelType.MEETS) and (not found or all(self.collective(a, da) for a in found)):
                    found = self.agents_from(verb, k, da) or found  # also "received a delegation from X"
                out += [a for a in found if a not in out]
        for k in kids:
            if (k.dep_ == "prep" or (k.dep_ == "dative" and k.pos_ == "ADP")) and k.lower_ in preps:
                for p in self._pobjs(k, hostile):  # "objected to the American project"
                    found = self.actors(p, da, targets=True, hostile=material, owners=owners)
                    if hostile and (not found or all(self.collective(a, da) for a in found)):
                        found = self.agents_from(verb, p, da) or found
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
    def collective(actor: str, da: DocActors) -> bool:
        """An unnamed collective ("militants", "protesters"): its name is a common noun."""
        seen = da.actors.get(actor)
        return seen is not None and seen.name.islower()

    def agents_from(self, verb: Token, noun: Token, da: DocActors) -> list[str]:
        """"killed dozens of fighters from Boko Haram", "clashed with peacekeepers from KFOR":
        the agents' "from" hung on the verb by the parser."""
        if not self.agent_noun(noun):
            return []
        return [a for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                for p in c.children if p.dep_ == "pobj" for a in self.actors(p, da)]

    def agent_noun(self, tok: Token) -> bool:
        """"fighters", "militants", or a quantity of them ("dozens of fighters")."""
        def agent(t: Token) -> bool:
            return bool({t.lower_, t.lemma_.lower()} & self.lex.agents_and_groups)
        return agent(tok) or (tok.ent_type_ == "CARDINAL" or tok.lower_ in self.lex.counted_plurals) \
            and any(agent(p) for c in tok.children if c.lower_ == "of" for p in c.children if p.dep_ == "pobj")

    @staticmethod
    def _dobj_preps(rel: RelType) -> set[str]:
        if rel.polarity > 0:
            return {"with", "to", "from", "of", "between"}
        if rel.polarity == 0:
            return set()  # "led a coalition against the Houthis" leads the coalition, not the Houthis
        return {"with", "to", "against", "on", "of"}

    def preps(self, lemma: str, rel: RelType) -> set[str]:
        preps = set(self.lex.verb_preps.get(lemma, ()))
        if rel in (RelType.ATTACKS, RelType.SANCTIONS, RelType.CRITICIZES, RelType.THREATENS):
            preps |= {"against", "on"}
        if rel is RelType.SANCTIONS and lemma not in self.lex.removal_verbs:
            preps |= {"to"}  # "suspended aid to Niger", "halted arms sales to Riyadh" (not "deported X to Y")
        if rel.symmetric:
            preps |= {"with"}
        return preps

    def pobj_actors(self, tok: Token, preps: set[str], da: DocActors, *, targets: bool = False,
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
        out = [next((q for c in p.children if c.dep_ == "prep" and c.lower_ == "of" for q in c.children
                     if q.dep_ == "pobj"), p) if p.lower_ in ("worth",) else p for p in out]  # "on $20 billion worth of X"
        if hostile:
            out += [q for p in prep.children if p.dep_ == "pcomp" and p.tag_ == "VBG"
                    for q in p.children if q.dep_ == "nsubj"]
        return out

    def adjunct_agents(self, noun: Token, rel: RelType, da: DocActors, *, shared: bool = False) -> list[str]:
        """The clause subject as the agent of an event noun in its adjunct: "after days of battles
        with X, Y withdrew", "Y flew to Rome for talks with X", "Y killed ten during operations
        against X". Only for an unowned noun, an active clause whose verb states no other relation,
        and named actors ("civilians fled during raids on X" says nothing of the civilians)."""
        if any(c.dep_ == "poss" for c in noun.children):
            return []
        t = noun
        for _ in range(4):
            if t.dep_ != "pobj" or t.head.dep_ != "prep":
                return []
            prep, gov = t.head, t.head.head
            if gov.pos_ in ("VERB", "AUX"):
                break
            if prep.lower_ != "of" or gov.pos_ != "NOUN" or any(c.dep_ == "poss" for c in gov.children):
                return []
            t = gov  # "days of battles", "a series of talks"
        else:
            return []
        lex, p, lemma = self.lex, prep.lower_, gov.lemma_.lower()
        if not (p in lex.adjunct_preps or (p in lex.sequel_preps and (shared or rel.polarity > 0))
                or (p in lex.purpose_preps and rel.polarity > 0)):
            return []
        if any(k.dep_ in ("nsubjpass", "auxpass") for k in gov.children) or lex.verbs.get(lemma) not in (None, rel) \
                or lemma in lex.say_verbs | lex.complaint_verbs | lex.demand_verbs | lex.naming_verbs:
            return []
        return [a for a in self.subjects(gov, da)[0] if not self.collective(a, da)]

    def clause_above(self, tok: Token, sent: Span, da: DocActors) -> Clause:
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

    def emit(self, found: list[Found], subjects, rel: RelType, objects, sent: Span, family, clause: Clause,
             da: DocActors) -> None:
        """Statements from ``subjects`` to ``objects``, as the clause allows; the registered
        ``family`` gives the base confidence and the pattern name."""
        base, pattern = family.base, family.pattern
        if clause.drop:
            return
        if clause.refused:
            if rel not in POSITIVE_FLIPS:
                return
            rel = RelType.OPPOSES
        if clause.ultimatum and rel.polarity >= 0:
            return
        if (clause.threatened or clause.ultimatum) and rel.polarity < 0 and rel is not RelType.THREATENS:
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
