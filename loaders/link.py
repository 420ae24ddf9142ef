"""Cross-document linking: one actor, one id across the whole store.

Resolution (``resolve.py``) works inside one document; each document's actors are
stored as *forms* (document, actor as that document saw it). Which forms are one
actor is decided here, as a pure function of ALL stored forms, so any order of
ingest, in one run or several, gives the same grouping. The rules, in order:

1. **variant** (**alias** when one's name is an alias of the other): two forms of one
   type whose names differ by spelling or transliteration ("Mahmud Abbas" / "Mahmoud
   Abbas", "Gbago" / "Gbagbo") join, word by word, when every differing word has at
   least ``MIN_FUZZY`` letters and a ``rapidfuzz`` ratio of at least ``THRESHOLD``,
   their countries do not differ, not both are gazetteer actors, and the match is
   unambiguous (a name close to two names that are not close to each other joins
   neither).
2. **gazetteer**: a form the gazetteer (with the user's file: its aliases and
   ``merge`` entries) names as a stored gazetteer actor joins it.
3. **surname**: a person known only by one word ("Mobutu", "Abbas") joins the one
   stored person whose full name ends (else begins) with it; with two such persons
   ("Kabila": Laurent and Joseph), each document's date decides, against the
   dates of each one's roles (LEADS statements): the one nearest it, when the next
   is at least twice as far; otherwise the form stays apart.
4. **acronym**: an all-capitals name ("HRW") joins the one stored organisation or
   group whose initials it is ("Human Rights Watch").
5. corrections by hand (``actorgraph merge``/``split``): a merge joins two actors
   whatever the rules say; a split keeps a form apart from the actor it was split from.

No rule joins two forms that one statement relates ("Obi criticised Kalu Obi": two men).
No rule joins a document's own collective (a bare "the rebels", whose id ends with the
document's :func:`~.collectives.document_scope`) with anything: one story's rebels are not another's.

Of a group, the actor that survives is a gazetteer actor if there is one, else the
one whose name :meth:`Actor.merged` keeps; short forms and acronyms never name it.

An ingest does not regroup the whole store: :func:`relink` with ``incremental`` groups only
the forms written since the last grouping and the part of the store they are related to
(:func:`related_part`, which argues why that is the same grouping), found through the keys
each grouped form is stored under (:func:`form_keys`). ``actorgraph merges --relink``
regroups everything.
"""
from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, replace

import numpy as np
from rapidfuzz import fuzz, process

from actorgraph.graph import Actor, ActorgraphError, ActorType
from actorgraph.graph.model import TYPE_ORDER, Form, Linking, Merge
from actorgraph.graph.names import normalize

from .collectives import document_scope
from .lexicon import Gazetteer

#: Two spellings of one word are one word at this rapidfuzz ratio (0..100) or above:
#: "Mahmud"/"Mahmoud" 92, "Gbago"/"Gbagbo" 91, "Khatmandu"/"Kathmandu" 89, "Qaddafi"/"Gaddafi" 86;
#: not "Ahmed"/"Ahmad" 80 (two names), nor any word under MIN_FUZZY letters ("Joan"/"John").
THRESHOLD = 85.0
MIN_FUZZY = 5
ORGS = (ActorType.ORGANIZATION, ActorType.GROUP)
STOP_WORDS = frozenset({"of", "the", "and", "for", "to", "de", "du", "des", "la", "le", "on", "in", "al", "el"})
BY_HAND = "by hand"
CHUNK = 2000  # names compared at once (a CHUNK x block matrix of bytes)
#: Generational suffixes: "Ferdinand Marcos Jr." ends, as a surname, with "Marcos".
SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})


def word_match(a: str, b: str) -> bool:
    return a == b or (len(a) >= MIN_FUZZY and len(b) >= MIN_FUZZY and fuzz.ratio(a, b) >= THRESHOLD)


def variant(a: str, b: str) -> bool:
    """Whether two normalised names are spellings of one name: as many words, each the same or
    a close spelling, and (several words) at least one the same."""
    wa, wb = a.split(), b.split()
    if a == b or len(wa) != len(wb):
        return a == b
    if len(wa) > 1 and not any(x == y for x, y in zip(wa, wb)):
        return False
    return all(word_match(x, y) for x, y in zip(wa, wb))


def is_acronym(name: str) -> bool:
    return name.isalpha() and name.isupper() and 2 <= len(name) <= 6


