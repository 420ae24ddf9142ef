"""The lexicon files: validated models, one-line errors naming file, key and value, and the
user's own lexicon (model-free, except the tests marked ``model``)."""
import json

import pytest

from actorgraph.graph import InputError, RelType
from actorgraph.loaders.families import REGISTRY, cue_words
from actorgraph.loaders.lexicon import Lexicon, lexicon


def write(tmp_path, data, name="mine.json"):
    path = tmp_path / name
    path.write_text(json.dumps(data))
    return path


def test_shipped_lexicon_loads_with_attributes_named_as_json_keys():
    lex = Lexicon.load()
    assert lex.verbs["meet"] is RelType.MEETS and lex.phrasal["stand by"] is RelType.SUPPORTS
    assert "ally" in lex.holder_nouns and "liar" in lex.insults  # keys of nouns.json
    assert RelType.SUPPORTS in lex.nominal_preps and "for" in lex.nominal_preps[RelType.SUPPORTS]
    assert "reuters" in lex.never_actors  # non_actors.json, normalised


def test_cue_words_come_from_the_registry_and_the_lexicon():
    lex = Lexicon.load()
    words = cue_words(lex)
    assert {"meet", "support", "backed", "hostile", "together", "supply"} <= words
    assert REGISTRY["verb"].pattern == "verb/1" and REGISTRY["surface"].base < REGISTRY["verb"].base


def test_a_user_trigger_is_added_and_overrides_a_shipped_one(tmp_path):
    path = write(tmp_path, {"CRITICIZES": {"verbs": ["berate"]}, "SUPPORTS": {"verbs": ["meet"]},
                            "hedge_words": ["supposedly"]})
    lex = Lexicon.load(path)
    assert lex.verbs["berate"] is RelType.CRITICIZES
    assert lex.verbs["meet"] is RelType.SUPPORTS  # overridden
    assert "supposedly" in lex.hedge_words and "may" in lex.hedge_words
    assert "berate" not in Lexicon.load().verbs


def test_the_environment_names_user_lexicon_files(tmp_path, monkeypatch):
    path = write(tmp_path, {"OPPOSES": {"verbs": ["stonewall"]}})
    monkeypatch.setenv("ACTORGRAPH_LEXICON", str(path))
    assert lexicon().verbs["stonewall"] is RelType.OPPOSES


@pytest.mark.parametrize("data,expected", [
    ({"HUGS": {"verbs": ["embrace"]}}, r"mine\.json: key 'HUGS': not a relation type"),
    ({"SUPPORTS": {"verbz": ["embrace"]}}, r"mine\.json: unknown key 'SUPPORTS\.verbz'"),
    ({"SUPPORTS": {"phrasal": ["embrace"]}}, r"mine\.json: key 'SUPPORTS\.phrasal', value \['embrace'\]: 'embrace' is not 'lemma word'"),
    ({"SUPPORTS": {"verbs": "embrace"}}, r"mine\.json: key 'SUPPORTS\.verbs', value 'embrace'"),
    ({"hedge_wordz": ["supposedly"]}, r"mine\.json: unknown key 'hedge_wordz'"),
    ({"context_nouns": {"cabal": "GANG"}}, r"mine\.json: key 'context_nouns\.cabal', value 'GANG'"),
    ({"SUPPORTS": {"verbs": ["embrace"]}, "OPPOSES": {"verbs": ["embrace"]}},
     r"mine\.json: verbs 'embrace' is under both SUPPORTS and OPPOSES"),
])
def test_a_malformed_entry_gives_one_line_naming_file_key_and_value(tmp_path, data, expected):
    path = write(tmp_path, data)
    with pytest.raises(InputError, match=expected) as err:
        Lexicon.load(path)
    assert "\n" not in str(err.value) and str(path) in str(err.value)


def test_a_malformed_shipped_file_names_it(tmp_path, monkeypatch):
    import shutil

    from actorgraph.loaders import lexicon as module

    for f in module.DATA.glob("*.json"):
        shutil.copy(f, tmp_path / f.name)
    bad = json.loads((tmp_path / "modality.json").read_text())
    bad["hedge_words"] = ["may", ""]
    (tmp_path / "modality.json").write_text(json.dumps(bad))
    monkeypatch.setattr(module, "DATA", tmp_path)
    with pytest.raises(InputError, match=r"modality\.json: key 'hedge_words', value \['may', ''\]"):
        Lexicon.load()


