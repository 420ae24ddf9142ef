"""Roles read on resolved mentions: titles and appositions give LEADS and MEMBER_OF
("Syrian President Bashar al-Assad", "Iran's Revolutionary Guards", "X, a vice-president of Y",
"the two foreign ministers, A of Armenia and B of Azerbaijan"). Titles, deputy words and ranks
come from ``data/roles.json``. The resolver runs :meth:`RoleReader.read` as one of its passes
(later passes use the actors a role names); the ``role`` family states the roles."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from actorgraph.graph import ActorType, RelType
from actorgraph.graph.names import normalize

from .lexicon import Gazetteer, Lexicon
from .mentions import ActorSeen, DocActors, Mention, Role
from .tokens import phrase


class RoleReader:
    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer):
        self.lex = lexicon
        self.gaz = gazetteer
        self.titles = sorted(lexicon.titles, key=len, reverse=True)

    def entry_actor(self, actor_id: str) -> ActorSeen:
        e = self.gaz.entries[actor_id]
        return ActorSeen(e.id, e.name, e.type, attributes=dict(e.attributes), known=True)

    def read(self, doc: Doc, da: DocActors) -> None:
        """Titles and appositions: "Syrian President Bashar al-Assad" -> LEADS(assad, syria);
        a state's own body: "Iran's Revolutionary Guards" -> MEMBER_OF(irgc, iran)."""
        seen_people = {}
        for m in da.by_token.values():
            kind = da.actors[m.actor].type
            if kind is ActorType.PERSON:
                seen_people[(m.start, m.end)] = m
        for m in {id(m): m for m in da.by_token.values()}.values():
            if da.actors[m.actor].type is not ActorType.ORGANIZATION:
                continue
            root = doc[m.start:m.end].root
            owner = next((da.at(c) for c in root.children if c.dep_ == "poss" and da.at(c)), None)
            if owner and owner != m.actor and da.actors[owner].type is ActorType.STATE:
                da.roles.append(Role(m.actor, RelType.MEMBER_OF, owner, da.tokens.sents[da.tokens.sentence_of(root.i)]))
        for m in {id(m): m for m in da.by_token.values()}.values():
            if da.actors[m.actor].type is ActorType.ORGANIZATION:
                self._named_part(doc, da, m)
        for m in {id(m): m for m in da.by_token.values()}.values():
            if da.actors[m.actor].type not in (ActorType.ORGANIZATION, ActorType.GROUP):
                continue
            root = doc[m.start:m.end].root
            for c in root.children:  # "ATMIS, the African Union force": an owned agent in apposition
                owner = da.at(c) if c.dep_ == "appos" and c.i not in range(m.start, m.end) \
                    and any(t.text == "," for t in doc[m.end:c.i]) else None  # (not "the Kurdish militia YPG")
                if owner and owner != m.actor and da.by_token[c.i].start == c.i and da.by_token[c.i].end == c.i + 1:
                    da.roles.append(Role(m.actor, RelType.MEMBER_OF, owner,
                                         da.tokens.sents[da.tokens.sentence_of(root.i)]))
        for (start, end), m in sorted(seen_people.items()):
            head = doc[start:end].root
            # pre-modifiers of the name: "Quds Force commander", "Russia's Foreign Minister"
            left = [t for t in doc[max(0, start - 8):start] if self._under(t, head, start, end)]
            run = start  # and, when the parse broke it, the unbroken run of words before the name
            while run > max(0, start - 6) and (doc[run - 1].pos_ in ("PROPN", "ADJ", "NOUN")
                                               or doc[run - 1].text in ("-", "'s", "\u2019s")
                                               or (run - 1 in da.by_token and doc[run - 1].is_upper)):  # "IS" read as a verb
                run -= 1
            left = sorted(set(left) | set(doc[run:start]), key=lambda t: t.i)
            if doc[start].lower_ in self.lex.titles_lead:  # the name itself begins with it: "King Mohammed VI"
                left.append(doc[start])
            had = len(da.roles)
            self._role_from(doc, da, m, left)
            self._party_of(da, m, left)
            if len(da.roles) == had:  # "analyst X of the Y Institute", "Foreign Minister X of Peru"
                for c in head.children:
                    if c.dep_ == "prep" and c.lower_ in ("of", "at", "from") and any(
                            da.at(p) and da.actors[da.at(p)].type is not ActorType.PERSON
                            for p in c.children if p.dep_ == "pobj"):
                        self._role_from(doc, da, m, left + phrase(c))
                        break
            holders = [head] + ([head.head] if head.dep_ == "dobj" else [])  # "put X in charge of Y"
            for child in (c for h in holders for c in h.children):
                if child.dep_ == "appos" and child.i not in da.by_token and child.head.i == head.i:
                    # "X, a fellow at Y and a professor at Z": each title of the apposition on its own
                    more = [c for c in child.children if c.dep_ == "conj" and c.pos_ == "NOUN" and c.i not in da.by_token]
                    apart = {t.i for c in more for t in c.subtree}
                    self._role_from(doc, da, m, [t for t in phrase(child) if t.i not in apart])
                    for c in more:
                        self._role_from(doc, da, m, phrase(c))
                if child.dep_ == "prep" and child.lower_ == "in":  # "in charge of Myanmar"
                    for p in child.children:
                        if p.lower_ == "charge":
                            org = next((da.at(q) for c in p.children if c.lower_ == "of"
                                        for q in c.children if da.at(q)), None)
                            if org:
                                da.roles.append(Role(m.actor, RelType.LEADS, org, da.tokens.sents[da.tokens.sentence_of(head.i)]))
            if head.dep_ == "appos" and (head.head.i not in da.by_token  # "Niger's ruler, General X":
                                         or head.head.lower_ in self.lex.titles):
                self._role_from(doc, da, m, [t for t in phrase(head.head) if t.i < start])
            if head.dep_ == "pobj" and head.head.lower_ == "of" and da.at(head.head.head) \
                    and da.actors[da.at(head.head.head)].type is ActorType.STATE:
                # "the Somali government of President Hassan Sheikh Mohamud"
                titles = [t for t in doc[max(0, start - 3):start] if t.lower_ in self.lex.titles_lead]
                if titles:
                    da.roles.append(Role(m.actor, RelType.LEADS, da.at(head.head.head),
                                         da.tokens.sents[da.tokens.sentence_of(head.i)]))
            # "X, as a member of Y, ...", "identified X as a member of Y"
            as_preps = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "as"]
            if head.dep_ in ("dobj", "nsubj", "nsubjpass"):
                as_preps += [c for c in head.head.children if c.dep_ == "prep" and c.lower_ == "as" and c.i > head.i]
            for c in as_preps:
                for p in c.children:
                    if p.dep_ == "pobj" and p.i not in da.by_token and p.lemma_.lower() in self.lex.titles:
                        self._role_from(doc, da, m, phrase(p))
            self._title_of(doc, da, m, head)
            if head.dep_ == "nsubj":  # "X was a Danish prime minister", "X served ... and was ..."
                for verb in (head.head, *(c for c in head.head.children if c.dep_ == "conj" and c.pos_ in ("AUX", "VERB"))):
                    if verb.lemma_ in self.lex.role_copulas:
                        for attr in verb.children:
                            if attr.dep_ == "attr" and attr.i not in da.by_token:
                                self._role_from(doc, da, m, phrase(attr))
            if not any(r.person == m.actor for r in da.roles):
                self._state_of_speaker(doc, da, m, head, left)

    def _named_part(self, doc: Doc, da: DocActors, m: Mention) -> None:
        """"a U.S. Senate committee", "the U.S. Congress": an organ (``organ_nouns``) whose name
        begins with the name of a state is a member of it."""
        span = doc[m.start:m.end]
        while len(span) > 1 and span[0].lower_ == "the":
            span = span[1:]
        root = span.root
        if root.lemma_.lower() not in self.lex.organ_nouns and root.lower_ not in self.lex.organ_nouns:
            return
        for n in (2, 1):
            if len(span) <= n or root.i < span.start + n:
                continue
            text = span[:n].text
            entry = self.gaz.lookup(text)  # (not a demonym: the "German Marshall Fund" is no German organ)
            if entry is None or entry.id == m.actor or entry.type is not ActorType.STATE:
                continue  # (the UN's organs are marked as its members in one gold set, not in four others)
            da.actors.setdefault(entry.id, self.entry_actor(entry.id))
            da.roles.append(Role(m.actor, RelType.MEMBER_OF, entry.id, da.tokens.sents[da.tokens.sentence_of(root.i)]))
            return

    def _state_of_speaker(self, doc: Doc, da: DocActors, person: Mention, head: Token, left: list[Token]) -> None:
        """"Lima will send monitors, Defence Minister R. Quispe said": a titled speaker with no
        body of his own speaks for the state that is the subject of what he said."""
        verb = head.head
        if head.dep_ != "nsubj" or verb.lemma_.lower() not in self.lex.say_verbs:
            return
        text = " ".join(t.lower_ for t in left)
        title = next((ti for ti in self.titles if f" {ti} " in f" {text} "), None)
        if title is None:
            return
        states = {da.at(s) for c in verb.children if c.dep_ == "ccomp"
                  for s in c.children if s.dep_ in ("nsubj", "nsubjpass") and da.at(s)}
        states = {a for a in states if da.actors[a].type is ActorType.STATE}
        if len(states) != 1:
            return
        deputy = any(w in text.split() for w in self.lex.deputy_words)
        kind = RelType.LEADS if title in self.lex.head_of_state_titles and not deputy else RelType.MEMBER_OF
        da.roles.append(Role(person.actor, kind, states.pop(), da.tokens.sents[da.tokens.sentence_of(head.i)]))

    def _party_of(self, da: DocActors, person: Mention, tokens: list[Token]) -> None:
        """"Republican Senator X", "Democratic Representative Y": the party adjective just before
        a title names the person's party (``party_adjectives`` in roles.json)."""
        for t in tokens:
            party = self.lex.party_adjectives.get(t.lower_) if t.text[:1].isupper() else None
            nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
            if party in self.gaz.entries and nxt is not None and nxt.i <= person.start and any(
                    " ".join(w.lower_ for w in t.doc[nxt.i:nxt.i + n]) in self.lex.titles for n in (1, 2, 3)) \
                    or (party in self.gaz.entries and nxt is not None and nxt.text in ("U.S.", "US")):
                da.actors.setdefault(party, self.entry_actor(party))
                da.roles.append(Role(person.actor, RelType.MEMBER_OF, party,
                                     da.tokens.sents[da.tokens.sentence_of(person.start)]))
                return

    def _title_of(self, doc: Doc, da: DocActors, person: Mention, head: Token) -> None:
        """"the two foreign ministers, Ararat Mirzoyan of Armenia and Jeyhun Bayramov of Azerbaijan":
        a name "of" a state or body, in apposition to a title (plural or not) above it."""
        bodies = [da.at(p) for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                  for p in c.children if p.dep_ == "pobj" and da.at(p)
                  and da.actors[da.at(p)].type is not ActorType.PERSON]
        if not bodies:
            return
        up = head
        for _ in range(5):
            if up.dep_ not in ("appos", "conj", "pobj", "prep") or up.head.i == up.i:
                return
            up = up.head
            if up.pos_ == "NOUN" and up.i not in da.by_token:
                break
        else:
            return
        words = [c.lower_ for c in up.lefts if c.dep_ in ("amod", "compound")] + [up.lemma_.lower()]
        heading = f" {' '.join(words)}"
        title = next((ti for ti in self.titles if heading.endswith(f" {ti}")), None)
        if title is None:
            return
        deputy = any(w in self.lex.deputy_words for w in words)
        kind = RelType.LEADS if title in self.lex.titles_lead and not deputy else RelType.MEMBER_OF
        da.roles.append(Role(person.actor, kind, bodies[0], da.tokens.sents[da.tokens.sentence_of(head.i)]))

    def _posted_to(self, i: int, doc: Doc, da: DocActors) -> bool:
        """An actor (its mention starting at ``i``) after "in", "to", "for" or "on" hung on an
        envoy's title names his post."""
        m = da.by_token.get(i)
        return any(t.dep_ == "pobj" and t.head.lower_ in ("in", "to", "for", "on")
                   and t.head.head.lemma_.lower() in self.lex.envoy_titles
                   for t in (doc[m.start:m.end] if m is not None else [doc[i]]))

    @staticmethod
    def _under(t: Token, head: Token, start: int, end: int) -> bool:
        while t.head.i != t.i:
            if start <= t.head.i < end:
                return True
            if not start - 8 <= t.head.i < end:
                return False
            t = t.head
        return False

    def _role_from(self, doc: Doc, da: DocActors, person: Mention, tokens: list[Token]) -> None:
        if not tokens:
            return
        # words apart even where punctuation stood between them ("ruler, General"), hyphens joined
        text = " ".join(t.text for t in tokens if not t.is_punct or t.text == "-").lower()
        text = text.replace(" - ", "-").replace(" 's", "'s").replace(" \u2019s", "\u2019s")
        found = [ti for ti in self.titles if f" {ti} " in f" {text} "]
        if not found:
            return
        # the title nearest the name: "Hezbollah leader Nasrallah and Hamas chief Haniyeh"
        last = {ti: ti.split()[-1].split("-")[-1] for ti in found}  # "secretary-general" ends at "general"
        ends = {ti: [t.i for t in tokens if t.lower_ == last[ti] or t.lower_.endswith("-" + last[ti])]
                for ti in found}
        # a military rank ("General X") names a role only when no other title does ("Niger's ruler, General X")
        # nearest the name before it; for a phrase after the name, nearest its head ("X served as
        # NATO secretary general": the secretary general)
        anchor = person.start if tokens[0].i <= person.start else next(
            (t.i for t in tokens if t.head.i == t.i or t.head not in tokens), person.start)
        title = min(found, key=lambda ti: (ti in self.lex.military_ranks, min((abs(i - anchor) for i in ends[ti]),
                                                                    default=99), -len(ti)))
        at = min(ends[title], key=lambda i: abs(i - anchor), default=tokens[0].i)
        orgs = []
        organ = False
        unit = False
        for t in sorted(tokens, key=lambda t: abs(t.i - at)):
            if t.lower_ in title.split() or (t.head.tag_ == "VBN" and t.head.dep_ == "amod"
                                             and t.head.lemma_.lower() not in self.lex.appointing_verbs):
                continue  # "a vice-president of the Belgrade-backed Serb List": Belgrade is the backer
                # (but a "UN-appointed envoy" is the UN's)
            if t.lower_ == "whose" and t.head.head.dep_ == "relcl" or (t.lower_ == "whose" and t.head.dep_ == "relcl"):
                rel_head = t.head.head if t.head.dep_ != "relcl" else t.head
                owner = da.at(rel_head.head)  # "Asmara, whose President Isaias Afwerki ..."
                if owner and owner not in orgs:
                    orgs.append(owner)
                continue
            a = da.modifier(t)
            if a and not da.at(t) and t.head.lower_ not in title.split() and not (person.start <= t.head.i < person.end):
                continue  # "the French group's chief executive": French describes the group
            if a and self._posted_to(da.by_token[t.i].start if t.i in da.by_token else t.i, doc, da):
                continue  # "the UN envoy in Haiti", "ambassador to Chad": where he serves, not whose he is
            if a and a != person.actor and a not in orgs and da.actors.get(a, None) is not None \
                    and da.actors[a].type is not ActorType.PERSON:
                orgs.append(a)
                om = da.by_token.get(t.i)
                if len(orgs) == 1 and any(  # (any word of the name: the parser may hang its tail elsewhere)
                        r.head.dep_ == "prep" and r.head.head.pos_ == "NOUN"
                        and r.head.head.lemma_.lower() in self.lex.subunit_nouns
                        for r in (doc[om.start:om.end] if om is not None else [t])):
                    unit = True  # "director of the Asia program at Y" leads a unit of Y: a member
                if len(orgs) == 1 and da.actors[a].type is ActorType.STATE \
                        and any(da.at(o) == a and o.lower_ not in title.split()
                                and {o.lower_, o.lemma_.lower()} & (self.lex.agent_nouns - self.lex.state_leadership)
                                for o in (t, t.head)):
                    organ = True  # "chief of Russia's general staff" leads an organ of the state: a member
            elif a and a != person.actor and a not in da.actors and a in self.gaz.entries:
                da.actors[a] = self.entry_actor(a)
                orgs.append(a)
        # at the title, or at the unit it is "of": "director of the X program at Y"
        holders = [doc[at]] + [p for c in doc[at].children if c.dep_ == "prep" and c.lower_ == "of"
                               for p in c.children if p.dep_ == "pobj"]
        employer = [da.at(q) for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "at"
                    for p in c.children if p.dep_ == "pobj" and da.at(p)
                    for q in [next((o for o in p.children if o.dep_ == "poss" and da.at(o)), p)]  # "Y's initiative"
                    if da.actors[da.at(q)].type is ActorType.ORGANIZATION]
        if employer and orgs and employer[0] != orgs[0] and not any(
                c.dep_ == "poss" and da.at(c) == orgs[0] for c in doc[at].children):
            named_unit = orgs[0] if self._named_unit(doc, da, orgs[0], holders) else None
            orgs.insert(0, employer[0])  # "the Japan chair at the Hudson Institute": its subject is no employer,
            unit = True  # and the chair of a subject is a member of the institution
        else:
            named_unit = None
        if not orgs and doc[at].pos_ == "NOUN":  # "a lecturer in Z focusing on W at Y": "at" deeper down the title
            orgs = [da.at(p) for t in doc[at].subtree if t.dep_ == "prep" and t.lower_ == "at" and t.i > at
                    for p in t.children if p.dep_ == "pobj" and da.at(p)
                    and da.actors[da.at(p)].type is ActorType.ORGANIZATION][:1]
        if not orgs:  # "President William Ruto": the title the gazetteer knows him by, and his country
            attrs = da.actors[person.actor].attributes
            if title in self.lex.head_of_state_titles and title in normalize(attrs.get("title", "")) \
                    and attrs.get("country") in self.gaz.entries \
                    and tokens[-1].i in (person.start - 1, person.start):
                orgs = [attrs["country"]]
                da.actors.setdefault(attrs["country"], self.entry_actor(attrs["country"]))
            elif attrs.get("office") in self.gaz.entries and tokens[-1].i in (person.start - 1, person.start):
                # in a post of that state on the document's date (``dated_roles.py``): "President Clinton"
                orgs = [attrs["office"]]
                da.actors.setdefault(attrs["office"], self.entry_actor(attrs["office"]))
                if title not in self.lex.head_of_state_titles:
                    organ = True  # a minister, an official: a member of the state, not its head
            else:
                return
        before = " ".join(t.lower_ for t in doc[max(0, at - len(title.split()) - 2):at])  # "vice - president"
        deputy = any(f"{w} {title}" in text or f"{w}-{title}" in text or before.endswith((w, f"{w} -"))
                     for w in self.lex.deputy_words) or any(  # "a senior al-Shabab leader"
            t.lower_ in self.lex.deputy_words for c in doc[at].lefts if c.dep_ in ("amod", "compound", "nmod", "poss")
            for t in c.subtree)  # "the associate women's rights director"
        # "the first EU leader to ...": a leader among a body's members, not its head
        among = title == "leader" and da.actors[orgs[0]].type is ActorType.ORGANIZATION and not any(
            c.dep_ == "poss" and da.at(c) == orgs[0] for c in doc[at].children)  # (but "Ontario's leader" is its head)
        owner = None if named_unit else self._owner_of_organ(doc, da, orgs, at)
        if owner:
            orgs = [o for o in orgs if o != owner]
        # "Homeland Security Secretary X", "minister for the Ministry of Z": a minister heads his ministry
        minister = title.split()[-1] in self.lex.minister_titles and any(
            w in self.lex.ministry_nouns for w in normalize(da.actors[orgs[0]].name).split())
        kind = RelType.LEADS if (title in self.lex.titles_lead or minister) and not (deputy or organ or among or unit) \
            else RelType.MEMBER_OF
        sent = da.tokens.sents[da.tokens.sentence_of(person.start)]
        da.roles.append(Role(person.actor, kind, orgs[0], sent))
        if owner:  # "the Taliban's minister for the Ministry of Z", "U.S. Homeland Security Secretary X"
            da.roles.append(Role(person.actor, RelType.MEMBER_OF, owner, sent))
            da.roles.append(Role(orgs[0], RelType.MEMBER_OF, owner, sent))
        if named_unit:  # "director of the Z Initiative at Y": Z is Y's, and he holds his title in Z
            da.roles.append(Role(named_unit, RelType.MEMBER_OF, orgs[0], sent))
            lead = title in self.lex.titles_lead and not deputy
            da.roles.append(Role(person.actor, RelType.LEADS if lead else RelType.MEMBER_OF, named_unit, sent))

    def _owner_of_organ(self, doc: Doc, da: DocActors, orgs: list[str], at: int) -> str | None:
        """Of a title naming an organisation and a state or group that owns the title or the
        organisation ("Hamas's deputy minister for the Ministry of Z", "U.S. Homeland
        Security Secretary X"): the owner; he holds his title in the organisation."""
        if len(orgs) < 2:
            return None
        kinds = [da.actors[o].type for o in orgs[:2]]
        if ActorType.ORGANIZATION not in kinds or not {ActorType.STATE, ActorType.GROUP} & set(kinds):
            return None
        organ, owner = orgs[:2] if kinds[0] is ActorType.ORGANIZATION else orgs[1::-1]
        if kinds == [ActorType.ORGANIZATION] * 2:
            return None
        # its owner's "'s" on the title or the organisation, or its name just before the organisation's
        organ_at = sorted(i for i, m in da.by_token.items() if m.actor == organ and at - 8 <= i <= at + 12)
        return owner if organ_at and any(
            da.modifier(t) == owner and (t.dep_ == "poss" and (t.head.i == at or t.head.i in organ_at)
                                         or t.i + 1 == organ_at[0] and da.actors[owner].type is ActorType.STATE)
            for t in doc[max(0, at - 8):at + 12]) else None  # (not "the opposition Kuomintang")

    def _named_unit(self, doc: Doc, da: DocActors, actor: str, holders: list[Token]) -> bool:
        """An organisation named as a unit ("the Z Program"), the one the title is "of"."""
        if da.actors[actor].type is not ActorType.ORGANIZATION:
            return False
        return any(da.at(h) == actor and h.lemma_.lower() in self.lex.subunit_nouns for h in holders[1:])
