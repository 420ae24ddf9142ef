"""The shipped data files (gazetteer, cue lexicon) and the user's own additions."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, TypeAdapter, ValidationError, field_validator

from actorgraph.graph import ActorType, InputError, RelType
from actorgraph.graph.names import normalize

DATA = Path(__file__).parent / "data"
#: A user gazetteer (same format as the shipped one, plus "merge" and "split") may be named here.
USER_GAZETTEER_ENV = "ACTORGRAPH_GAZETTEER"
#: A user lexicon (same format as the shipped files under data/) may be named here; several
#: files are separated like a PATH.
USER_LEXICON_ENV = "ACTORGRAPH_LEXICON"


def load_json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror or e})") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InputError(f"{path}: malformed JSON ({e})") from None


@dataclass
class Entry:
    id: str
    name: str
    type: ActorType
    aliases: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    attributes: dict[str, str] = field(default_factory=dict)


def agent_aliases(raw: dict, agent_nouns: list[str]) -> set[str]:
    """A state's "<demonym> <agent noun>" aliases ("Afghan army"), from its first demonym or from
    its ``agent_demonyms``, less its ``agent_nouns_except``."""
    if raw.get("type") != "STATE":
        return set()
    demonyms = raw.get("agent_demonyms", list(raw.get("demonyms", ()))[:1])
    skip = set(raw.get("agent_nouns_except", ()))
    return {f"{d} {n}" for d in demonyms for n in agent_nouns if n not in skip}


class Gazetteer:
    """Known actors by every name, plus demonyms of states.

    The user file may add actors or aliases (same format), force merges
    (``"merge": {"alias or id": "target id"}``) and splits (``"split": ["surface form"]``,
    forms that must never resolve through the gazetteer).
    """

    def __init__(self, entries: list[Entry]):
        self.entries = {e.id: e for e in entries}
        self.splits: set[str] = set()  # the user's "split" forms, normalised (kept apart in the store too)
        self.by_alias: dict[str, str] = {}
        self.by_demonym: dict[str, str] = {}
        for e in entries:
            for a in e.aliases | {e.name}:
                self.by_alias.setdefault(normalize(a), e.id)
            for d in e.demonyms:
                self.by_demonym.setdefault(normalize(d), e.id)

    @classmethod
    def load(cls, *extra: Path) -> "Gazetteer":
        files = [DATA / "gazetteer.json", *extra]
        if os.environ.get(USER_GAZETTEER_ENV):
            files.append(Path(os.environ[USER_GAZETTEER_ENV]))
        entries: dict[str, Entry] = {}
        merges: dict[str, str] = {}
        splits: set[str] = set()
        agent_nouns: list[str] = []
        owner: dict[str, tuple[str, Path]] = {}  # normalised alias -> (actor id, file)
        country_from: dict[str, Path] = {}  # actor id -> the file that gave its country
        for path in files:
            path = Path(path)
            data = load_json(path)
            if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
                raise InputError(f"{path}: expected an object with an 'actors' list")
            agent_nouns += [n for n in data.get("agent_nouns", ()) if n not in agent_nouns]
            for i, raw in enumerate(data.get("actors", [])):
                try:
                    e = Entry(raw["id"], raw.get("name") or raw["id"], ActorType(raw["type"]),
                              set(raw.get("aliases", ())), set(raw.get("demonyms", ())),
                              dict(raw.get("attributes", {})))
                    e.aliases |= agent_aliases(raw, agent_nouns)
                except (KeyError, TypeError, ValueError) as err:
                    raise InputError(f"{path}: actor #{i + 1} is malformed ({err})") from None
                for form in e.aliases | {e.name}:
                    first = owner.setdefault(normalize(form), (e.id, path))
                    if first[0] != e.id:
                        raise InputError(f"{path}: alias {form!r} of {e.id!r} is already an alias of {first[0]!r} "
                                         f"(in {first[1].name}); use \"merge\" or \"split\" to settle it")
                if "country" in e.attributes:
                    country_from[e.id] = path
                old = entries.get(e.id)
                if old:
                    old.aliases |= e.aliases
                    old.demonyms |= e.demonyms
                    old.attributes.update(e.attributes)
                else:
                    entries[e.id] = e
            merges.update(data.get("merge", {}))
            splits.update(normalize(s) for s in data.get("split", ()))
        for e in entries.values():
            country = e.attributes.get("country")
            if country is not None and country not in entries:
                raise InputError(f"{country_from[e.id]}: actor {e.id!r}: attributes.country {country!r} "
                                 f"is not a known actor id")
        gaz = cls(list(entries.values()))
        for form, target in merges.items():
            if target not in gaz.entries:
                raise InputError(f"merge target {target!r} is not a known actor id")
            source = gaz.entries.pop(form, None)
            if source:
                gaz.entries[target].aliases |= source.aliases | {source.name}
            gaz.entries[target].aliases.add(form)
        gaz = cls(list(gaz.entries.values()))
        gaz.splits = splits
        for form in splits:
            gaz.by_alias.pop(form, None)
            gaz.by_demonym.pop(form, None)
        return gaz

    def lookup(self, text: str) -> Entry | None:
        key = self.by_alias.get(normalize(text))
        return self.entries[key] if key else None

    def demonym(self, text: str) -> Entry | None:
        key = self.by_demonym.get(normalize(text))
        return self.entries[key] if key else None


class _Words(BaseModel):
    """One data file: every key a field, every field a word list or word map."""

    model_config = ConfigDict(extra="forbid")
    about: str = ""

    @field_validator("*", mode="before")
    @classmethod
    def _no_blank_words(cls, value: Any) -> Any:
        words = value if isinstance(value, (list, dict)) else ()
        for w in words:
            if not isinstance(w, str) or not w.strip():
                raise ValueError(f"{w!r} is not a word")
        return value


class CueSet(BaseModel):
    """The triggers of one relation type (one entry of ``cues.json``)."""

    model_config = ConfigDict(extra="forbid")
    verbs: list[str] = []
    phrasal: list[str] = []
    nominals: list[str] = []
    backed: list[str] = []
    stance_adjectives: list[str] = []
    reverse_verbs: list[str] = []
    nominal_preps: list[str] = []

    @field_validator("phrasal")
    @classmethod
    def _two_words(cls, value: list[str]) -> list[str]:
        for v in value:
            if len(v.split()) < 2:
                raise ValueError(f"{v!r} is not 'lemma word' (a phrasal trigger has a particle, preposition or object)")
        return value


class Syntax(_Words):
    verb_preps: dict[str, frozenset[str]]
    demand_verbs: frozenset[str] = frozenset()
    cessation_verbs: frozenset[str] = frozenset()
    release_nouns: frozenset[str] = frozenset()
    supply_verbs: frozenset[str]
    receive_verbs: frozenset[str]
    light_verbs: frozenset[str]
    copulas: frozenset[str]
    object_control: frozenset[str]
    prep_only_verbs: frozenset[str]
    regard_verbs: frozenset[str]
    ending_verbs: frozenset[str]
    mutual_verbs: frozenset[str]
    together: frozenset[str]
    naming_verbs: frozenset[str]
    complaint_verbs: frozenset[str]
    territorial_verbs: frozenset[str]
    warning_verbs: frozenset[str]
    quantities: frozenset[str]
    counted_plurals: frozenset[str]
    relative_pronouns: frozenset[str]
    naming_participles: frozenset[str]
    inheriting_verbs: frozenset[str]
    raising_verbs: frozenset[str]
    joining_verbs: frozenset[str]
    founding_verbs: frozenset[str]
    co_present_verbs: frozenset[str]
    holder_copulas: frozenset[str]
    joint_words: frozenset[str]
    meeting_time_preps: frozenset[str]
    supply_preps: frozenset[str]
    stance_preps: frozenset[str]
    helping_verbs: frozenset[str]
    role_copulas: frozenset[str]
    speaker_pronouns: frozenset[str]
    speaker_possessives: frozenset[str]
    own_possessives: frozenset[str]
    reciprocal_words: frozenset[str]
    #: prepositions of an adjunct whose event noun is the clause subject's ("during operations
    #: against X"); ``sequel_preps`` only for a shared or cooperative event ("after battles with X",
    #: but "protested after strikes on X" is no strike of the protester's)
    adjunct_preps: frozenset[str] = frozenset()
    sequel_preps: frozenset[str] = frozenset()
    #: purpose prepositions that lend the clause subject to a cooperative event noun only
    #: ("flew to Rome for talks with Y"; "criticised X for attacks on Y" is X's attack)
    purpose_preps: frozenset[str] = frozenset()
    #: verbs that support the owner of an act they take up ("welcomed the Swedish statement")
    approval_verbs: frozenset[str] = frozenset()
    #: what a complaint is about ("complained over X's raids"); a protest opposes it
    complaint_preps: frozenset[str] = frozenset()
    protest_verbs: frozenset[str] = frozenset()
    #: verbs whose subject is threatened by the hostile act it faces ("or face sanctions from X")
    facing_verbs: frozenset[str] = frozenset()
    #: a pronoun in a reason phrase is the object's ("attacked X for its arms sales")
    reason_preps: frozenset[str] = frozenset()
    #: "X, who served as Y's envoy": a role "as" a title
    serving_verbs: frozenset[str] = frozenset()
    #: "X lectures at the University of Y": membership of the body "at" or "for"
    employment_verbs: frozenset[str] = frozenset()
    #: a mediator meets both parties "between" ("Qatar mediated between X and Y")
    mediation_words: frozenset[str] = frozenset()
    #: a common noun stands for the actors it lists ("its neighbours, including X and Y")
    list_preps: frozenset[str] = frozenset()
    #: reverse verbs that make members only of a body ("the bloc admitted X")
    admission_verbs: frozenset[str] = frozenset()
    #: what a naming verb names to support ("profiled X as a hero"); ``insults`` criticise
    praise_words: frozenset[str] = frozenset()
    #: verbs that remove people "to" a place, which they do not act on ("deported X to Y")
    removal_verbs: frozenset[str] = frozenset()
    #: verbs that lay an act "on" its doer ("blamed the attacks on X": X is criticised)
    attribution_verbs: frozenset[str] = frozenset()
    #: verbs that wave off a criticism or threat they take ("dismissed concerns about X")
    dismissal_verbs: frozenset[str] = frozenset()
    #: a bare refusal coordinated with a proposal or demand opposes who made it ("X proposed ..., but Y refused")
    refusing_verbs: frozenset[str] = frozenset()
    proposal_verbs: frozenset[str] = frozenset()
    #: "targets belonging to X": the target is X's
    belonging_verbs: frozenset[str] = frozenset()
    #: verbs that rehearse a hostile act, a threat ("rehearsed a blockade of the island")
    rehearsal_verbs: frozenset[str] = frozenset()
    #: "put X on hold", "put X on ice": the verb suspends X
    suspending_verbs: frozenset[str] = frozenset()
    suspension_nouns: frozenset[str] = frozenset()
    #: acts whose target is the one "under" them ("came under attack from X", "under US sanctions")
    under_nouns: frozenset[str] = frozenset()
    #: hostile nouns that are criticism when a person is "under" them ("came under fire from X")
    figurative_fire: frozenset[str] = frozenset()


class Modality(_Words):
    refusal_verbs: frozenset[str]
    refusal_nouns: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_words: frozenset[str]
    say_verbs: frozenset[str]
    condition_marks: frozenset[str]
    negation_words: frozenset[str]
    neither_words: frozenset[str]
    refusal_auxiliaries: frozenset[str]
    future_auxiliaries: frozenset[str]
    conditional_marks: frozenset[str]
    denial_verbs: frozenset[str]
    claim_verbs: frozenset[str]
    accusation_verbs: frozenset[str]
    threat_verbs: frozenset[str]
    #: nouns whose infinitive is a threat ("Trump's threat to impose tariffs on X")
    threat_nouns: frozenset[str] = frozenset()
    #: modals that make what a warning says the warner may do a threat ("warned it could retaliate")
    warning_modals: frozenset[str] = frozenset()


class Roles(_Words):
    titles_lead: frozenset[str]
    titles_member: frozenset[str]
    honorifics: frozenset[str]
    title_agents: frozenset[str]
    local_officials: frozenset[str]
    head_of_state_titles: frozenset[str]
    state_organs: frozenset[str]
    deputy_words: frozenset[str]
    military_ranks: frozenset[str]
    state_leadership: frozenset[str]
    party_adjectives: dict[str, str] = {}
    subunit_nouns: frozenset[str] = frozenset()
    #: "a UN-appointed envoy" holds his title in the body that appointed him
    appointing_verbs: frozenset[str] = frozenset()
    #: a minister heads the ministry his title names ("Homeland Security Secretary X")
    minister_titles: frozenset[str] = frozenset()
    ministry_nouns: frozenset[str] = frozenset()
    #: the organs of a state or a body, named after it ("the U.N. Security Council"): members of it
    organ_nouns: frozenset[str] = frozenset()
    #: titles of a post held somewhere: "the UN envoy in Haiti" is not Haiti's
    envoy_titles: frozenset[str] = frozenset()
    #: a sentence that credits a reporter ("X contributed to this report") states no relation
    byline_phrases: frozenset[str] = frozenset()


class Nouns(_Words):
    agent_nouns: frozenset[str]
    group_nouns: frozenset[str]
    context_nouns: dict[str, ActorType]
    pronouns: dict[str, ActorType]
    target_nouns: frozenset[str]
    goods_nouns: frozenset[str]
    military_goods: frozenset[str]
    aid_goods: frozenset[str]
    holder_nouns: frozenset[str]
    reverse_holders: frozenset[str]
    insults: frozenset[str]
    act_nouns: frozenset[str]
    generic_words: frozenset[str]
    name_suffixes: frozenset[str]
    group_name_words: frozenset[str]
    name_particles: frozenset[str]
    federal_words: frozenset[str]
    #: hostile nouns both parties take part in ("fighting between X and Y", "a feud with Y")
    mutual_nouns: dict[str, RelType] = {}
    #: modifiers that make a shared hostile noun economic ("a trade war", "a tariff fight")
    trade_words: frozenset[str] = frozenset()
    #: possessive pronouns bound to an antecedent in their sentence ("for its arms sales")
    owner_pronouns: frozenset[str] = frozenset()
    #: pronouns for a thing or a state, never a person ("it", "they")
    thing_pronouns: frozenset[str] = frozenset()


class NonActors(_Words):
    not_actors: frozenset[str]
    places: frozenset[str]
    weapons_and_products: frozenset[str]
    scripture: frozenset[str]


#: The shipped lexicon, one file per concern, and the model each file is validated against.
WORD_FILES: dict[str, type[_Words]] = {"syntax.json": Syntax, "modality.json": Modality, "roles.json": Roles,
                                       "nouns.json": Nouns, "non_actors.json": NonActors}
CUES_FILE = "cues.json"
#: Trigger files derived by ``bench/derive_lexicon.py`` (CAMEO verb dictionary, WordNet), kept
#: where they held on the gold; same format as cues.json, loaded before it, so that a word
#: mapped by hand in cues.json keeps its hand mapping.
DERIVED_CUES = ("cues_cameo.json",)
CUE_KINDS = ("verbs", "phrasal", "nominals", "backed", "stance_adjectives", "reverse_verbs")
_FIELDS = {name: (model, info.annotation) for model in WORD_FILES.values()
           for name, info in model.model_fields.items() if name != "about"}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:77] + "..."


def _bad(path, err: ValidationError, prefix: tuple = ()) -> InputError:
    """The first error of a validation, as one line naming the file, the key and the value."""
    e = err.errors()[0]
    key = ".".join(str(x) for x in (*prefix, *e["loc"]) if x != "[key]")
    if e["type"] == "missing":
        return InputError(f"{path}: key {key!r} is missing")
    if e["type"] == "extra_forbidden":
        return InputError(f"{path}: unknown key {key!r}")
    msg = e["msg"].removeprefix("Value error, ")
    return InputError(f"{path}: key {key!r}, value {_short(e.get('input'))}: {msg}")


def _cue_sets(path, data: dict) -> dict[RelType, CueSet]:
    out = {}
    for key, value in data.items():
        try:
            rel = RelType(key)
        except ValueError:
            raise InputError(f"{path}: key {key!r}: not a relation type (one of "
                             f"{', '.join(t.value for t in RelType)})") from None
        try:
            out[rel] = CueSet.model_validate(value)
        except ValidationError as err:
            raise _bad(path, err, (key,)) from None
    return out


class Lexicon:
    """The cue words of ``data/*.json`` (and of the user's lexicon files), as sets and dicts ready
    for lookups. Every attribute is named as the JSON key it comes from; the triggers of
    ``cues.json`` become one map per kind (``verbs``, ``phrasal``, ``nominals``, ``backed``,
    ``stance_adjectives``, ``reverse_verbs``: word -> relation type) and ``nominal_preps``
    (relation type -> prepositions)."""

    def __init__(self) -> None:
        for name, (_, annotation) in _FIELDS.items():
            setattr(self, name, {} if "dict" in str(annotation) else set())
        for kind in CUE_KINDS:
            setattr(self, kind, {})
        self.nominal_preps: dict[RelType, set[str]] = {}
        self.sources: list[str] = []

    @classmethod
    def load(cls, *user: str | Path, derived: bool = True) -> "Lexicon":
        """The shipped files, then each user file in turn (adding words; a user trigger
        replaces the shipped mapping of the same word). ``derived=False`` leaves out the
        derived trigger files (what their derivation starts from)."""
        lex = cls()
        for name in DERIVED_CUES if derived else ():
            if (DATA / name).exists():
                lex._add_user(DATA / name)
        cues = load_json(DATA / CUES_FILE)
        lex._add_cues(DATA / CUES_FILE, _cue_sets(DATA / CUES_FILE, {k: v for k, v in cues.items() if k != "about"}))
        for name, model in WORD_FILES.items():
            path = DATA / name
            try:
                words = model.model_validate(load_json(path))
            except ValidationError as err:
                raise _bad(path, err) from None
            for key in model.model_fields:
                if key != "about":
                    lex._add_words(key, getattr(words, key))
        for path in user:
            lex._add_user(Path(path))
        lex._derive()
        return lex

    def _add_cues(self, path, sets: dict[RelType, CueSet]) -> None:
        mine: dict[tuple[str, str], RelType] = {}
        for rel, cs in sets.items():
            for kind in CUE_KINDS:
                table = getattr(self, kind)
                for word in getattr(cs, kind):
                    other = mine.get((kind, word))
                    if other is not None and other is not rel:
                        raise InputError(f"{path}: {kind} {word!r} is under both {other.value} and {rel.value}")
                    mine[(kind, word)] = rel
                    table[word] = rel
            if cs.nominal_preps:
                self.nominal_preps.setdefault(rel, set()).update(cs.nominal_preps)
        self.sources.append(str(path))

    def _add_words(self, key: str, value) -> None:
        have = getattr(self, key)
        if isinstance(have, dict):
            have.update({k: set(v) if isinstance(v, frozenset) else v for k, v in value.items()})
        else:
            have.update(value)

    def _add_user(self, path: Path) -> None:
        data = load_json(path)
        if not isinstance(data, dict):
            raise InputError(f"{path}: expected an object whose keys are relation types or word lists")
        rels = {k: v for k, v in data.items() if k in RelType.__members__ or k.isupper()}
        self._add_cues(path, _cue_sets(path, rels))
        for key, value in data.items():
            if key in rels or key == "about":
                continue
            if key not in _FIELDS:
                raise InputError(f"{path}: unknown key {key!r} (a relation type such as SUPPORTS, or a word list "
                                 f"of the shipped files such as hedge_words)")
            try:
                self._add_words(key, TypeAdapter(_FIELDS[key][1]).validate_python(value))
            except ValidationError as err:
                raise _bad(path, err, (key,)) from None

    def _derive(self) -> None:
        # derived once, for lookups on hot paths
        self.titles = self.titles_lead | self.titles_member
        self.agents_and_groups = self.agent_nouns | self.group_nouns
        self.never_actors = {normalize(x) for x in
                             self.not_actors | self.places | self.weapons_and_products | self.scripture}


def user_lexicon_files() -> list[str]:
    return [p for p in os.environ.get(USER_LEXICON_ENV, "").split(os.pathsep) if p]


@lru_cache(maxsize=8)
def _cached(files: tuple[str, ...]) -> Lexicon:
    return Lexicon.load(*files)


def lexicon(*user: str | Path) -> Lexicon:
    """The shipped lexicon plus the user files named here and in ``$ACTORGRAPH_LEXICON``."""
    return _cached(tuple(str(p) for p in user) + tuple(user_lexicon_files()))