def initials(name: str) -> set[str]:
    """"Human Rights Watch" -> {"hrw"}; "Economic Community of West African States" -> both
    with and without the "o" of "of"."""
    ws = normalize(name).split()
    if len(ws) < 2:
        return set()
    return {"".join(w[0] for w in ws), "".join(w[0] for w in ws if w not in STOP_WORDS)}


def _day(date: str) -> datetime.date | None:
    parts = (date or "").split("-")
    try:
        return datetime.date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                             int(parts[2]) if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


@dataclass
class _Unit:
    """The forms of one stored actor id, merged."""

    id: str
    actor: Actor
    known: bool
    names: set[str]  # normalised name and aliases

    @property
    def country(self) -> str | None:
        return dict(self.actor.attributes).get("country")


class _Groups:
    """Union-find over actor ids; remembers why each id joined, and keeps apart the pairs
    ``apart`` names (form id -> actor ids it was split from by hand) and, unless forced, those
    ``related`` names (form id -> the form ids a statement relates it to)."""

    def __init__(self, ids, known: set[str], apart: dict[str, set[str]], related: dict[str, set[str]]):
        self.parent = {i: i for i in ids}
        self.known = {i: {i} & known for i in ids}
        self.members = {i: {i} for i in ids}
        self.apart = apart
        self.related = related
        self.why: dict[str, tuple[str, str]] = {}

    def find(self, i: str) -> str:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def kept_apart(self, ra: str, rb: str, force: bool = False) -> bool:
        a, b = self.members[ra], self.members[rb]
        if len(a) > len(b):
            a, b = b, a
        return any(self.apart.get(i, set()) & b or (not force and self.related.get(i, set()) & b) for i in a) \
            or any(self.apart.get(i, set()) & a for i in b)

    def union(self, a: str, b: str, rule: str, names: str, force: bool = False) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb or (not force and self.known[ra] and self.known[rb]) or self.kept_apart(ra, rb, force):
            return False  # two gazetteer actors are two actors, unless merged by hand
        ra, rb = min(ra, rb), max(ra, rb)
        self.parent[rb] = ra
        self.known[ra] |= self.known.pop(rb)
        self.members[ra] |= self.members.pop(rb)
        for i in (a, b):
            self.why.setdefault(i, (rule, names))
        return True


def _countries_agree(a: _Unit, b: _Unit) -> bool:
    return a.country is None or b.country is None or a.country == b.country


