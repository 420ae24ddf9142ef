"""Possessive pronouns whose antecedent is in the same sentence: "attacked Oslo for its arms
sales to Y" (Oslo's sales), "talks with Washington over its tariffs" (Washington's), "Tokyo
watched as its rival Beijing ..." (Tokyo's). Before the other families run, each such pronoun
(``owner_pronouns``, nouns.json) is bound to its antecedent as an uncounted mention, so that
every family reads "its sales" as it reads "Oslo's sales".

The antecedent: for a pronoun in a reason phrase (``reason_preps``: "for", "over", "about")
hung on a verb or noun that has an actor object (direct, or "with"), that object; else the one
subject of the verb the pronoun's phrase is an argument of, when it precedes the pronoun. Never a person ("its") and
never one of several subjects.
"""
from __future__ import annotations

from spacy.tokens import Doc, Token

from actorgraph.graph import ActorType

from ..frames import FrameBuilder, Found
from ..mentions import DocActors
from . import register


def run(fb: FrameBuilder, doc: Doc, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    for i in da.tokens.having(fb.pronoun_hashes):
        tok = doc[int(i)]
        if tok.dep_ != "poss" or da.at(tok) or tok.lower_ not in lex.owner_pronouns:
            continue
        a = antecedent(fb, tok, da)
        if a is not None:
            da.add(tok, da.actors[a], "", count=False)


def antecedent(fb: FrameBuilder, pron: Token, da: DocActors) -> str | None:
    def fits(a: str | None) -> bool:
        return a is not None and da.actors[a].type is not ActorType.PERSON
    up = pron.head
    for _ in range(6):  # "for its arms sales", "over its tariffs on Y"
        if up.dep_ == "pobj" and up.head.lower_ in fb.lex.reason_preps:
            gov = up.head.head
            objs = [a for k in gov.children if k.dep_ in ("dobj", "pobj") and k.i < pron.i for a in fb.actors(k, da)] \
                + [a for k in gov.children if k.dep_ == "prep" and k.lower_ == "with" and k.i < pron.i
                   for p in k.children if p.dep_ == "pobj" for a in fb.actors(p, da)]
            if len(objs) == 1 and fits(objs[0]):
                return objs[0]
            break
        if up.pos_ in ("VERB", "AUX") or up.head.i == up.i:
            break
        up = up.head
    verb = pron.head  # the pronoun's phrase must be an argument of the verb: "violated its commitments",
    for _ in range(6):  # "suspended some of its aid", "watched as its rival ..." (not "in its battle")
        if verb.pos_ in ("VERB", "AUX"):
            break
        if verb.dep_ in ("dobj", "attr", "oprd", "appos") and verb.head.i != verb.i:
            verb = verb.head
        elif verb.dep_ == "pobj" and verb.head.lower_ in ("of", "as"):
            verb = verb.head.head
        else:
            return None
    else:
        return None
    subs = [k for k in verb.children if k.dep_ in ("nsubj", "nsubjpass") and k.i < pron.i]
    found = [a for k in subs for a in fb.actors(k, da)]
    if len(found) == 1 and fits(found[0]) and not found[0] in fb.actors(pron.head, da):
        return found[0]
    return None


FAMILY = register("antecedent", 1, 1.0, scope="document", order=-1, run=run)
