"""Collectives of people as actors (when they act: their mentions are not counted, so that a
collective no statement names is no actor of the document): "Chadian rebels", "rebels in Togo", "Tamil refugees",
"supporters of X", "40 Kenyans", "students" (the words are in ``data/collectives.json``).

A people noun that is an argument of a clause names a GROUP actor called by the noun and its
qualifiers: the modifiers before it ("pro-democracy protesters", "Assad loyalists") and a place
or an actor after "in", "from" or "of" ("rebels in Togo", "supporters of Raila Odinga"). A
demonym among the qualifiers names the people's nationality, not the state. A bare one ("the
rebels", "students") is the document's only qualified collective of that noun, else a group of
that document alone: the rebels of one story are never another story's.
"""
from __future__ import annotations

import hashlib

from spacy.tokens import Doc, Token

from actorgraph.graph import ActorType
from actorgraph.graph.names import normalize, slugify

from .lexicon import DATA, Gazetteer, load_json
from .mentions import ActorSeen, DocActors
from .tokens import word_hashes

ARGUMENTS = ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr")
QUALIFYING = ("amod", "compound", "nmod", "npadvmod")
PLACE_PREPS = ("in", "from")



def document_scope(document: str) -> str:
    """The suffix of the ids of a document's own collectives ("rebels-270c3a"): a bare "the
    rebels" is that document's, and no rule links it with another document's actors."""
    return hashlib.sha1(document.encode()).hexdigest()[:6]