def link(forms: list[Form], *, gazetteer: Gazetteer, dates: dict[str, str | None],
         statement_ends: list[tuple[str, str, str, str, str | None]] = (),
         constraints: list[tuple[str, str, str]] = ()
         ) -> tuple[dict[tuple[str, str], str], dict[tuple[str, str], tuple[str, str]], dict[str, Actor]]:
    """The grouping of ``forms``: (document, form id) -> actor id; the rule and names by which
    each form joined its actor; and every actor as linked, by id.

    ``dates`` gives each document's date; ``statement_ends`` the (document, subject, type,
    object, date) of every statement, its ends as form ids (two forms a statement relates are
    two actors, unless merged by hand; LEADS statements date roles); ``constraints`` the
    corrections by hand: ("merge", a, b) and ("split", actor id, form id)."""
    by_id: dict[str, list[Form]] = defaultdict(list)
    for f in forms:
        by_id[f.actor.id].append(f)
    units: dict[str, _Unit] = {}
    for i, fs in sorted(by_id.items()):
        actor = _merge_all([f.actor for f in fs])
        units[i] = _Unit(i, actor, i in gazetteer.entries,
                         {normalize(n) for n in (actor.name, *actor.aliases)} - {""})
    apart: dict[str, set[str]] = defaultdict(set)  # split by hand: form id -> the actors it left
    for kind, a, b in constraints:
        if kind == "split":
            apart[b].add(a)
    kept_apart = {i for i, u in units.items() if not u.known and normalize(u.actor.name) in gazetteer.splits}
    own = {i for i, fs in by_id.items() if any(i.endswith("-" + document_scope(f.document)) for f in fs if f.document)}
    kept_apart |= own  # a document's own collectives join nothing but by hand
    free = {i for i in units if i not in kept_apart}
    related: dict[str, set[str]] = defaultdict(set)
    for _, a, _, b, _ in statement_ends:
        if a != b:
            related[a].add(b)
            related[b].add(a)
    groups = _Groups(units, {i for i in units if units[i].known}, apart, related)

    # 1. spelling and transliteration variants
    matches = _variant_matches(units, free)
    ambiguous = {u for u, ms in matches.items()
                 if any(w not in matches.get(v, ()) for v in ms for w in ms if v < w)}
    for u in sorted(matches):
        for v in sorted(matches[u]):
            if u < v and u not in ambiguous and v not in ambiguous:
                same = sorted(units[u].names & units[v].names)  # a name one has as an alias
                groups.union(u, v, "alias" if same else "variant",
                             f"{units[u].actor.name} ~ {units[v].actor.name}" + (f" ({same[0]})" if same else ""))
    # 2. the gazetteer (the user's aliases and merges included) names a stored gazetteer actor
    for u in sorted(free):
        if not units[u].known:
            entry = gazetteer.lookup(units[u].actor.name)
            if entry is not None and entry.id in units and entry.id != u:
                groups.union(u, entry.id, "gazetteer", f"{units[u].actor.name} -> {entry.name}")

    # 3, 4. short forms and acronyms, against the groups so far (all at once: order-free)
    members: dict[str, list[str]] = defaultdict(list)
    for i in units:
        members[groups.find(i)].append(i)
    joins: dict[str, str] = {}  # short group root -> target root
    per_form: dict[tuple[str, str], str] = {}  # (document, form id) -> target root
    why_form: dict[tuple[str, str], tuple[str, str]] = {}
    ends: dict[str, set[str]] = defaultdict(set)  # a multi-word person name's last word -> roots
    starts: dict[str, set[str]] = defaultdict(set)
    letters: dict[str, set[str]] = defaultdict(set)  # an organisation's initials -> roots
    for root, ids in members.items():
        for i in ids:
            u = units[i]
            for n in u.names:
                ws = n.split()
                while len(ws) > 2 and ws[-1] in SUFFIXES:
                    ws.pop()
                if u.actor.type is ActorType.PERSON and len(ws) > 1:
                    ends[ws[-1]].add(root)
                    starts[ws[0]].add(root)
            if u.actor.type in ORGS and i not in own:
                for n in (u.actor.name, *u.actor.aliases):
                    for x in initials(n):
                        letters[x].add(root)
    span = _role_spans([(d, a, date) for d, a, t, _, date in statement_ends if t == "LEADS" and date], groups)
    end_words = sorted(ends)
    short_names = {n for ids in members.values() for i in ids for n in units[i].names
                   if units[i].actor.type is ActorType.PERSON and " " not in n}
    close = _close_words(short_names, end_words) if end_words else {}
    for root, ids in sorted(members.items()):
        us = [units[i] for i in ids]
        if any(u.known or u.id in kept_apart for u in us):
            continue
        kind = us[0].actor.type
        if kind is ActorType.PERSON and all(len(n.split()) == 1 for u in us for n in u.names):
            names = {n for u in us for n in u.names}
            cands = {r for n in names for key in close.get(n, ()) for r in ends[key]} or \
                    {r for n in names for r in starts.get(n, ())}
            rule = "surname"
        elif kind in ORGS and all(is_acronym(u.actor.name) for u in us):
            cands = {r for u in us for r in letters.get(u.actor.name.lower(), ())}
            rule = "acronym"
        else:
            continue
        cands = {c for c in cands - {root}
                 if all(_countries_agree(u, units[c]) for u in us) and not groups.kept_apart(root, c)}
        if len(cands) == 1:
            joins[root] = cands.pop()
            for i in ids:
                groups.why[i] = (rule, f"{units[i].actor.name} -> {_display(members[joins[root]], units)}")
        elif len(cands) > 1 and rule == "surname":
            for i in ids:
                for f in by_id[i]:
                    target = _by_date(dates.get(f.document), cands, span)
                    if target:
                        per_form[(f.document, i)] = target
                        why_form[(f.document, i)] = (
                            "surname, by date", f"{f.actor.name} ({dates.get(f.document)}) -> "
                                                f"{_display(members[target], units)}")
    for root, target in sorted(joins.items()):
        if not groups.union(root, target, "", ""):
            for i in members[root]:
                groups.why.pop(i, None)
    dependents = {i for r in joins if groups.find(r) == groups.find(joins[r]) for i in members[r]}

    # 5. merges by hand
    for kind, a, b in constraints:
        if kind == "merge" and a in units and b in units:
            groups.union(a, b, BY_HAND, f"{units[a].actor.name} = {units[b].actor.name}", force=True)

    # the groups' actors; short forms and acronyms (dependents) never name one
    final: dict[str, list[tuple[tuple[str, str], Actor, bool]]] = defaultdict(list)
    for f in forms:
        key = (f.document, f.actor.id)
        if key in per_form:
            final[groups.find(per_form[key])].append((key, f.actor, True))
        else:
            final[groups.find(f.actor.id)].append((key, f.actor, f.actor.id in dependents))
    links: dict[tuple[str, str], str] = {}
    why: dict[tuple[str, str], tuple[str, str]] = {}
    actors: dict[str, Actor] = {}
    for root, items in final.items():
        heads = [a for _, a, dep in items if not dep] or [a for _, a, _ in items]
        base = _merge_all(heads)
        known = sorted({a.id for a in heads if a.id in gazetteer.entries})
        survivor = known[0] if known else min(a.id for a in heads if a.name == base.name)
        actor = replace(base, id=survivor)
        for _, a, dep in sorted(items, key=lambda x: x[0]):
            if dep:
                actor = actor.merged(replace(a, name=actor.name, type=actor.type,
                                             aliases=(*a.aliases, a.name)))
        actors[survivor] = actor
        for key, a, _ in items:
            links[key] = survivor
            if a.id != survivor:
                why[key] = why_form.get(key) or groups.why.get(a.id) or ("linked", a.name)
    return links, why, actors


