"""Actor resolution: spaCy spans -> mentions of known actors, one id per actor.

Sources of mentions, strongest first: the gazetteer (aliases, capitals, seats,
"<demonym> forces"), NER persons and organisations, demonyms modifying an
agent noun ("Russian warplanes"), possessors of agent nouns ("Assad's forces"),
context nouns ("the regime", "the group") and pronouns resolved within a
paragraph when only one candidate fits. Roles (titles, appositions) are read on the resolved
mentions by ``roles.py``; the data classes that leave resolution live in ``mentions.py``.
"""
from __future__ import annotations

import re
from collections import defaultdict

import numpy as np
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from actorgraph.graph import ActorType, RelType
from actorgraph.graph.names import normalize, slugify

from .collectives import CollectiveReader
from .dated_roles import DatedRoles
from .lexicon import DATA, Gazetteer, Lexicon, load_json
from .mentions import ActorSeen, DocActors, Mention, Role  # noqa: F401  (re-exported)
from .roles import RoleReader
from .tokens import Tokens, word_hashes

ENT_LABELS = {"PERSON", "ORG", "NORP", "GPE", "LOC", "FAC"}
WORD_RUN = re.compile(r"\w+")


def _runs(text: str) -> frozenset[str]:
    """The lower-cased runs of word characters in ``text``."""
    return frozenset(WORD_RUN.findall(text.lower()))


def _variants(alias: str) -> set[str]:
    out = {alias, alias.replace("-", " "), alias.replace("'", "\u2019")}
    if "-" not in alias and " " in alias and alias.lower().startswith(("al ", "el ", "ad ", "as ")):
        out.add(alias.replace(" ", "-", 1))
    return out


def _title(text: str) -> str:
    """Every word capitalised, the rest kept: "Russian defence ministry" -> "Russian Defence Ministry"."""
    return " ".join(w[:1].upper() + w[1:] if w not in ("of", "the", "and", "al", "el") else w
                    for w in text.split(" "))


