"""Relation extraction: the frame builder (``frames.py``) reads the structure around each
trigger, and the registered pattern families (``families/``) map triggers and their arguments
onto statements. This module only dispatches: per document, then per cue token of each sentence
that names an actor, then per sentence, in the registry's order.

Families, each with its own base confidence (see ``families/__init__.py``):
  antecedent  "attacked X for its arms sales": binds a possessive pronoun to its antecedent first
  role      titles and appositions (read during resolution): LEADS / MEMBER_OF
  role_shape  "X, who was then premier of Y", "the Z Group's X", "X lectures at Y"
  verb      active/passive verbs with subjects, objects and prepositional objects
  supply    "send/supply/deliver X to Y": the goods decide military aid or aid
  receive   "Y received weapons from X"
  nominal   "Moscow's support for Assad", "Russian air strikes against rebels",
            "launched strikes on", "the Iranian-Russian alliance"
  holder    "Russia, an ally of Damascus", "Syria's foe Israel", "X is Y's backer"
  stance    "grown hostile to Addis Ababa", "loyal to Tehran"
  backed    "the Iranian-backed Hezbollah", "Saudi-led coalition"
  together  "X and Y together killed ...", "fought alongside Y"
  joint     "a joint Kenya-U.S. base", "joint US-Iraqi forces": the parties cooperate
  mutual    "fighting between X and Y", "a tariff fight with Y": hostile both ways
  condition "threatened to recall its envoy unless Y frees ...": Y is threatened
  mediator  "Qatar mediated between X and Y": meets both
  refusal   "X demanded that Y ..., but Y refused": Y opposes X
  insult    "Lima said the general was a butcher": the speaker criticises
  surface   word order, where the tagger missed a verb ("Russia and Iran back Assad")
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from actorgraph.graph import ActorType, RelType

from .families import cue_words, families
from .frames import Clause, FrameBuilder, Found  # noqa: F401  (re-exported)
from .lexicon import Lexicon
from .mentions import DocActors
from .tokens import word_hashes


class Extractor(FrameBuilder):
    def __init__(self, lexicon: Lexicon, vocab):
        super().__init__(lexicon)
        self.cue_hashes = word_hashes(vocab, cue_words(lexicon))
        self.pronoun_hashes = word_hashes(vocab, lexicon.owner_pronouns)
        self.document_families = families("document")
        self.token_families = families("token")
        self.sentence_families = families("sentence")

    def extract(self, doc: Doc, da: DocActors) -> list[Found]:
        found: list[Found] = []
        for fam in self.document_families:
            fam.run(self, doc, da, found)
        tokens = da.tokens
        text = tokens.text
        busy = sorted({tokens.sentence_of(i) for i in (*da.by_token, *da.modifiers)})
        cues = tokens.having(self.cue_hashes).tolist()
        for n in busy:
            sent = tokens.sents[n]
            if text[sent.start_char:sent.end_char].rstrip().endswith("?"):
                continue
            lo, hi = bisect_left(cues, sent.start), bisect_left(cues, sent.end)
            cue_tokens = [doc[i] for i in cues[lo:hi]]
            for tok in cue_tokens:
                low = tok.lemma_.lower()
                for fam in self.token_families:
                    if fam.select(self, tok, low):
                        fam.run(self, tok, sent, da, found)
            for fam in self.sentence_families:
                if fam.select(self, sent, cue_tokens, da):
                    fam.run(self, sent, da, found)
        return [f for f in found if self._kept(f, da, text)]

    def _kept(self, f: Found, da: DocActors, text: str) -> bool:
        """No one leads a person or is a member of one ("the attorney leading X's team"), and a
        reporter's credit ("Y's X contributed to this report") states no relation."""
        if f.type in (RelType.LEADS, RelType.MEMBER_OF) and da.actors[f.object].type is ActorType.PERSON:
            return False
        said = text[f.sentence.start_char:f.sentence.end_char].lower()
        return not any(p in said for p in self.lex.byline_phrases)