def _close_words(words: set[str], keys: list[str]) -> dict[str, list[str]]:
    """Each of ``words`` -> the ``keys`` that are it or a close spelling of it (one cdist)."""
    known = set(keys)
    out = {w: [w] if w in known else [] for w in words}
    queries = sorted(w for w in words if len(w) >= MIN_FUZZY)
    for start in range(0, len(queries), CHUNK):
        scores = process.cdist(queries[start:start + CHUNK], keys, scorer=fuzz.ratio,
                               score_cutoff=THRESHOLD - 1, dtype=np.uint8)
        for x, y in zip(*np.nonzero(scores)):
            w, k = queries[start + x], keys[y]
            if k != w and word_match(w, k):
                out[w].append(k)
    return out


def _near_words(queries: set[str], words: list[str]) -> dict[str, set[str]]:
    """Each of ``queries`` -> itself and the ``words`` that are a close spelling of it."""
    out = {w: {w} for w in queries}
    ordered = sorted(queries)
    for start in range(0, len(ordered), CHUNK):
        scores = process.cdist(ordered[start:start + CHUNK], words, scorer=fuzz.ratio,
                               score_cutoff=THRESHOLD - 1, dtype=np.uint8)
        for x, y in zip(*np.nonzero(scores)):
            w, k = ordered[start + x], words[y]
            if word_match(w, k):
                out[w].add(k)
    return out


def _variant_matches(units: dict[str, _Unit], free: set[str]) -> dict[str, set[str]]:
    """Each unit -> the units one of whose names is a spelling variant of one of its names.
    Candidates come from rapidfuzz's ``cdist`` within blocks: one-word names of a type, and
    several-word names of a type and length that share a word (a variant of several words
    keeps one)."""
    blocks: dict[tuple, list[tuple[str, str]]] = defaultdict(list)
    for i in sorted(free):
        for n in sorted(units[i].names):
            ws = n.split()
            for key in ({ws[0]} if len(ws) == 1 else set(ws)):
                blocks[(units[i].actor.type, len(ws), key if len(ws) > 1 else "")].append((n, i))
    out: dict[str, set[str]] = defaultdict(set)
    for block in blocks.values():
        if len({i for _, i in block}) < 2:
            continue
        names = [n for n, _ in block]
        for start in range(0, len(names), CHUNK):
            scores = process.cdist(names[start:start + CHUNK], names, scorer=fuzz.ratio,
                                   score_cutoff=THRESHOLD - 10, dtype=np.uint8)
            for x, y in zip(*np.nonzero(scores)):
                (n, i), (m, j) = block[start + x], block[y]
                a, b = units[i], units[j]
                if i != j and not (a.known and b.known) and _countries_agree(a, b) and variant(n, m):
                    out[i].add(j)
                    out[j].add(i)
    return out