class CollectiveReader:
    def __init__(self, gazetteer: Gazetteer, vocab):
        data = load_json(DATA / "collectives.json")
        self.gaz = gazetteer
        self.people = set(data["people_nouns"])
        self.qualified_nouns = set(data["qualified_nouns"])
        self.quantifiers = set(data["quantifiers"])
        self.people_adjectives = set(data["people_adjectives"])
        self.scoped = set(data["scoped_gazetteer_groups"])
        self.singular = set(data.get("singular_nouns", ()))
        self.singular_adjectives = set(data.get("singular_adjectives", ()))
        plural_demonyms = {d.lower() for e in gazetteer.entries.values() for d in e.demonyms if d.endswith("s")}
        self.h_heads = word_hashes(vocab, self.people | self.qualified_nouns | self.scoped | self.singular
                                   | plural_demonyms)

    # -- which tokens ------------------------------------------------------
    def _head_word(self, tok: Token) -> str | None:
        """The collective noun a token is ("rebels"), if it is one in an argument of a clause."""
        if tok.dep_ not in ARGUMENTS:
            return None
        low = tok.lower_
        if tok.tag_ == "NN" and low in self.singular:
            return low
        if not (tok.tag_ in ("NNS", "NNPS") or tok.tag_ == "NNP" and tok.is_sent_start):
            return None  # ("Rebels" opening a sentence is tagged as a name)
        return low if low in self.people or low in self.qualified_nouns else None

    def _qualifiers(self, doc: Doc, tok: Token) -> tuple[int, int]:
        """The unbroken run of modifiers just before ``tok`` that qualify it: words under one of
        its modifiers, up to a number, an article, a quantifier or a conjunction."""
        under = {t.i for c in tok.children if c.dep_ in QUALIFYING and c.i < tok.i for t in c.subtree}
        start = tok.i
        while start - 1 in under:
            t = doc[start - 1]
            if t.lower_ in self.quantifiers or t.like_num or t.pos_ in ("DET", "NUM", "PRON", "CCONJ", "ADP") \
                    or (t.is_punct and t.text != "-"):
                break
            start -= 1
        while start < tok.i and doc[start].text == "-":
            start += 1
        return start, tok.i

    def _after(self, tok: Token, da: DocActors) -> tuple[str, str] | None:
        """("in", "Togo") for "rebels in Togo", ("of", "Raila Odinga") for "supporters of Odinga"."""
        for c in tok.children:
            if c.dep_ != "prep" or c.lower_ not in (*PLACE_PREPS, "of", "to"):
                continue
            for p in c.children:
                actor = da.at(p) if p.dep_ == "pobj" else None
                if actor is None:
                    continue
                kind = da.actors[actor].type
                if c.lower_ in PLACE_PREPS and kind is ActorType.STATE \
                        or c.lower_ in ("of", "to") and kind is not ActorType.STATE:
                    return c.lower_, da.actors[actor].name
        return None

    @staticmethod
    def _add(da: DocActors, span, actor: ActorSeen) -> None:
        """A mention that is not counted (the actor is one only if a statement names it), with
        its surface form among the actor's names."""
        da.add(span, actor, span.text, count=False)
        seen = da.actors[actor.id]
        if normalize(span.text) != normalize(seen.name):
            seen.aliases.add(span.text)

    @staticmethod
    def _group(da: DocActors, name: str, scope: str | None = None) -> ActorSeen:
        return ActorSeen(slugify(name) + (f"-{scope}" if scope else ""), name, ActorType.GROUP)

    # -- the passes --------------------------------------------------------
    def qualified(self, doc: Doc, da: DocActors) -> None:
        """Collectives with qualifiers, and demonyms of people counted or qualified ("40 Kenyans",
        "ethnic Serbs"): GROUP actors of their own, read over the mentions inside them."""
        for i in da.tokens.having(self.h_heads):
            tok = doc[int(i)]
            word = self._head_word(tok)
            start, end = self._qualifiers(doc, tok) if word or tok.tag_ in ("NNS", "NNPS") else (tok.i, tok.i)
            if word is None:
                if not (tok.tag_ in ("NNS", "NNPS") and tok.dep_ in ARGUMENTS and self.gaz.demonym(tok.text)
                        and (any(c.dep_ == "nummod" or c.lower_ in self.quantifiers - {"the"} for c in tok.children)
                             or any(doc[i].lower_ in self.people_adjectives for i in range(start, end)))):
                    continue
                start = min(start, min((c.i for c in tok.children if c.dep_ == "amod"
                                        and c.lower_ in self.people_adjectives), default=start))
            m = da.by_token.get(tok.i)
            quals = doc[start:tok.i]
            if any(t.lower_ in ("backed", "supported", "sponsored", "funded", "allied") for t in quals):
                continue  # "Iranian-backed militias" describe a named group, not one of their own
            if word in self.singular and (m is not None or any(c.dep_ == "poss" for c in tok.children) or not (
                    any(t.lower_ == "led" for t in quals) or any(t.lower_ in self.singular_adjectives for t in quals))):
                continue  # "the Kenyan force" is Kenya's, "its air force" its own; "a Kenyan-led force" is one
            if m is not None and (m.start < start or m.end > tok.i + 1) and da.actors[m.actor].type is not ActorType.STATE:
                continue  # "Hezbollah fighters" named whole by the gazetteer
            by_demonym = m is not None and m.start == tok.i and any(da.modifiers.get(i) == m.actor
                                                                   for i in range(start, tok.i))
            if m is not None and m.actor not in self.scoped and da.actors[m.actor].type is not ActorType.STATE \
                    and not by_demonym:
                continue  # a named group's own fighters; but "Alawite militiamen" are not the Alawites
            after = self._after(tok, da) if word else None
            if start == tok.i and after is None and word is not None:
                continue  # bare: read after the context pass
            if any(da.actors[a].type is ActorType.PERSON and a not in self.gaz.entries
                   for i in range(start, tok.i) if (a := da.at(doc[i]))) and word in self.qualified_nouns:
                continue  # "Smith companies" is no collective
            name = doc[start:tok.i + 1].text
            if after:
                name = f"{name} {after[0]} {after[1]}" if after[0] in PLACE_PREPS else f"{name} of {after[1]}"
            da.remove(start, tok.i + 1)
            group = self._group(da, name)
            self._add(da, doc[start:tok.i + 1], group)
            da.collectives.setdefault(word or tok.lower_, set()).add(group.id)

    def bare(self, doc: Doc, da: DocActors, document: str | None) -> None:
        """Bare collectives ("the rebels", "students"), after the context pass: the document's one
        qualified collective of that noun, else a group of this document only."""
        heads = da.collectives
        scope = document_scope(document) if document else None
        at = {int(i) for i in da.tokens.having(self.h_heads)}
        at |= {m.end - 1 for m in da.by_token.values() if m.actor in self.scoped}  # "rebel forces"
        for i in sorted(at):
            tok = doc[i]
            m = da.by_token.get(tok.i)
            word = self._head_word(tok) or (tok.lower_ if tok.lower_ in self.scoped
                                            or (m is not None and m.actor in self.scoped) else None)
            if word is None or (m is not None and m.actor not in self.scoped):
                continue
            if (word in self.qualified_nouns or word in self.singular) and m is None:
                continue  # "groups", "people", "the force" alone are no actor
            cands = heads.get(word, set())
            if len(cands) == 1:
                target = da.actors[next(iter(cands))]
            elif m is not None and scope:
                e = self.gaz.entries[m.actor]
                target = ActorSeen(f"{e.id}-{scope}", e.name, ActorType.GROUP)
            elif m is None and word in self.people:
                target = self._group(da, word, scope=scope)
            else:
                continue
            span = doc[m.start:m.end] if m is not None else doc[tok.i:tok.i + 1]
            da.remove(span.start, span.end)
            self._add(da, span, target)
