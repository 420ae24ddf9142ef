"""The shipped data files (gazetteer, cue lexicon) and the user's own additions."""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from actorgraph.graph import ActorType, InputError
from actorgraph.graph.names import normalize

DATA = Path(__file__).parent / "data"
#: A user gazetteer (same format as the shipped one, plus "merge" and "split") may be named here.
USER_GAZETTEER_ENV = "ACTORGRAPH_GAZETTEER"


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


class Gazetteer:
    """Known actors by every name, plus demonyms of states.

    The user file may add actors or aliases (same format), force merges
    (``"merge": {"alias or id": "target id"}``) and splits (``"split": ["surface form"]``,
    forms that must never resolve through the gazetteer).
    """

    def __init__(self, entries: list[Entry]):
        self.entries = {e.id: e for e in entries}
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
        for path in files:
            data = load_json(Path(path))
            if not isinstance(data, dict) or not isinstance(data.get("actors", []), list):
                raise InputError(f"{path}: expected an object with an 'actors' list")
            for i, raw in enumerate(data.get("actors", [])):
                try:
                    e = Entry(raw["id"], raw.get("name") or raw["id"], ActorType(raw["type"]),
                              set(raw.get("aliases", ())), set(raw.get("demonyms", ())),
                              dict(raw.get("attributes", {})))
                except (KeyError, TypeError, ValueError) as err:
                    raise InputError(f"{path}: actor #{i + 1} is malformed ({err})") from None
                old = entries.get(e.id)
                if old:
                    old.aliases |= e.aliases
                    old.demonyms |= e.demonyms
                    old.attributes.update(e.attributes)
                else:
                    entries[e.id] = e
            merges.update(data.get("merge", {}))
            splits.update(normalize(s) for s in data.get("split", ()))
        gaz = cls(list(entries.values()))
        for form, target in merges.items():
            if target not in gaz.entries:
                raise InputError(f"merge target {target!r} is not a known actor id")
            source = gaz.entries.pop(form, None)
            if source:
                gaz.entries[target].aliases |= source.aliases | {source.name}
            gaz.entries[target].aliases.add(form)
        gaz = cls(list(gaz.entries.values()))
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


class Lexicon:
    """Cue words from ``data/lexicon.json``, as sets and dicts ready for lookups."""

    def __init__(self, data: dict):
        from actorgraph.graph import RelType

        self.verbs = {k: RelType(v) for k, v in data["verbs"].items()}
        self.phrasal = {k: RelType(v) for k, v in data["phrasal"].items()}
        self.verb_preps = {k: set(v) for k, v in data["verb_requires_object_prep"].items()}
        self.supply_verbs = set(data["supply_verbs"])
        self.military_goods = set(data["military_goods"])
        self.aid_goods = set(data["aid_goods"])
        self.nominals = {k: RelType(v) for k, v in data["nominals"].items()}
        self.nominal_preps = {RelType(k): set(v) for k, v in data["nominal_object_preps"].items()}
        self.holder_nouns = set(data["person_nouns_of"])
        self.backed = {k: RelType(v) for k, v in data["backed_adjectives"].items()}
        self.refusal_verbs = set(data["refusal_verbs"])
        self.hedge_verbs = set(data["hedge_verbs"])
        self.hedge_words = set(data["hedge_words"])
        self.say_verbs = set(data["say_verbs"])
        self.condition_marks = set(data["condition_marks"])
        self.titles_lead = set(data["titles_lead"])
        self.titles_member = set(data["titles_member"])
        self.honorifics = set(data["honorifics"])
        self.agent_nouns = set(data["agent_nouns"])
        self.context_nouns = {k: ActorType(v) for k, v in data["context_nouns"].items()}
        self.pronouns = {k: ActorType(v) for k, v in data["pronouns"].items()}
        self.not_actors = {normalize(x) for x in data["not_actors"] + data["places"]}
        self.light_verbs = set(data["light_verbs"])
        self.copulas = set(data["copulas"])
        self.receive_verbs = set(data["receive_verbs"])
        self.object_control = set(data["object_control_verbs"])
        self.target_nouns = set(data["target_nouns"])
        self.goods_nouns = set(data["goods_nouns"])
        self.reverse_holders = set(data["reverse_holders"])
        self.together = set(data["together_words"])
        self.insults = set(data["insult_nouns"])
        self.naming_verbs = set(data["naming_verbs"])
        self.warning_verbs = set(data["warning_verbs"])
        self.generic_words = set(data["generic_words"])
        self.prep_only_verbs = set(data["prep_only_verbs"])
        self.reverse_verbs = {k: RelType(v) for k, v in data["reverse_verbs"].items()}
        self.regard_verbs = set(data["regard_verbs"])
        self.group_nouns = set(data["group_nouns"])
        self.ending_verbs = set(data["ending_verbs"])
        self.mutual_verbs = set(data["mutual_verbs"])
        self.title_agents = set(data["title_agents"])
        self.refusal_nouns = set(data["refusal_nouns"])
        self.act_nouns = set(data["act_nouns"])
        self.local_officials = set(data["local_officials"])
        self.complaint_verbs = set(data["complaint_verbs"])
        self.territorial_verbs = set(data["territorial_verbs"])
        self.name_suffixes = set(data["name_suffixes"])
        self.stance_adjectives = {k: RelType(v) for k, v in data["stance_adjectives"].items()}
        # derived once, for lookups on hot paths
        self.titles = self.titles_lead | self.titles_member
        self.agents_and_groups = self.agent_nouns | self.group_nouns


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return Lexicon(load_json(DATA / "lexicon.json"))