def _role_spans(roles, groups: _Groups) -> dict[str, tuple[datetime.date, datetime.date]]:
    """Each group root -> the first and last date of its members' roles (LEADS statements)."""
    days: dict[str, list[datetime.date]] = defaultdict(list)
    for _, form, date in roles:
        d = _day(date)
        if d and form in groups.parent:
            days[groups.find(form)].append(d)
    return {r: (min(ds), max(ds)) for r, ds in days.items()}


def _by_date(date: str | None, cands: set[str], span) -> str | None:
    """The candidate whose roles are nearest ``date`` (0 days inside their span), when the next
    is at least twice as far; a candidate without dated roles leaves only a span that holds
    ``date`` to decide. Else None: the form stays apart."""
    d = _day(date or "")
    if d is None:
        return None
    far = sorted((max((span[c][0] - d).days, (d - span[c][1]).days, 0), c) for c in cands if c in span)
    if len(far) < len(cands):
        inside = [c for n, c in far if n == 0]
        return inside[0] if len(inside) == 1 else None
    return far[0][1] if far[1][0] >= 2 * far[0][0] and far[1][0] > 0 else None


def _display(ids: list[str], units: dict[str, _Unit]) -> str:
    """The name a group of units goes by (the fullest of a person's, else the shortest)."""
    kind = min((units[i].actor.type for i in ids), key=TYPE_ORDER.index)
    sign = -1 if kind is ActorType.PERSON else 1
    return min((units[i].actor.name for i in ids), key=lambda n: (sign * len(n), n))


def _merge_all(actors: list[Actor]) -> Actor:
    actors = sorted(actors, key=lambda a: (a.id, a.name))
    out = actors[0]
    for a in actors[1:]:
        out = out.merged(a)
    return out


# -- applying a grouping to a store -----------------------------------------------------------
def relink(store, gazetteer: Gazetteer, *, new_documents: set[str] = frozenset(),
           constraints: list[tuple[str, str, str]] | None = None, rule: str | None = None,
           incremental: bool = False) -> list[Merge]:
    """Group every stored form (:func:`link`) and bring the store to that grouping; returns the
    audit entries written (a form whose actor changed). ``constraints`` replaces the stored
    corrections by hand; ``rule`` names the rule of every entry (a correction by hand).

    ``incremental`` (what an ingest does, in a store that keeps the keys of its forms) groups
    only the part of the store that the forms written since the last grouping can touch
    (:func:`related_part`): the same grouping as a full one, at the cost of what was added."""
    stored = list(store.constraints())
    held = stored if constraints is None else list(constraints)
    if incremental and hasattr(store, "pending_forms"):
        # the new forms, and the ends of every correction by hand made or undone
        seeds = {i for _, i in store.pending_forms()} | {x for _, a, b in set(stored) ^ set(held) for x in (a, b)}
        if not seeds:
            return []
        forms = related_part(store, gazetteer, seeds, set(stored) | set(held))
        dates = store.document_dates({f.document for f in forms})
        ends = store.statement_ends_of({f.actor.id for f in forms})
        past = store.last_merges({f.actor.id for f in forms})
    else:
        forms = store.forms()
        if not forms:
            return []
        dates = {d.id: d.date for d in store.documents()}
        ends = store.statement_ends()
        past = store.merges()
    links, why, actors = link(forms, gazetteer=gazetteer, dates=dates, statement_ends=ends, constraints=held)
    merges = _records(forms, links, why, actors, past, new_documents, rule)
    names = {}
    for actor_id in actors:
        entry = gazetteer.entries.get(actor_id)
        if entry is not None:
            names[actor_id] = tuple(sorted(entry.aliases | {entry.name}))
    keys = {(f.document, f.actor.id): tuple(sorted(form_keys(f.actor))) for f in forms}
    words = {w for f in forms for n in _names(f.actor) for w in n.split() if len(w) >= MIN_FUZZY}
    store.relink(Linking(links, tuple(actors[i] for i in sorted(actors)), names, tuple(merges),
                         tuple(held) if constraints is not None else None, keys, tuple(sorted(words))))
    return merges


# -- the part of the store a grouping of new forms can touch ----------------------------------
def _names(actor: Actor) -> set[str]:
    return {normalize(n) for n in (actor.name, *actor.aliases)} - {""}


def _surname_words(name: str) -> list[str]:
    ws = name.split()
    while len(ws) > 2 and ws[-1] in SUFFIXES:
        ws.pop()
    return ws


