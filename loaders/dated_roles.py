"""People with dated government roles (``data/roles_dated.json``, derived from the PETRARCH-2 /
Phoenix dictionaries by ``bench/derive_roles.py``; MIT, see ``data/roles_dated.NOTICE``).

On a dated document, a person the gazetteer does not know is matched by full name, or by a
lone surname ("Kabila") to the one holder the date allows: in a government post of a state the
document names on that date, else out of office then but nearest in time to a post ("Kabila" in
1997 is Laurent, not Joseph). The match gives the person's ``country`` and, when in a post on
that date, ``office`` (so that "President Clinton" in 1997 LEADS the United States). The file is
read on first use, so that documents without a date never pay for it.
"""
from __future__ import annotations

from functools import cached_property

from actorgraph.graph import ActorType
from actorgraph.graph.names import normalize, slugify

from .lasting import lasting
from .lexicon import DATA, load_json
from .mentions import ActorSeen, DocActors

#: The source was made in 2014: a post still open then is not taken to last beyond this.
OPEN_END = "2016-01-01"


def _day(date: str) -> str:
    """A partial ISO date as a day: "1997" -> "1997-07-01", "1997-03" -> "1997-03-15"."""
    return date if len(date) >= 10 else f"{date}-07-01" if len(date) == 4 else f"{date[:7]}-15"


class Holder:
    __slots__ = ("name", "others", "roles")

    def __init__(self, name: str, others: list[str], roles: list[list[str]]):
        self.name, self.others, self.roles = name, others, roles

    def role_on(self, day: str) -> tuple[str, str] | None:
        """(role, country) in force on ``day``, a government post first."""
        best = None
        for country, role, start, end in self.roles:
            if (start or "0000") <= day <= (end or OPEN_END):
                if role == "GOV":
                    return role, country
                best = best or (role, country)
        return best

    def distance(self, day: str) -> int:
        """Days (roughly, by year and month) from ``day`` to the nearest government post."""
        def n(d: str) -> int:
            return int(d[:4]) * 372 + int(d[5:7]) * 31 + int(d[8:10])
        t = n(day)
        out = 10 ** 9
        for _, role, start, end in self.roles:
            if role == "GOV":
                lo, hi = n(start or "0000-01-01"), n(end or OPEN_END)
                out = min(out, 0 if lo <= t <= hi else min(abs(t - lo), abs(t - hi)))
        return out


class DatedRoles:
    def __init__(self, path=DATA / "roles_dated.json"):
        self.path = path
        self._holders: dict[int, Holder] = {}

    @cached_property
    def _index(self) -> tuple[list[list], dict[str, list[int]], dict[str, list[int]]]:
        """The people as read, and by index: full name key -> people, a later word of one -> people.
        The keys come with the file (``bench/derive_roles.py``); a person is made a :class:`Holder`
        only when looked up."""
        with lasting():  # some 100,000 lists, kept for the process's life
            data = load_json(self.path)
            words: dict[str, list[int]] = {}
            for key, ids in data["keys"].items():
                for w in key.split()[1:]:
                    words.setdefault(w, []).extend(ids)
        return data["people"], data["keys"], words

    def _holder(self, i: int) -> Holder:
        h = self._holders.get(i)
        if h is None:
            h = self._holders[i] = Holder(*self._index[0][i])
        return h

    def _by_name(self, key: str) -> list[Holder]:
        """The people a full name's key names, in the file's order."""
        return [self._holder(i) for i in self._index[1].get(key, ())]

    def _by_word(self, word: str) -> list[Holder]:
        """The people one of whose names has ``word`` after its first word, in the file's order."""
        return [self._holder(i) for i in sorted(set(self._index[2].get(word, ())))]

    def resolve(self, doc, da: DocActors, date: str | None, titled: set[str]) -> None:
        """Give the document's unknown people their dated roles (see the module's docstring).
        ``titled``: the ids of people named after a title ("President Clinton")."""
        if not date:
            return
        day = _day(date)
        states = {a.id for a in da.actors.values() if a.type is ActorType.STATE}
        self._known_surnames(doc, da, day, states, titled)
        for actor in [a for a in da.actors.values() if a.type is ActorType.PERSON and not a.known]:
            key = normalize(actor.name)
            if len(key.split()) > 1:
                cands = self._by_name(key)
                pick = max(cands, key=lambda h: (h.role_on(day) is not None, -h.distance(day)), default=None)
            else:
                pick = self._by_surname(key, day, states, actor.id in titled)
            if pick is None:
                continue
            on = pick.role_on(day)
            country = on[1] if on else next((c for c, r, _, _ in reversed(pick.roles) if r == "GOV"), None)
            if country:
                actor.attributes.setdefault("country", country)
            if on and on[0] == "GOV":
                actor.attributes["office"] = on[1]
            if len(key.split()) == 1:
                self._rename(da, actor, pick.name)

    def _known_surnames(self, doc, da: DocActors, day: str, states: set[str], titled: set[str]) -> None:
        """A lone surname the gazetteer gives to one person ("Kabila": Joseph) is another holder's
        when the date puts that one in a post and the gazetteer's person in none."""
        for m in {id(m): m for m in da.by_token.values()}.values():
            actor = da.actors[m.actor]
            if not actor.known or actor.type is not ActorType.PERSON or m.end - m.start != 1:
                continue
            word = normalize(doc[m.start].text)
            names = {normalize(n) for n in (actor.name, *actor.aliases)}
            own = [h for n in names for h in self._by_name(n)]
            own += [h for n in names if len(n.split()) > 1 for h in self._by_word(n.split()[-1])
                    if set(n.split()) <= set(normalize(h.name).split())]  # "Joseph Kabila" Kabange
            if any((h.role_on(day) or ("",))[0] == "GOV" for h in own):
                continue
            pick = self._by_surname(word, day, states, m.actor in titled)
            if pick is None or pick in own or (pick.role_on(day) or ("",))[0] != "GOV":
                continue
            new = ActorSeen(slugify(pick.name), pick.name, ActorType.PERSON,
                            attributes={"country": pick.role_on(day)[1], "office": pick.role_on(day)[1]})
            actor.mentions -= 1
            da.add(doc[m.start:m.end], new, doc[m.start].text)

    def _by_surname(self, word: str, day: str, states: set[str], titled: bool) -> Holder | None:
        cands = []
        for h in self._by_word(word):
            if normalize(h.name).split()[-1] != word and not any(normalize(o).split()[-1] == word for o in h.others) \
                    and not h.name.lower().split()[1:2] == [word]:
                continue  # "Kabila" names Joseph Kabila Kabange (his middle name is his surname), not a Kabila Smith
            on = h.role_on(day)
            if on is None or (on[1] not in states and not titled):
                continue
            cands.append(((on[0] == "GOV", -h.distance(day)), h))
        if not cands:
            return None
        cands.sort(key=lambda c: c[0], reverse=True)
        if len(cands) > 1 and cands[0][0] == cands[1][0]:
            return None
        return cands[0][1]

    @staticmethod
    def _rename(da: DocActors, actor: ActorSeen, name: str) -> None:
        new = slugify(name)
        if new == actor.id:
            return
        for m in {id(m): m for m in da.by_token.values() if m.actor == actor.id}.values():
            m.actor = new
        da.actors.pop(actor.id)
        target = da.actors.get(new)
        if target is None:
            actor.aliases.add(actor.name)
            actor.id, actor.name = new, name
            da.actors[new] = actor
        else:
            target.mentions += actor.mentions
            target.aliases |= actor.aliases | {actor.name}
            target.attributes = {**actor.attributes, **target.attributes}