class Resolver:
    """Built once per pipeline; ``resolve(doc)`` returns the document's :class:`DocActors`."""

    def __init__(self, nlp, gazetteer: Gazetteer, lexicon: Lexicon):
        self.gaz = gazetteer
        self.lex = lexicon
        # Forms with a capital letter match case-sensitively ("US" is not "us", "Turkey" not
        # "turkey"); all-lowercase forms ("rebels", "the opposition") match in any case.
        self.matchers = (PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="LOWER"))
        self.kind: dict[int, tuple[str, str]] = {}
        # A form is tokenized into its matcher only once a document holds every run of word
        # characters it has (a form can match only then): most of the gazetteer's forms never
        # occur, and tokenizing them all took longer than parsing a few documents.
        self.make_doc = nlp.make_doc
        self.pending: dict[str, list[tuple[int, str, str, frozenset[str]]]] = defaultdict(list)
        ready: list[tuple[int, str, str]] = []
        for e in gazetteer.entries.values():
            for kind, forms in (("alias", e.aliases | {e.name}), ("demonym", e.demonyms)):
                key = f"{kind}|{e.id}"
                self.kind[nlp.vocab.strings.add(key)] = (kind, e.id)
                variants = {v for f in forms for v in _variants(f) if v.strip()}
                cased = {form for v in variants if v != v.lower()
                         for form in (v, v[0].upper() + v[1:], _title(v))}
                lower = {v for v in variants if v == v.lower()}
                for which, group in ((0, cased), (1, lower)):
                    for form in sorted(group):
                        runs = _runs(form)
                        if runs:
                            self.pending[max(sorted(runs), key=len)].append((which, key, form, runs))
                        else:
                            ready.append((which, key, form))
        self._add(ready)
        self.roles = RoleReader(lexicon, gazetteer)
        self.collectives = CollectiveReader(gazetteer, nlp.vocab)
        self.dated_roles = DatedRoles()
        # forms whose referent depends on the document's date: "Moscow" in 1985 is the Soviet Union
        self.dated: dict[str, list[tuple[str, str]]] = {}
        for f in load_json(DATA / "historical.json")["dated_forms"]:
            if f["actor"] in gazetteer.entries:
                self.dated.setdefault(normalize(f["form"]), []).append((f["until"], f["actor"]))
        desc = load_json(DATA / "descriptions.json")
        self.regime_nouns = set(desc["regime_nouns"])
        self.kinds = {k: set(v) for k, v in desc.get("kinds", {}).items()}
        self.heads = set(desc.get("heads", ()))
        self.title_nouns = set(desc.get("title_nouns", ()))
        self.organisation_nouns = set(desc.get("organisation_nouns", ()))
        self.place_nouns = set(desc.get("place_nouns", ()))
        self.h_descriptions = word_hashes(nlp.vocab, self.kinds.keys() | self.heads)
        v = nlp.vocab
        self.h_agents = word_hashes(v, lexicon.agent_nouns | lexicon.title_agents)
        self.h_groups = word_hashes(v, lexicon.group_nouns)
        self.h_titles = word_hashes(v, lexicon.titles)
        self.h_say = word_hashes(v, lexicon.say_verbs)
        self.h_gangs = word_hashes(v, desc.get("named_group_nouns", ()))
        # context nouns, pronouns, and "federal" (as in "federal troops")
        self.h_context = word_hashes(v, set(lexicon.context_nouns) | set(lexicon.pronouns) | lexicon.federal_words)

    def _add(self, forms: list[tuple[int, str, str]]) -> None:
        grouped: dict[tuple[int, str], list[str]] = defaultdict(list)
        for which, key, form in forms:
            grouped[(which, key)].append(form)
        for (which, key), group in sorted(grouped.items()):
            self.matchers[which].add(key, [self.make_doc(f) for f in group])

    def _compile_for(self, text: str) -> None:
        """Tokenize into the matchers the pending forms whose every word run ``text`` has."""
        words = _runs(text)
        ready = []
        for run in sorted(words & self.pending.keys()):
            keep = []
            for item in self.pending.pop(run):
                if item[3] <= words:
                    ready.append(item[:3])
                else:
                    keep.append(item)
            if keep:
                self.pending[run] = keep
        self._add(ready)

    # -- helpers -----------------------------------------------------------
    def _entry_actor(self, actor_id: str) -> ActorSeen:
        e = self.gaz.entries[actor_id]
        return ActorSeen(e.id, e.name, e.type, attributes=dict(e.attributes), known=True)

    def _clean(self, span: Span) -> Span:
        """The span without leading articles, titles, honorifics and demonyms, or trailing 's."""
        start, end = span.start, span.end
        doc = span.doc
        while start < end - 1 and (doc[start].lower_ in ("the", "a", "an") or doc[start].lower_ in self.lex.honorifics
                                   or doc[start].lower_ in self.lex.titles_lead
                                   or doc[start].lower_ in self.lex.titles_member
                                   or (self.gaz.demonym(doc[start].text)  # "Syrian President X", not
                                       and not (end - start == 2  # the party "Georgian Dream"
                                                and self.gaz.lookup(doc[start + 1].text) is None)
                                       and not self._named_with_demonym(span, start))):
            start += 1
        while end > start + 1 and doc[end - 1].lower_ in ("'s", "\u2019s", "'", "\u2019", "-"):
            end -= 1
        return doc[start:end]

    def _extends_name(self, ent: Span, inner: Span) -> bool:
        """A name the gazetteer lacks, made of a known name and capitalised words around it:
        before an organisation's name, words that are not a state, a demonym or a title
        ("National Security Council"); after it, or around a state's name, a name of its own
        ("European Council on Foreign Relations", "Distilled Spirits Council of the United States",
        "Carnegie Russia Eurasia Center"), but not a state's organ ("Embassy of Japan")."""
        e = self.gaz.entries[self.kind[inner.label][1]]
        doc = ent.doc
        if self.gaz.lookup(ent.text) is not None or e.type not in (ActorType.ORGANIZATION, ActorType.STATE):
            return False
        before = [t for t in doc[ent.start:inner.start] if t.lower_ not in ("the", "a", "an")]
        after = [t for t in doc[inner.end:ent.end]]
        if e.type is ActorType.ORGANIZATION and before and not after:
            own = before[1:] if len(before) > 1 and self.gaz.demonym(before[0].text) else before  # "Japanese Liberal"
            return all(t.is_title and not self.gaz.demonym(t.text) and not self.gaz.lookup(t.text)
                       and t.lower_ not in self.lex.titles for t in own)
        outside = before + after
        words = [t for t in outside if t.is_alpha and t.lower_ not in ("of", "for", "on", "and", "in", "the")]
        if not words or not all(t.is_title for t in words) or any(t.lower_ in self.lex.titles for t in words) \
                or not any(t.lower_ not in self.lex.generic_words for t in words):
            return False
        if e.type is ActorType.STATE:  # ("Russia's Federal Service ..." is Russia's organ: its owner stays)
            return ent.root.lower_ not in self.lex.agent_nouns and ent.root.i not in range(inner.start, inner.end) \
                and not (inner.end < ent.end and doc[inner.end].lower_ in ("'s", "\u2019s", "'", "\u2019")) \
                and not any(self.gaz.demonym(t.text) or self.gaz.lookup(t.text) for t in words)
        return bool(after) and (after[0].lower_ in ("on", "for", "of") or ent.root.i >= inner.end
                                and self._organ_head(ent.root))  # or a body's named organ: "the UN Working Group on Z"

    def _organ_head(self, tok) -> bool:
        """A word that heads the name of an organ or a unit ("Council", "Bureau", "Working Group")."""
        words = {tok.lemma_.lower(), tok.lower_}
        if tok.i > 0:
            words.add(f"{tok.doc[tok.i - 1].lower_} {tok.lower_}")
        return bool(words & (self.lex.organ_nouns | self.lex.subunit_nouns))

    def _bounds(self, doc: Doc) -> tuple[list[Span], set[tuple[int, int]]]:
        """The tagger's entities with their bounds mended, and the (start, end) of the names grown:
        a name in apposition after a comma is cut off ("the Ministry of Z, Ali Khan" tagged as
        one organisation); two organisations' names back to back are one ("the Daniel K. Inouye"
        "Asia-Pacific Center"); an organisation's name runs on over "for", "on" or "of" and
        capitalised words ("the UN Working Group" "on Arbitrary Detention"; not over "in": "the
        Center for Z in Hawaii" is in Hawaii)."""
        ents: list[Span] = []
        grown: set[tuple[int, int]] = set()
        tagged = doc.ents
        for ent in tagged:
            comma = next((t.i for t in ent[1:-1] if t.text == ","), None) if ent.label_ in ("ORG", "PERSON") else None
            tail = doc[comma + 1:ent.end] if comma is not None else None
            if tail is not None and tail.root.dep_ == "appos" and tail[0].pos_ == "PROPN" and tail[-1].pos_ == "PROPN" \
                    and not any(t.pos_ in ("VERB", "AUX") for t in tail):
                ents += [Span(doc, ent.start, comma, label=ent.label_), Span(doc, comma + 1, ent.end, label="PERSON")]
                continue
            owned = self._owned_name(ent) if ent.label_ == "ORG" else None
            if owned is not None:  # "the Lowy Institute's Jan Kowal": the owner, then its person (or organ)
                k, label = owned
                ents += [Span(doc, ent.start, k, label="ORG"), Span(doc, k + 1, ent.end, label=label)]
                continue
            cut = self._name_after_body(ent) if ent.label_ == "ORG" else None
            if cut is not None:  # "Chamber of Deputies Arnel Belizaire": the body, then a person
                ents += [Span(doc, ent.start, cut, label="ORG"), Span(doc, cut, ent.end, label="PERSON")]
                continue
            if ents and ent.label_ == "ORG" == ents[-1].label_ and ents[-1].end == ent.start \
                    and doc[ent.start - 1].lower_ not in ("'s", "\u2019s", "'", "\u2019") \
                    and not doc[ent.start - 1].whitespace_ == "" and ent[0].lower_ != "the":
                ent = Span(doc, ents.pop().start, ent.end, label="ORG")
                grown.add((ent.start, ent.end))
            if ent.label_ == "ORG" and ent.end + 1 < len(doc):
                end = ent.end
                prep = doc[end].lower_
                if prep in ("for", "on", "of"):
                    end += 1
                    while end < len(doc) and (doc[end].is_title or doc[end].is_upper and doc[end].is_alpha) \
                            and doc[end].ent_type_ not in ("DATE", "TIME", "PERSON", "CARDINAL"):
                        end += 1
                    if end > ent.end + 1 and (self._organ_head(ent.root) or ent.root.lower_ in self.lex.name_suffixes):
                        if not any(e.start < end and e.end > ent.end and e.label_ == "ORG" for e in tagged):
                            ent = Span(doc, ent.start, end, label="ORG")
                            grown.add((ent.start, ent.end))
            ents.append(ent)
        return ents, grown

    def _owned_name(self, ent: Span) -> tuple[int, str] | None:
        """Where an organisation's tagged name holds an owner's "'s" before another name: the "'s"
        and what the name after it is (a person, or an organ when it ends in a body's word)."""
        words = self.lex.generic_words | self.lex.organ_nouns | self.lex.name_suffixes | self.lex.subunit_nouns \
            | self.organisation_nouns
        for k in range(ent.start + 1, ent.end - 1):
            if ent.doc[k].lower_ in ("'s", "\u2019s"):
                if ent.doc[k - 1].lower_ not in words:
                    return None  # the owner a body by its last word ("the Lowy Institute's"; not "People's")
                tail = ent.doc[k + 1:ent.end]
                if not all(t.pos_ == "PROPN" or t.lower_ in ("for", "of", "and", "on") for t in tail):
                    return None
                return k, "ORG" if any(t.lower_ in words for t in tail) else "PERSON"
        return None

    def _name_after_body(self, ent: Span) -> int | None:
        """Where a person's name starts inside an organisation's tagged name that ends in it: after
        a plural "of" word ("Chamber of Deputies Arnel Belizaire"), two or more names that are no
        words of a body ("House of Representatives Committee" stays whole)."""
        words = self.lex.generic_words | self.lex.organ_nouns | self.lex.name_suffixes
        for k in range(ent.start + 2, ent.end - 2):
            t = ent.doc[k]
            if t.tag_ == "NNPS" and ent.doc[k - 1].lower_ == "of":
                rest = ent.doc[k + 1:ent.end]
                if all(r.tag_ == "NNP" and r.lower_ not in words for r in rest):
                    return k + 1
                return None
        return None

    def _owned_elsewhere(self, span: Span) -> bool:
        """"Russia's Security Council" is not the UN Security Council: an organisation's alias made
        of generic words only, owned ("'s") by a state that is not the organisation's own."""
        doc = span.doc
        entry = self.gaz.entries[self.kind[span.label][1]]
        words = [t.lower_ for t in span if t.lower_ != "the"]
        if entry.type is not ActorType.ORGANIZATION or span.start < 2 \
                or doc[span.start - 1].lower_ not in ("'s", "\u2019s") or not words \
                or not all(w in self.lex.generic_words for w in words):
            return False
        owner = self.gaz.lookup(doc[span.start - 2].text)
        return owner is not None and owner.type is ActorType.STATE and owner.id != entry.attributes.get("country")

    def _named_with_demonym(self, span: Span, start: int) -> bool:
        """An organisation whose name begins with a demonym ("American Civil Liberties Union",
        "French National Assembly"): the rest is a name of its own, not generic words or a title."""
        rest = [t for t in span.doc[start + 1:span.end] if t.is_alpha]
        return span.label_ == "ORG" and bool(rest) and rest[0].is_title \
            and any(t.lower_ not in self.lex.generic_words for t in rest) \
            and not any(t.lower_ in self.lex.titles for t in rest)

    def _titled(self, span: Span) -> bool:
        """A name with a personal title before it or in apposition to it."""
        before = span.doc[span.start - 1] if span.start else None
        titles = self.lex.titles
        return (before is not None and before.lower_ in titles and span[0].is_title) or any(
            c.dep_ == "appos" and c.lower_ in titles for c in span.root.children) \
            or (span.root.dep_ == "appos" and span.root.head.lower_ in titles and span.root.head.i < span.start
                and span.root.head.tag_ in ("NN", "NNP"))  # "the President of the commission, X"

    def _new_actor(self, span: Span, label: str) -> ActorSeen | None:
        text = span.text.strip()
        key = normalize(text)
        if not key or key in self.lex.never_actors or not any(c.isalpha() for c in text):
            return None
        generic = self.lex.generic_words | self.lex.agent_nouns | self.lex.titles_member | self.lex.titles_lead
        if set(key.split()) <= generic or key in self.lex.nominals or key in self.lex.verbs:
            return None  # "Defence Ministry", "State", "ATTACK": not an actor of its own
        after = span.doc[span.end].text if span.end < len(span.doc) else ","
        dateline = text.isupper() and (span.start == 0 or "\n" in span.doc[span.start - 1].text_with_ws
                                       or span.doc[span.start - 1].is_space) \
            and after in (",", "-", "\u2013", "\u2014", "(", "/", ":")  # "KYIV, Feb 14 -", not "CARICOM Secretary-General"
        if "/" in text or (text.isupper() and len(key.split()) > 1) or not text[:1].isupper() or dateline:
            return None  # photo credits ("KHALIL ASHAWI/REUTERS"), fragments ("al-Zor", "especially ...")
        if label == "PERSON":
            if len(span) == 1 and span[0].lower_ in self.lex.pronouns:
                return None
            return ActorSeen(slugify(text), text, ActorType.PERSON)
        if label == "ORG":
            words = set(key.split())
            kind = ActorType.GROUP if words & self.lex.group_name_words else ActorType.ORGANIZATION
            return ActorSeen(slugify(text), text, kind)
        return None

    # -- the pass over one document ---------------------------------------
    def _dated(self, text: str, actor_id: str, date: str | None) -> str:
        """The actor a form names on the document's date (ISO, as precise as known)."""
        for until, then in sorted(self.dated.get(normalize(text), ())) if date else ():
            if date < until:
                return then
        return actor_id

    def resolve(self, doc: Doc, *, document: str | None = None, date: str | None = None,
                text: str | None = None) -> DocActors:
        """The passes, in this order (each reads what the ones before found): gazetteer and NER
        spans, acronyms, named groups, short person names, short organisation names, demonyms
        and agent nouns, qualified collectives (``collectives.py``), roles (``roles.py``), context
        nouns and pronouns, bare collectives, owned agents. ``document`` (its id) scopes the bare
        collectives to it; ``date`` (the document's, ISO) picks what a dated form names then;
        ``text`` is ``doc.text``, when the caller has it."""
        da = DocActors(Tokens(doc, text))
        self._compile_for(da.tokens.text)
        gaz_spans, demonyms = [], {}
        # shorter matches first, so that "South Sudanese" overrides the "Sudanese" inside it
        matches = sorted((*self.matchers[0](doc), *self.matchers[1](doc)), key=lambda m: (m[2] - m[1], m[1]))
        for match_id, start, end in matches:
            kind, actor_id = self.kind[match_id]
            if date and self.dated:
                actor_id = self._dated(doc[start:end].text, actor_id, date)
                match_id = doc.vocab.strings[f"{kind}|{actor_id}"] if f"{kind}|{actor_id}" in doc.vocab.strings \
                    else match_id
            if kind == "demonym":  # "Kenyan"; "North Korean" (kept at its last word, "Korean")
                demonyms[end - 1] = actor_id
                for i in range(start, end):
                    da.modify(i, self._entry_actor(actor_id))
            elif not (start >= 2 and doc[start - 1].lower_ in self.lex.name_particles and doc[start - 1].is_lower
                      and doc[start - 2].is_title):  # "Mocimboa da Praia" is a town, not Cape Verde's capital
                gaz_spans.append(Span(doc, start, end, label=match_id))
        gaz_spans = filter_spans(gaz_spans)
        # a name inside a longer nationality word is not itself: "West" in "West African"
        norp = [(e.start, e.end) for e in doc.ents if e.label_ == "NORP" and len(e) > 1]
        gaz_spans = [sp for sp in gaz_spans if not any(a <= sp.start and sp.end <= b and b - a > len(sp)
                                                       for a, b in norp)]
        span_at = {i: sp for sp in gaz_spans for i in range(sp.start, sp.end)}
        taken = set(span_at)
        chosen = list(gaz_spans)
        ents, grown = self._bounds(doc)
        for ent in ents:
            if ent.label_ not in ENT_LABELS:
                continue
            inside = list({id(span_at[i]): span_at[i] for i in range(ent.start, ent.end) if i in span_at}.values())
            if not inside:
                chosen.append(ent)
            elif (ent.start, ent.end) in grown and all(ent.start <= sp.start and sp.end <= ent.end for sp in inside) \
                    and self.gaz.lookup(self._clean(ent).text) is None:
                chosen = [sp for sp in chosen if sp not in inside] + [ent]  # "the U.N. Integrated Bureau for Haiti"
            elif ent.label_ in ("GPE", "LOC", "FAC") and all(
                    ent.start <= sp.start and sp.end <= ent.end and len(sp) < len(ent) for sp in inside) \
                    and self.gaz.lookup(ent.text) is None:
                chosen = [sp for sp in chosen if sp not in inside]  # "Mocimboa da Praia" is a town, not Cape Verde
            elif ent.label_ == "ORG" and len(inside) == 1 and len(inside[0]) < len(ent) \
                    and self._extends_name(ent, inside[0]):
                # "Turkey's National Security Council" is not the UN Security Council, nor the
                # "European Council on Foreign Relations" the European Council
                chosen = [sp for sp in chosen if sp is not inside[0]] + [ent]
            elif ent.label_ == "PERSON" and all(
                    (self.gaz.entries[self.kind[sp.label][1]].type is ActorType.PERSON
                     or (len(sp) == 1 and sp.end == ent.end and sp.start - ent.start >= 1
                         and doc[sp.start - 1].pos_ == "PROPN" and doc[sp.start - 1].is_title))
                    and ent.start <= sp.start and sp.end <= ent.end for sp in inside) \
                    and self.gaz.lookup(self._clean(ent).text) is None \
                    and len(self._clean(ent)) > max(len(sp) for sp in inside):
                # "Asma al-Assad" is not "Assad", "Therese Kayikwamba Wagner" not the Wagner Group
                chosen = [sp for sp in chosen if sp not in inside] + [ent]
        chosen.sort(key=lambda sp: sp.start)
        acronyms: dict[str, ActorSeen] = {}
        people: dict[str, ActorSeen] = {}
        for span in chosen:
            if span.label in self.kind:
                if not self._owned_elsewhere(span):
                    da.add(span, self._entry_actor(self.kind[span.label][1]), span.text)
                continue
            if span.start in demonyms and len(span) == 1:
                continue  # a demonym is handled below
            if span.label_ in ("PERSON", "ORG") and any(c.dep_ == "appos" and c.lemma_.lower() in self.place_nouns
                                                        and c.i > span.end for c in span.root.children):
                continue  # "Beledweyne, a town near ...": a place, whatever the tagger made of it
            if span.label_ in ("PERSON", "GPE") and span.root.dep_ in ("appos", "compound") \
                    and span.root.head.lemma_.lower() in self.organisation_nouns and span.root.head.i < span.start:
                span = Span(doc, span.start, span.end, label="ORG")  # "the group Somali Public Agenda"
            clean = self._clean(span)
            if span.label_ == "PERSON":
                end = clean.end
                while end < len(doc) and doc[end].pos_ == "PROPN" and doc[end - 1].head.i == end \
                        and doc[end].i not in taken:
                    end += 1
                clean = doc[clean.start:end]
            entry = self.gaz.lookup(clean.text)
            if entry is not None:
                da.add(clean, self._entry_actor(entry.id), clean.text)
                continue
            label = span.label_
            if label == "ORG" and self._titled(clean):
                label = "PERSON"  # "Moussa Faki Mahamat, chairman of ..." tagged as an organisation
            if label == "PERSON" and len(clean) == 1 and clean.text.isupper() and len(clean.text) > 1:
                label = "ORG"  # an acronym ("the #PNH") is no person
            actor = acronyms.get(clean.text) or self._new_actor(clean, label)
            if actor is None:
                continue
            nxt = doc[clean.end:clean.end + 3]
            if len(nxt) == 3 and nxt[0].text == "(" and nxt[2].text == ")" and nxt[1].is_upper:
                acronyms[nxt[1].text] = actor  # "Southern Transitional Council (STC)"
            if actor.type is ActorType.PERSON:
                people.setdefault(actor.id, actor)
            da.add(clean, actor, clean.text)
            if actor.type is not ActorType.PERSON and len(clean) > 2 and self.gaz.demonym(clean[0].text):
                da.actors[actor.id].aliases.add(clean[1:].text)  # "Japanese Liberal Democratic Party"
        for acr, actor in acronyms.items():
            for i in np.flatnonzero(da.tokens.lower == doc.vocab.strings[acr.lower()]):
                if int(i) not in da.by_token and doc[int(i)].text == acr:
                    da.add(doc[int(i)], actor, acr)
        self._named_groups(doc, da, demonyms)
        self._named_by_role(doc, da)
        self._regions_by_leader(doc, da)
        self._gang_names(doc, da)
        self._join_short_names(doc, da, people)
        self._own_surnames(doc, da)
        self.dated_roles.resolve(doc, da, date, self._titled_people(doc, da))  # "President Clinton" in 1997
        self._join_short_org_names(doc, da)
        self._join_bare_org_names(doc, da)
        self._demonyms_and_agents(doc, da, demonyms)
        self.collectives.qualified(doc, da)  # "Chadian rebels", "supporters of X", "40 Kenyans"
        self._descriptions(doc, da)  # ("President of the commission, X": before the roles are read)
        self.roles.read(doc, da)
        self._context(doc, da)
        self._descriptions(doc, da)  # "the alliance" after NATO, "the party" after the LDP
        self.collectives.bare(doc, da, document)  # "the rebels": this document's, no other's
        self._owned_agents(doc, da)  # "junta aircraft" once "junta" is known
        return da

    def _named_groups(self, doc: Doc, da: DocActors, demonyms: dict[int, str]) -> None:
        """"Amhara militias", "Tuareg rebels": a name the gazetteer lacks before a group noun."""
        for i in da.tokens.having(self.h_groups):
            tok = doc[int(i)]
            if tok.lower_ not in self.lex.group_nouns or tok.tag_ != "NNS":
                continue
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i == tok.i - 1]
            if not mods:
                continue
            mod = mods[0]
            if mod.i in demonyms or (mod.i in da.by_token and da.by_token[mod.i].end > mod.i + 1) \
                    or not (mod.ent_type_ in ("NORP", "GPE", "ORG", "LOC") or mod.pos_ == "PROPN"):
                continue
            if mod.i in da.by_token:
                continue  # "Hezbollah forces" are Hezbollah
            span = doc[mod.i:tok.i + 1]
            if normalize(span.text) in self.lex.never_actors:
                continue
            known = self.gaz.lookup(span.text)
            actor = self._entry_actor(known.id) if known else ActorSeen(slugify(span.text), span.text, ActorType.GROUP)
            for i in range(span.start, span.end):
                da.by_token.pop(i, None)
            da.add(span, actor, span.text)

    def _regions_by_leader(self, doc: Doc, da: DocActors) -> None:
        """"Ontario's provincial leader", "Canada's Ontario provincial leader": a place the
        gazetteer lacks that owns a leading title is a government of its own (an organisation,
        a member of the state that owns it); its other mentions in the document are it too."""
        found: dict[str, ActorSeen] = {}
        for ent in doc.ents:
            root = ent.root
            if ent.label_ != "GPE" or ent.start in da.by_token or self.gaz.lookup(ent.text) is not None \
                    or root.dep_ not in ("poss", "nmod", "compound") or root.head.lower_ not in self.lex.titles_lead \
                    or root.head.i < ent.end:
                continue
            actor = found.setdefault(ent.text, ActorSeen(slugify(ent.text), ent.text, ActorType.ORGANIZATION))
            da.add(ent, actor, ent.text)
            owner = doc[ent.start - 2] if ent.start >= 2 and doc[ent.start - 1].lower_ in ("'s", "\u2019s") else None
            if owner is not None and da.at(owner) and da.actors[da.at(owner)].type is ActorType.STATE:
                da.roles.append(Role(actor.id, RelType.MEMBER_OF, da.at(owner), da.tokens.sents[da.tokens.sentence_of(ent.start)]))
        for ent in doc.ents if found else ():
            if ent.text in found and ent.start not in da.by_token:
                da.add(ent, found[ent.text], ent.text)

    def _gang_names(self, doc: Doc, da: DocActors) -> None:
        """"the Village de Dieu gang", "the Sinaloa cartel": a name the gazetteer lacks, just before
        a singular group noun (``named_group_nouns``), is the group's name with the noun."""
        for i in da.tokens.having(self.h_gangs):
            tok = doc[int(i)]
            m = da.by_token.get(tok.i - 1) if tok.i else None
            if m is None or tok.tag_ != "NN" or tok.i in da.by_token or m.end != tok.i \
                    or da.actors[m.actor].known or da.actors[m.actor].type is ActorType.PERSON:
                continue
            span = doc[m.start:tok.i + 1]
            da.remove(m.start, m.end)
            da.add(span, ActorSeen(slugify(span.text), span.text, ActorType.GROUP), span.text)

    def _named_by_role(self, doc: Doc, da: DocActors) -> None:
        """Names the tagger missed, told by the role around them: the subject of "is the <title>
        of" or a name in apposition with a title is a person ("X is the executive director of
        Y", "X, director of Y"); a name "of" or "at" after a titled person is his organisation
        ("analyst X of Y Partners")."""
        titles = self.lex.titles
        near = set()  # the words a title word is hung on, or that hang on it (not every token: costly)
        for i in da.tokens.having(self.h_say):  # "the Y Fund's X said"
            near |= {c.i for c in doc[int(i)].children if c.dep_ == "nsubj"}
        for i in da.tokens.having(self.h_titles):
            t = doc[int(i)]
            near |= {t.head.i, *(c.i for c in t.children)}
            near |= {c.i for c in t.head.children if c.dep_ in ("nsubj", "appos")}
            near |= {p.i for c in t.head.children if c.dep_ == "prep" for p in c.children if p.dep_ == "pobj"}
        for tok in (doc[i] for i in sorted(near)):
            if tok.pos_ != "PROPN" or tok.dep_ == "compound" or tok.i in da.by_token or not tok.is_title:
                continue
            start = tok.i  # the unbroken run of capitalised names hung on it
            while start > 0 and doc[start - 1].pos_ == "PROPN" and start - 1 <= doc[start - 1].head.i <= tok.i:
                start -= 1
            span = doc[start:tok.i + 1]
            if any(t.i in da.by_token or not t.is_title or t.pos_ != "PROPN" for t in span) \
                    or self.gaz.lookup(span.text) or self.gaz.demonym(span[0].text):
                continue
            head = tok.head
            person = (tok.dep_ == "nsubj" and head.lemma_.lower() in self.lex.role_copulas
                      and any(c.dep_ == "attr" and c.lemma_.lower() in titles for c in head.children)) \
                or (tok.dep_ == "appos" and head.i < tok.i and head.lower_ in titles and head.pos_ == "NOUN") \
                or any(c.dep_ == "appos" and c.i > tok.i and c.lemma_.lower() in titles and c.pos_ == "NOUN"
                       for c in tok.children)
            owner = head.head if tok.dep_ == "pobj" and head.lower_ in ("of", "at") else None
            body = len(span) > 1 and owner is not None and da.at(owner) is not None \
                and da.actors[da.at(owner)].type is ActorType.PERSON and owner.i < tok.i
            spokesman = tok.dep_ == "nsubj" and head.lemma_.lower() in self.lex.say_verbs and any(
                c.dep_ == "poss" and da.at(c) and da.actors[da.at(c)].type is ActorType.ORGANIZATION
                for c in tok.children)
            if person and len(span) > 1 or spokesman:
                da.add(span, ActorSeen(slugify(span.text), span.text, ActorType.PERSON), span.text)
            elif body:
                da.add(span, ActorSeen(slugify(span.text), span.text, ActorType.ORGANIZATION), span.text)

    def _join_short_names(self, doc: Doc, da: DocActors, people: dict[str, ActorSeen]) -> None:
        """"Haftar" -> "Khalifa Haftar" when one full name in the document ends that way (or, when
        none does, begins that way)."""
        full = [a for a in da.actors.values() if a.type is ActorType.PERSON and len(normalize(a.name).split()) > 1]
        for pid, person in people.items():
            key = normalize(person.name)
            if len(key.split()) != 1:
                continue
            hits = {a.id for a in full if normalize(a.name).split()[-1] == key and a.id != pid}
            if not hits:  # "his son Sebastien" -> "Sebastien Lai", "Xi" -> "Xi Jinping": a first name
                hits = {a.id for a in full if normalize(a.name).split()[0] == key and a.id != pid}
            if len(hits) != 1:
                continue
            target = hits.pop()
            for m in {id(m): m for m in da.by_token.values() if m.actor == pid}.values():
                m.actor = target
            seen = da.actors.pop(pid)
            da.actors[target].mentions += seen.mentions
            da.actors[target].aliases |= seen.aliases | {seen.name}
        # a surname the tagger did not mark as a name, once the full name is known
        surnames: dict[str, set[str]] = {}
        for a in da.actors.values():
            words = a.name.split()
            if a.type is ActorType.PERSON and len(words) > 1 and words[-1][:1].isupper():
                surnames.setdefault(words[-1], set()).add(a.id)
        for name, ids in surnames.items():
            if len(ids) != 1 or name.lower() not in doc.vocab.strings:
                continue
            actor = da.actors[next(iter(ids))]
            stray = slugify(name)  # the same surname read as an organisation: "Kremenyuk said"
            if stray in da.actors and stray not in self.gaz.entries and da.actors[stray].type is not ActorType.PERSON:
                for m in {id(m): m for m in da.by_token.values() if m.actor == stray}.values():
                    m.actor = actor.id
                actor.mentions += da.actors.pop(stray).mentions
            for i in np.flatnonzero(da.tokens.lower == doc.vocab.strings[name.lower()]):
                tok = doc[int(i)]
                if tok.i not in da.by_token and tok.text == name and tok.pos_ == "PROPN" \
                        and not self._title_use(tok):
                    da.add(tok, actor, name)

    def _own_surnames(self, doc: Doc, da: DocActors) -> None:
        """"Bennett" is the document's Richard Bennett, not the gazetteer's Naftali Bennett, when
        the document names one person of that surname in full and the known one only by it."""
        mentions = list({id(m): m for m in da.by_token.values()}.values())
        full: dict[str, set[str]] = {}
        for m in mentions:
            words = normalize(doc[m.start:m.end].text).split()
            if da.actors[m.actor].type is ActorType.PERSON and len(words) > 1:
                full.setdefault(words[-1], set()).add(m.actor)
        for actor in {m.actor for m in mentions}:
            seen = da.actors[actor]
            own = [m for m in mentions if m.actor == actor]
            if not seen.known or seen.type is not ActorType.PERSON or any(m.end - m.start > 1 for m in own):
                continue
            words = {normalize(doc[m.start].text) for m in own}
            others = full.get(next(iter(words)), set()) - {actor} if len(words) == 1 else set()
            if len(others) != 1:
                continue
            target = others.pop()
            for m in own:
                m.actor = target
            da.actors[target].mentions += seen.mentions
            del da.actors[actor]

    def _titled_people(self, doc: Doc, da: DocActors) -> set[str]:
        """The people named just after a title ("President Clinton", "Prime Minister Rabin")."""
        out = set()
        for m in {id(m): m for m in da.by_token.values()}.values():
            if da.actors[m.actor].type is ActorType.PERSON and m.start and any(
                    " ".join(t.lower_ for t in doc[max(0, m.start - n):m.start]) in self.lex.titles for n in (1, 2, 3)):
                out.add(m.actor)
        return out

    def _title_only(self, head) -> bool:
        """A singular title with no name after it or in apposition ("the Japanese foreign minister
        said", "his Korean counterpart": a pronoun owner is no name), in an argument of a clause."""
        doc = head.doc
        return (head.lower_ in self.lex.title_agents or head.lower_ in self.title_nouns) and head.tag_ == "NN" \
            and head.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") \
            and not (head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN") \
            and not any(c.dep_ == "appos" or c.dep_ == "poss" and c.pos_ != "PRON" for c in head.children)

    def _title_use(self, tok) -> bool:
        """A surname that is also a title, used as one: "the King", "King Salman" (not Peter King)."""
        doc = tok.doc
        return tok.lower_ in self.lex.titles and (
            (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")
            or (tok.i > 0 and doc[tok.i - 1].lower_ in ("the", "a", "an", "his", "her", "its", "their")))

    def _join_short_org_names(self, doc: Doc, da: DocActors) -> None:
        """"Dyck" -> "Dyck Advisory Group", "Amnesty" -> "Amnesty International": a name without
        its generic ending, once the full name is in the document and no other name ends that way."""
        cores: dict[tuple[str, ...], set[str]] = {}
        for a in da.actors.values():
            words = a.name.split()
            if a.type not in (ActorType.ORGANIZATION, ActorType.GROUP):
                continue
            n = len(words)
            while n > 1 and words[n - 1].lower() in self.lex.name_suffixes:
                n -= 1
            if n < len(words) and all(w[:1].isupper() for w in words[:n]):
                cores.setdefault(tuple(words[:n]), set()).add(a.id)
        for core, ids in cores.items():
            if len(ids) != 1 or core[0].lower() not in doc.vocab.strings:
                continue
            actor = da.actors[next(iter(ids))]
            stray = slugify(" ".join(core))  # the short name read as a name of its own ("Amnesty" a person)
            if stray in da.actors and stray not in self.gaz.entries:
                for m in {id(m): m for m in da.by_token.values() if m.actor == stray}.values():
                    m.actor = actor.id
                actor.mentions += da.actors.pop(stray).mentions
            for i in np.flatnonzero(da.tokens.lower == doc.vocab.strings[core[0].lower()]):
                span = doc[int(i):int(i) + len(core)]
                if tuple(t.text for t in span) == core and all(t.pos_ == "PROPN" for t in span) \
                        and not any(t.i in da.by_token for t in span) \
                        and not (span.end < len(doc) and doc[span.end].pos_ == "PROPN"):
                    da.add(span, actor, span.text)

    def _join_bare_org_names(self, doc: Doc, da: DocActors) -> None:
        """"Communist Party" -> "Chinese Communist Party", "Homeland Security" -> "Department of
        Homeland Security": a name of its own that is the rest of an organisation's name in this
        document, after a demonym or a generic word and "of", is that organisation."""
        mentions = list({id(m): m for m in da.by_token.values()}.values())
        longer: dict[str, set[str]] = {}
        for m in mentions:
            words = [t for t in doc[m.start:m.end] if t.lower_ != "the"]
            if da.actors[m.actor].type not in (ActorType.ORGANIZATION, ActorType.GROUP) or len(words) < 3:
                continue
            if self.gaz.demonym(words[0].text):
                rest = words[1:]
            elif words[0].lower_ in self.lex.generic_words and words[1].lower_ == "of":
                rest = words[2:]
            else:
                continue
            longer.setdefault(normalize(" ".join(t.text for t in rest)), set()).add(m.actor)
        for m in mentions:
            seen = da.actors.get(m.actor)
            if seen is None or seen.known or seen.type not in (ActorType.ORGANIZATION, ActorType.GROUP):
                continue
            target = longer.get(normalize(seen.name), set()) - {m.actor}
            if len(target) == 1:
                m.actor = target.pop()
                da.actors[m.actor].mentions += 1
                seen.mentions -= 1
        for a in [a for a in da.actors.values() if not a.known and a.type is not ActorType.PERSON]:
            if a.mentions <= 0 and not any(m.actor == a.id for m in mentions):
                del da.actors[a.id]

    def _demonyms_and_agents(self, doc: Doc, da: DocActors, demonyms: dict[int, str]) -> None:
        agents = self.lex.agent_nouns
        for i, actor_id in demonyms.items():
            tok = doc[i]
            if i in da.by_token:
                continue
            da.modify(i, self._entry_actor(actor_id))
            head = tok.head
            if tok.dep_ in ("amod", "compound", "nmod", "npadvmod") and head.i != i and (
                    head.lower_ in agents or head.lemma_.lower() in agents) and head.i not in da.by_token \
                    and not self._organisation_noun(head):
                da.add(head, self._entry_actor(actor_id), f"{tok.text} {head.text}" if head.i == i + 1 else tok.text)
            elif tok.dep_ in ("amod", "compound", "nmod") and head.i > i and head.i not in da.by_token \
                    and self._title_only(head):
                # "the Japanese foreign minister", "his Korean counterpart": no name, so the state acts
                da.add(head, self._entry_actor(actor_id), "", count=False)
            elif tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos"):
                da.add(tok, self._entry_actor(actor_id), tok.text)
        self._owned_agents(doc, da)

    def _organisation_noun(self, tok) -> bool:
        """An agent noun that, with the word before it, names a kind of organisation ("think tank")."""
        return tok.i > 0 and f"{tok.doc[tok.i - 1].lower_} {tok.lemma_.lower()}" in self.organisation_nouns

    def _owned_agents(self, doc: Doc, da: DocActors) -> None:
        """Agent nouns owned by an actor: "Assad's forces", "Hezbollah fighters", "fighters of the NRF"."""
        agents = self.lex.agent_nouns
        for i in da.tokens.having(self.h_agents):
            tok = doc[int(i)]
            if tok.i in da.by_token or tok.pos_ not in ("NOUN", "PROPN") or self._organisation_noun(tok):
                continue
            low = tok.lemma_.lower()
            titled = (tok.lower_ in self.lex.title_agents or low in self.lex.title_agents) \
                and tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj") \
                and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN") \
                and not any(c.dep_ == "appos" for c in tok.children)
            if tok.lower_ not in agents and low not in agents and not titled:
                continue
            # "Russia's foreign minister" acts for Russia (a titled name is a person, not this)
            kinds = ("poss",) if titled and tok.lower_ not in agents else ("poss", "compound", "nmod", "amod")
            owners = [c for c in tok.children if c.dep_ in kinds and c.i in da.by_token]
            if any(c.dep_ == "poss" and c.lower_ == "whose" for c in tok.children) and tok.head.dep_ == "relcl" \
                    and tok.head.head.i in da.by_token:
                owners.append(tok.head.head)  # "Washington, whose troops have fought ISIS"
            owners += [p for c in tok.children if c.dep_ == "prep" and c.lower_ in ("of", "from")
                       and not titled for p in c.children if p.dep_ == "pobj" and p.i in da.by_token
                       and not p.conjuncts]  # "delegations from the army and the RSF" belong to both
            if tok.lower_ in self.lex.local_officials:  # "officials in Washington" (troops in Syria are not Syria's)
                owners += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                           for p in c.children if p.dep_ == "pobj" and p.i in da.by_token
                           and da.actors[da.at(p)].type is ActorType.STATE]
            if titled and any(da.actors[da.at(c)].type is ActorType.PERSON for c in owners):
                continue
            for child in owners:
                owner = da.actors[da.at(child)]
                if owner.type is ActorType.PERSON:
                    country = owner.attributes.get("country")
                    if self.lex.context_nouns.get(low) is not ActorType.STATE or country not in self.gaz.entries:
                        break
                    da.add(tok, self._entry_actor(country), "", count=False)
                else:
                    da.add(tok, owner, "", count=False)
                break

    def _context(self, doc: Doc, da: DocActors) -> None:
        """"the regime", "the group", "he": resolved to the one actor the paragraph allows."""
        last_state: dict[str, str] = {}
        recent: list[tuple[int, str]] = []  # (sentence start, actor) in the current paragraph
        para_start = 0
        cn, pro = self.lex.context_nouns, self.lex.pronouns
        text = da.tokens.text
        wanted = sorted(set(da.by_token) | {int(i) for i in da.tokens.having(self.h_context)})
        sent = None
        for i in wanted:
            s = da.tokens.sents[da.tokens.sentence_of(i)]
            if s is not sent:
                sent = s
                if "\n" in text[para_start:sent.start_char] or sent.start_char == 0:
                    recent = []
                para_start = sent.start_char
            for tok in (doc[i],):
                actor = da.at(tok)
                if actor:
                    if not recent or recent[-1][1] != actor:
                        recent.append((sent.start, actor))
                    if da.actors[actor].type is ActorType.STATE and tok.lower_ in self.lex.state_organs:
                        last_state["*"] = actor  # "Sudanese Armed Forces" -> later "the army"
                    continue
                low = tok.lower_
                if low in cn and tok.pos_ == "NOUN":
                    mods = [da.modifier(c) for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
                    # "the junta in Bamako": a seat of government after "in"
                    mods += [da.at(p) for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"
                             for p in c.children if p.dep_ == "pobj"]
                    mods = [a for a in mods if a]
                    want = cn[low]
                    if mods:
                        owner = mods[0]
                        info = da.actors.get(owner) or (self._entry_actor(owner) if owner in self.gaz.entries else None)
                        if info and info.type is ActorType.PERSON and want is ActorType.STATE:
                            owner = info.attributes.get("country")
                            info = self._entry_actor(owner) if owner in self.gaz.entries else None
                        if info and info.type is want:
                            last_state[low] = last_state["*"] = owner
                            da.add(tok, info, "", count=False)
                        continue
                    if not any(c.lower_ == "the" for c in tok.children) and tok.dep_ != "compound":
                        continue
                    if want is ActorType.STATE:
                        last = last_state.get(low) or last_state.get("*")
                        target = last or self._main_state(da) if low in self.regime_nouns \
                            else self._state_for(da, recent, sent.start, last)
                    else:
                        target = self._unique(da, recent, sent.start, want)
                    if target:
                        da.add(tok, da.actors[target] if target in da.actors else self._entry_actor(target),
                               "", certainty=0.8, count=False)
                elif low in self.lex.federal_words and tok.dep_ == "amod" and tok.head.i not in da.by_token and (
                        {tok.head.lower_, tok.head.lemma_.lower()} & self.lex.agent_nouns):
                    target = last_state.get("*") or self._main_state(da)  # "federal troops": the state's
                    if target:
                        da.add(tok.head, da.actors[target] if target in da.actors else self._entry_actor(target),
                               "", certainty=0.8, count=False)
                elif low in pro and tok.pos_ == "PRON":
                    target = self._unique(da, recent, sent.start, pro[low])
                    if target:
                        da.add(tok, da.actors[target], "", certainty=0.8, count=False)

    def _descriptions(self, doc: Doc, da: DocActors) -> None:
        """"the alliance", "the island", "the North", "the party": a definite description alone
        stands for the latest actor named before it that it allows (``descriptions.json``)."""
        words = self.kinds.keys() | self.heads
        for i in da.tokens.having(self.h_descriptions):
            tok = doc[int(i)]
            low = tok.lower_
            if low not in words or tok.i in da.by_token or tok.pos_ not in ("NOUN", "PROPN") \
                    or not any(c.lower_ == "the" and c.dep_ == "det" for c in tok.children) \
                    or any(c.dep_ in ("amod", "compound", "poss", "nmod") for c in tok.children) \
                    or (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN") or tok.tag_ in ("NNS", "NNPS") \
                    or (low in ("north", "south") and not tok.text[0].isupper()):
                continue
            allowed = self.kinds.get(low, set())
            best = None
            for m in {id(m): m for m in da.by_token.values()}.values():
                if m.start >= tok.i or (best is not None and m.start < best.start):
                    continue
                a = da.actors[m.actor]
                if m.actor in allowed or (low in self.heads and normalize(a.name).split()[-1:] == [low]
                                          and a.type is not ActorType.PERSON):
                    best = m
            if best is not None:
                da.add(tok, da.actors[best.actor], "", certainty=0.8, count=False)

    def _state_for(self, da: DocActors, recent, sent_start: int, last: str | None) -> str | None:
        """The state a bare "the government" stands for: the last one named by an organ ("the
        Sudanese army"), else the state the document clearly names most, unless this and the
        previous sentence name other states and not it (then none: a guess would be a bad merge).
        "the junta", "the regime" (``regime_nouns``) are the document's regime even so."""
        if last:
            return last
        main = self._main_state(da)
        near = self._window(da, recent, sent_start, ActorType.STATE)
        if main is None:
            return next(iter(near)) if len(near) == 1 else None
        return main if not near or main in near else None

    @staticmethod
    def _main_state(da: DocActors) -> str | None:
        """The state the document names most, if it clearly leads (for a bare "the junta")."""
        counts = sorted((a.mentions, a.id) for a in da.actors.values() if a.type is ActorType.STATE)
        if counts and (len(counts) == 1 or counts[-1][0] >= 1.5 * counts[-2][0]):
            return counts[-1][1]
        return None

    @staticmethod
    def _window(da: DocActors, recent, sent_start: int, want: ActorType) -> set[str]:
        """The actors of type ``want`` in this and the previous sentence of the paragraph."""
        starts = sorted({s for s, _ in recent})
        window = set(starts[-2:]) if starts and starts[-1] == sent_start else set(starts[-1:])
        return {a for s, a in recent if s in window and da.actors.get(a) and da.actors[a].type is want}

    @classmethod
    def _unique(cls, da: DocActors, recent, sent_start: int, want: ActorType) -> str | None:
        """The one actor of type ``want`` in this and the previous sentence of the paragraph."""
        cands = cls._window(da, recent, sent_start, want)
        return cands.pop() if len(cands) == 1 else None
