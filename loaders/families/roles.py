"""Roles: titles and appositions give LEADS and MEMBER_OF ("Syrian President Bashar al-Assad",
"Iran's Revolutionary Guards", "X, a vice-president of Y"). The roles are read on the
resolved mentions by ``loaders/roles.py`` (from ``roles.json``), as one of the resolver's passes
because later passes need the actors they name; this family states them, once per document,
before the other families run.

The ``role_shape`` family then reads the shapes of a role that are not a title beside a name,
for people the role reader gave no role in that sentence: a relative clause ("X, who was then
premier of Y", "who served as Y's envoy"), an owner ("the Z Institute's X", "Uganda's X"; a
person's owner stands for his state: "Nixon's secretary of state, X"), "of" a body ("X of the
Ford Foundation"), a title "from" a state ("a UN envoy from Malta, X"), and working somewhere
(``employment_verbs``: "X lectures at the University of Y").
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from actorgraph.graph import ActorType, RelType

from ..frames import FrameBuilder, Found
from ..mentions import DocActors, Role
from ..tokens import phrase
from . import register


def run(fb: FrameBuilder, doc: Doc, da: DocActors, found: list[Found]) -> None:
    for role in da.roles:
        found.append(Found(role.person, role.type, role.org, role.sentence, FAMILY.base, FAMILY.pattern))


FAMILY = register("role", 1, 0.9, scope="document", order=0, run=run)


def shapes(fb: FrameBuilder, doc: Doc, da: DocActors, found: list[Found]) -> None:
    lex = fb.lex
    had = {(r.person, r.sentence.start) for r in da.roles}
    people = {(m.start, m.end): m for m in da.by_token.values() if da.actors[m.actor].type is ActorType.PERSON}
    for (start, end), m in sorted(people.items()):
        sent = da.tokens.sents[da.tokens.sentence_of(start)]
        if (m.actor, sent.start) in had or doc[start].lower_ in lex.owner_pronouns | set(lex.pronouns):
            continue
        head = doc[start:end].root
        if head.pos_ != "PROPN":
            continue  # "the leader" read as a person named before: no title shape of its own
        roles: list[tuple[RelType, str]] = []
        for c in head.children:
            if c.dep_ == "relcl" and any(k.dep_ == "nsubj" and k.lower_ in lex.relative_pronouns for k in c.children):
                # "X, who was then premier of Y", "X, who served as Y's envoy"
                titled = [k for k in c.children if k.dep_ == "attr"] if c.lemma_.lower() in lex.role_copulas else [
                    p for k in c.children if k.dep_ == "prep" and k.lower_ == "as" for p in k.children if p.dep_ == "pobj"
                ] if c.lemma_.lower() in lex.serving_verbs else []
                for t in titled:
                    roles += _titled(fb, phrase(t), m.actor, da)
            if c.dep_ == "poss" and da.at(c) and da.at(c) != m.actor and c.lower_ not in lex.owner_pronouns:
                owner = _side(da.at(c), da)  # "the Z Institute's X", "Uganda's X"
                if owner:
                    roles.append((RelType.MEMBER_OF, owner))
            if c.dep_ == "prep" and c.lower_ == "of":  # "X of the Ford Foundation"
                roles += [(RelType.MEMBER_OF, a) for p in c.children if p.dep_ == "pobj"
                          for a in fb.actors(p, da)[:1] if da.actors[a].type is not ActorType.PERSON]
        up = head.head  # "Nixon's secretary of state, X"; "a UN envoy from Malta, X" (hung on Malta)
        while head.dep_ == "appos" and up.i in da.by_token and up.dep_ == "pobj" and up.i < start:
            up = up.head.head
        if head.dep_ == "appos" and up.i not in da.by_token and up.pos_ == "NOUN":
            roles += _titled(fb, [t for t in phrase(up) if t.i < start], m.actor, da)
        if head.dep_ == "nsubj" and head.head.lemma_.lower() in lex.employment_verbs:  # "X lectures (on Z) at Y"
            verb = head.head
            preps = [k for k in verb.children if k.dep_ == "prep"]
            preps += [q for k in preps for p in k.children if p.dep_ == "pobj" for q in p.children if q.dep_ == "prep"]
            roles += [(RelType.MEMBER_OF, a) for k in preps if k.lower_ in ("at", "for")
                      for p in k.children if p.dep_ == "pobj" for a in fb.actors(p, da)[:1]
                      if da.actors[a].type is ActorType.ORGANIZATION]
        for kind, org in dict.fromkeys(roles):
            if org != m.actor:
                da.roles.append(Role(m.actor, kind, org, sent))
                found.append(Found(m.actor, kind, org, sent, SHAPE.base, SHAPE.pattern))


def _side(actor: str, da: DocActors) -> str | None:
    """An owner as the body a person belongs to: itself, or for a person his state."""
    if da.actors[actor].type is not ActorType.PERSON:
        return actor
    return next((r.org for r in da.roles if r.person == actor and da.actors[r.org].type is ActorType.STATE), None)


def _titled(fb: FrameBuilder, tokens: list[Token], person: str, da: DocActors) -> list[tuple[RelType, str]]:
    """The role a title phrase names: LEADS for a leading title (not a deputy's), else MEMBER_OF,
    toward its owner or the body it is "of" or "at"; a title "from" a state is membership too."""
    lex = fb.lex
    if not tokens:
        return []
    text = " ".join(t.lower_ for t in tokens if not t.is_punct or t.text == "-").replace(" - ", "-")
    head = next(t for t in tokens if t.head.i == t.i or t.head not in tokens)
    # a title the phrase is headed by ("premier of Y"; not "chief guest at Y", "president-elect")
    titles = [ti for ti in lex.titles if f" {ti} " in f" {text} " and head.lower_ in ti.split()]
    if not titles:
        return []
    lead = any(ti in lex.titles_lead for ti in titles) and not any(f" {w} " in f" {text} " for w in lex.deputy_words)
    kind = RelType.LEADS if lead else RelType.MEMBER_OF
    out: list[tuple[RelType, str]] = []
    roots = {}
    for t in tokens:  # each actor once, by the root of its mention
        m = da.by_token.get(t.i)
        r = t.doc[m.start:m.end].root if m is not None else t
        if da.modifier(t) and r in tokens:
            roots.setdefault(da.modifier(t), r)
    for a, t in roots.items():
        if a == person or t.lower_ in lex.owner_pronouns:
            continue
        if t.dep_ == "pobj" and t.head.lower_ == "from":
            out.append((RelType.MEMBER_OF, a))  # "a UN envoy from Malta"
        elif t.dep_ == "pobj" and t.head.lower_ not in ("of", "at"):
            continue  # "ambassador to Chad" is not Chad's
        elif _side(a, da):
            out.append((kind, _side(a, da)))
    first = next((o for o in out), None)
    return [first] + [o for o in out[1:] if o[0] is RelType.MEMBER_OF and o != first] if first else []


SHAPE = register("role_shape", 1, 0.85, scope="document", order=1, run=shapes)