@pytest.mark.model
def test_model_a_user_lexicon_adds_a_relation_absent_without_it(tmp_path):
    from actorgraph.graph import Document
    from actorgraph.loaders.pipeline import Pipeline
    from actorgraph.loaders.readers import Source

    text = "Peru berated Chile."
    plain = Pipeline()
    mine = Pipeline(nlp=plain.nlp, lexicon=Lexicon.load(write(tmp_path, {"CRITICIZES": {"verbs": ["berate"]}})))

    def edges(p):
        src = Source(Document.from_text(text, "t.txt"), text)
        return {(s.subject, s.type.value, s.object, s.pattern) for s in p.analyse(p.nlp(text), src).statements}

    assert edges(plain) == set()
    assert edges(mine) == {("peru", "CRITICIZES", "chile", "actorgraph-extract/1:verb/1")}


@pytest.mark.model
def test_model_unmapped_lists_a_verb_that_links_two_actors(tmp_path):
    from actorgraph.loaders.unmapped import unmapped

    doc = tmp_path / "d.txt"
    doc.write_text("Peru berated Chile.\nGhana met Togo.\nPeru berated Bolivia on Monday.\n")
    rows = unmapped([doc])
    assert [(u.trigger, u.count) for u in rows] == [("berate", 2)]
    assert set(rows[0].pairs) == {("peru", "chile"), ("peru", "bolivia")}
    assert rows[0].line == 1 and rows[0].sentence == "Peru berated Chile."
    mine = write(tmp_path, {"CRITICIZES": {"verbs": ["berate"]}})
    from actorgraph.loaders.pipeline import Pipeline

    assert unmapped([doc], pipeline=Pipeline(lexicon=Lexicon.load(mine))) == []


@pytest.mark.model
def test_model_cli_ingest_lexicon_and_unmapped_json(tmp_path, capsys):
    from actorgraph.cli import main

    doc = tmp_path / "d.txt"
    doc.write_text("Peru berated Chile.\n")
    mine = write(tmp_path, {"CRITICIZES": {"verbs": ["berate"]}})
    assert main(["unmapped", str(doc), "--json", "--limit", "5"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out[0]["trigger"] == "berate" and out[0]["example"]["line"] == 1
    store = tmp_path / "s.db"
    assert main(["ingest", str(doc), "--store", str(store), "--lexicon", str(mine)]) == 0
    from actorgraph.graph import open_store
    with open_store(str(store)) as s:
        assert [(x.subject, x.type.value, x.object) for x in s.statements()] == [("peru", "CRITICIZES", "chile")]
    bad = write(tmp_path, {"HUGS": {"verbs": ["berate"]}}, "bad.json")
    capsys.readouterr()
    assert main(["ingest", str(doc), "--store", str(tmp_path / "t.db"), "--lexicon", str(bad)]) != 0
    err = capsys.readouterr().err
    assert "bad.json: key 'HUGS'" in err and len(err.strip().splitlines()) == 1


def test_gazetteer_generates_agent_aliases_from_one_list():
    from actorgraph.loaders.lexicon import Gazetteer

    gaz = Gazetteer.load()
    assert gaz.lookup("Afghan army").id == "afghanistan" and gaz.lookup("Laotian navy").id == "laos"
    assert gaz.lookup("Filipino troops").id == gaz.lookup("Philippine troops").id == "philippines"
    assert "Palestinian authorities" not in gaz.entries["palestine"].aliases  # its agent_nouns_except


def test_gazetteer_user_state_gets_agent_aliases(tmp_path):
    from actorgraph.loaders.lexicon import Gazetteer

    path = write(tmp_path, {"actors": [{"id": "ruritania", "name": "Ruritania", "type": "STATE",
                                        "demonyms": ["Ruritanian"]}]})
    assert Gazetteer.load(path).lookup("Ruritanian troops").id == "ruritania"


def test_gazetteer_reports_an_alias_clash_and_an_unknown_country(tmp_path):
    from actorgraph.loaders.lexicon import Gazetteer

    clash = write(tmp_path, {"actors": [{"id": "ruritania", "name": "Ruritania", "type": "STATE",
                                         "aliases": ["Kabul"]}]})
    with pytest.raises(InputError, match=r"mine\.json: alias 'Kabul' of 'ruritania' is already an alias of "
                                         r"'afghanistan' \(in gazetteer\.json\)"):
        Gazetteer.load(clash)
    orphan = write(tmp_path, {"actors": [{"id": "rudolf-v", "name": "Rudolf V", "type": "PERSON",
                                          "attributes": {"country": "ruritania"}}]}, "orphan.json")
    with pytest.raises(InputError, match=r"orphan\.json: actor 'rudolf-v': attributes\.country 'ruritania' is not a known actor id"):
        Gazetteer.load(orphan)
