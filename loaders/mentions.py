"""What resolution gives extraction: the mentions of one document's actors, the actors seen,
and the roles (titles, appositions) read on them."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from actorgraph.graph import ActorType, RelType
from actorgraph.graph.names import normalize

from .tokens import Tokens


@dataclass
class Mention:
    start: int
    end: int
    actor: str
    certainty: float = 1.0


@dataclass
class ActorSeen:
    id: str
    name: str
    type: ActorType
    aliases: set[str] = field(default_factory=set)
    mentions: int = 0
    attributes: dict = field(default_factory=dict)
    known: bool = False  # from the gazetteer, not only from the tagger


@dataclass
class Role:
    person: str
    type: RelType
    org: str
    sentence: Span


class DocActors:
    """The actors of one document: a token index -> mention map and the actors seen."""

    def __init__(self, tokens: Tokens | None = None) -> None:
        self.tokens = tokens
        self.by_token: dict[int, Mention] = {}
        self.modifiers: dict[int, str] = {}
        self.actors: dict[str, ActorSeen] = {}
        self.roles: list[Role] = []
        #: head noun -> the collectives named with it ("rebels" -> {"chadian-rebels"}), for "the rebels"
        self.collectives: dict[str, set[str]] = {}

    def at(self, tok: Token) -> str | None:
        m = self.by_token.get(tok.i)
        return m.actor if m else None

    def certainty(self, tok: Token) -> float:
        m = self.by_token.get(tok.i)
        return m.certainty if m else 1.0

    def modifier(self, tok: Token) -> str | None:
        """The actor a token names as a mention or as a modifier ("Russian" in "Russian strikes")."""
        return self.at(tok) or self.modifiers.get(tok.i)

    def modify(self, i: int, actor: ActorSeen) -> None:
        """Token ``i`` names ``actor`` as a modifier ("Kurdish" in "Kurdish-led"): known to the
        document, so that a statement can name it, but not counted as a mention."""
        self.modifiers[i] = actor.id
        self.actors.setdefault(actor.id, ActorSeen(actor.id, actor.name, actor.type,
                                                   attributes=dict(actor.attributes), known=actor.known))

    def add(self, span_or_tok, actor: ActorSeen, surface: str, certainty: float = 1.0,
            count: bool = True) -> None:
        start = span_or_tok.i if isinstance(span_or_tok, Token) else span_or_tok.start
        end = start + 1 if isinstance(span_or_tok, Token) else span_or_tok.end
        m = Mention(start, end, actor.id, certainty)
        for i in range(start, end):
            self.by_token[i] = m
        seen = self.actors.setdefault(actor.id, ActorSeen(actor.id, actor.name, actor.type,
                                                          attributes=dict(actor.attributes), known=actor.known))
        if count:
            seen.mentions += 1
            if surface and normalize(surface) != normalize(seen.name):
                seen.aliases.add(surface)

    def remove(self, start: int, end: int) -> None:
        """Forget the mentions on tokens ``start..end`` (a longer name is read over them). An actor
        left with no mention stays known to the document (a role may name it) but is not counted."""
        gone = {id(m): m for i in range(start, end) if (m := self.by_token.get(i)) is not None}
        for m in gone.values():
            for i in range(m.start, m.end):
                if self.by_token.get(i) is m:
                    del self.by_token[i]
            seen = self.actors.get(m.actor)
            if seen is not None and seen.mentions:
                seen.mentions -= 1