def form_keys(actor: Actor) -> set[str]:
    """The keys a stored form is found by: ``n:`` each normalised name; ``p<k>.<i>:`` each word
    of at least MIN_FUZZY letters at place i of a name of k words; ``e:`` and ``s:`` the last
    and first word of a name of several words (a surname and a given name); ``i:`` the
    initials of a name. They depend on the names alone (not on the type or the country), so a
    form's keys only grow as its document adds to it."""
    keys = set()
    for n in _names(actor):
        keys.add("n:" + n)
        ws = n.split()
        if len(ws) > 1:
            keys |= {f"p{len(ws)}.{i}:{w}" for i, w in enumerate(ws) if len(w) >= MIN_FUZZY}
        ws = _surname_words(n)
        if len(ws) > 1:
            keys |= {"e:" + ws[-1], "s:" + ws[0]}
    for n in (actor.name, *actor.aliases):
        keys |= {"i:" + x for x in initials(n)}
    return keys


def related_part(store, gazetteer: Gazetteer, seeds: set[str],
                 constraints: set[tuple[str, str, str]] = frozenset()) -> list[Form]:
    """Every form of the ids ``seeds`` and of every id joined to them, step by step, by a
    relation any rule of :func:`link` looks at; and every form linked to the same actor as
    one of those. Returns the forms of that part of the store.

    Why grouping this part alone gives the grouping of the whole store, restricted to it.
    :func:`link` decides about an id (a unit) only from the ids it is related to, where two
    ids are related when a name of one and a name of the other are spelling variants
    (rule 1, whose ambiguity check looks at the variants of the variants: related too),
    when one's name is the gazetteer alias of the other's id (rule 2), when a one-word name
    of one is, or is close to, the last word, or is the first word, of a name of the other
    (rule 3, its candidates and its dates), when one's one-word name is the other's
    initials (rule 4), or when a correction by hand joins them (rule 5). Statements and
    splits only keep ids apart: they never make a join that their ends' relations did not
    propose. So the grouping falls apart into the connected parts of this relation, and the
    part collected here is closed under it: it is a union of whole connected parts. The
    relation is defined on names alone, and names only grow as forms are added, so every
    relation of the last grouping still holds: an id outside the part was related, then as
    now, only to ids outside it, none of which has a new form, so its grouping is as stored.
    The rules' other conditions (type, country, gazetteer actor, statements) only narrow
    what joins, within a part. Which forms are collected depends on which are new; what the
    part's grouping is does not. (The gazetteer is the one the last grouping used:
    ``actorgraph merges --relink`` regroups everything with another.)"""
    words = store.link_words()
    by_entry: dict[str, set[str]] = defaultdict(set)
    for alias, entry_id in gazetteer.by_alias.items():
        by_entry[entry_id].add(alias)
    partners: dict[str, set[str]] = defaultdict(set)
    for kind, a, b in constraints:  # the corrections by hand, before and after
        partners[a].add(b)
        partners[b].add(a)
    forms: dict[tuple[str, str], Form] = {}
    seen: set[str] = set()
    groups: set[str] = set()  # the actors whose forms are collected
    todo = set(seeds)
    while todo:
        seen |= todo
        found = store.forms_of(todo)
        names: dict[str, set[str]] = defaultdict(set)
        raw: dict[str, set[str]] = defaultdict(set)
        for f in found:
            forms[(f.document, f.actor.id)] = f
            names[f.actor.id] |= _names(f.actor)
            raw[f.actor.id] |= {f.actor.name, *f.actor.aliases}
        linked = {f.linked for f in found} - groups
        groups |= linked
        ids = {f.actor.id for f in store.forms_linked_to(linked)}  # the stored groups they are in
        all_names = {n for ns in names.values() for n in ns}
        long = {w for n in all_names for w in n.split() if len(w) >= MIN_FUZZY}
        close = _near_words(long, words + sorted(long)) if long else {}

        def near(w: str) -> set[str]:
            return close.get(w, {w})

        keys: set[str] = set()
        for i in names:
            ids |= partners.get(i, set())
            ids |= {by_entry_id for by_entry_id in (gazetteer.by_alias.get(n) for n in names[i]) if by_entry_id}
            keys |= {"n:" + n for n in by_entry.get(i, ())}
            for n in names[i]:
                ws = n.split()
                if len(ws) == 1:  # its variants; the persons it is the surname or given name of; its letters
                    keys |= {"n:" + m for m in near(n)} | {"e:" + m for m in near(n)} | {"s:" + n, "i:" + n}
                    continue
                longest = max(range(len(ws)), key=lambda k: (len(ws[k]), -k))
                if len(ws[longest]) >= MIN_FUZZY:
                    keys |= {f"p{len(ws)}.{longest}:{m}" for m in near(ws[longest])}
                else:
                    keys.add("n:" + n)
                sw = _surname_words(n)
                if len(sw) > 1:
                    keys |= {"n:" + m for m in near(sw[-1])} | {"n:" + sw[0]}
            for n in raw[i]:
                keys |= {"n:" + x for x in initials(n)}
        todo = (store.form_ids_with_keys(keys) | ids) - seen
    return sorted(forms.values(), key=lambda f: (f.document, f.actor.id))


def _records(forms: list[Form], links, why, actors, past: list[Merge], new_documents, rule) -> list[Merge]:
    """One audit entry per form id whose actor changed (not when its last entry says so already)."""
    last = {m.form: (m.rule, m.actor) for m in past}
    moved: dict[tuple[str, str], list[str]] = defaultdict(list)
    for f in forms:
        new = links[(f.document, f.actor.id)]
        if new != f.linked:
            moved[(f.actor.id, new)].append(f.document)
    group_docs: dict[str, set[str]] = defaultdict(set)
    for (doc, _), actor in links.items():
        group_docs[actor].add(doc)
    out = []
    stamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for (form, new), docs in sorted(moved.items()):
        if form == new:
            reason = (rule or "apart", f"{actors[new].name} apart")
        else:
            reason = why.get((docs[0], form), ("linked", ""))
            if rule:
                reason = (rule, reason[1])
        if last.get(form) == (reason[0], new):
            continue
        trigger = sorted((group_docs[new] & set(new_documents)) or set(docs)) if not rule else [""]
        out.append(Merge(reason[0], form, new, reason[1], trigger[0], stamp))
        last[form] = (reason[0], new)
    return out


# -- corrections by hand ----------------------------------------------------------------------
def merge_by_hand(store, a: Actor, b: Actor, gazetteer: Gazetteer) -> list[Merge]:
    """Join actors ``a`` and ``b`` for good (a constraint every later grouping obeys)."""
    if a.id == b.id:
        raise ActorgraphError(f"{a.name!r} and {b.name!r} are one actor already ({a.id})")
    held = [c for c in store.constraints() if not (c[0] == "split" and c[2] in (a.id, b.id))]
    held.append(("merge", *sorted((a.id, b.id))))
    return relink(store, gazetteer, constraints=sorted(set(held)), rule="merge by hand", incremental=True)


def split_by_hand(store, actor: Actor, form: str, gazetteer: Gazetteer) -> tuple[list[Merge], str | None]:
    """Keep the documents' actors named ``form`` apart from ``actor`` for good; returns the audit
    entries and a note on what could not be split (documents that gave ``form`` to the same
    actor as other names: which of their statements came from which name is not known)."""
    key = normalize(form)
    mine = store.forms_linked_to([actor.id])
    if key == normalize(actor.name) or any(f.actor.id == actor.id and normalize(f.actor.name) == key for f in mine):
        raise ActorgraphError(f"{form!r} is the name {actor.name} ({actor.id}) is stored under; "
                              f"name the other form to split off")
    movable = sorted({f.actor.id for f in mine if normalize(f.actor.name) == key and f.actor.id != actor.id})
    inside = sorted({f.document for f in mine if f.actor.id not in movable
                     and key in {normalize(x) for x in (f.actor.name, *f.actor.aliases)}})
    note = None
    if inside:
        note = (f"{len(inside)} document(s) name {actor.name} {form!r} among other names of one actor; "
                f"their statements cannot be told apart and stay with {actor.id}")
    if not movable:
        if note:
            raise ActorgraphError(f"cannot split {form!r} from {actor.name}: {note}")
        names = sorted({f.actor.name for f in mine if f.actor.id != actor.id})
        raise ActorgraphError(f"{actor.name} ({actor.id}) has no form {form!r} joined from other documents"
                              + (f"; its forms: {', '.join(names)}" if names else ""))
    held = [c for c in store.constraints() if not (c[0] == "merge" and (c[1] in movable or c[2] in movable))]
    held += [("split", actor.id, r) for r in movable]
    return relink(store, gazetteer, constraints=sorted(set(held)), rule="split by hand", incremental=True), note
