"""The derived trigger file (cues_cameo.json, from CAMEO and WordNet): it loads and validates,
carries its licence notice, a kept trigger gives its edge, and the derivation script runs on
a CAMEO-format sample written here."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from actorgraph.graph import RelType
from actorgraph.loaders.lexicon import CUES_FILE, DATA, DERIVED_CUES, Lexicon, _cue_sets, load_json

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "bench" / "derive_lexicon.py"
DERIVED = DATA / "cues_cameo.json"


def derived_entries():
    data = load_json(DERIVED)
    return [(kind, word, RelType(rel)) for rel, cs in _cue_sets(DERIVED, {k: v for k, v in data.items()
                                                                       if k.isupper()}).items()
            for kind in ("verbs", "phrasal", "nominals") for word in getattr(cs, kind)]


def test_the_derived_file_loads_validates_and_ships_with_its_notice():
    assert "cues_cameo.json" in DERIVED_CUES
    entries = derived_entries()
    assert entries
    hand = Lexicon.load(derived=False)
    lex = Lexicon.load()
    assert str(DERIVED) in lex.sources
    for kind, word, rel in entries:
        assert word not in getattr(hand, kind)  # a derived entry only adds a word, never remaps one
        assert getattr(lex, kind)[word] is rel
    for verb, preps in load_json(DERIVED).get("verb_preps", {}).items():
        assert set(preps) <= lex.verb_preps[verb]
    notice = (DATA / "cues_cameo.NOTICE").read_text()
    assert "Open Event Data Alliance" in notice and "Permission is hereby granted, free of charge" in notice
    assert "WordNet 3.0 Copyright 2006 by Princeton University" in notice


def test_a_hand_entry_in_cues_json_wins_over_a_derived_one(tmp_path, monkeypatch):
    kind, word, rel = derived_entries()[0]
    other = RelType.MEETS if rel is not RelType.MEETS else RelType.OPPOSES
    cues = load_json(DATA / CUES_FILE)
    cues.setdefault(other.value, {}).setdefault(kind, []).append(word)
    folder = tmp_path / "data"
    folder.mkdir()
    for f in DATA.iterdir():
        (folder / f.name).write_bytes(f.read_bytes())
    (folder / CUES_FILE).write_text(json.dumps(cues))
    monkeypatch.setattr("actorgraph.loaders.lexicon.DATA", folder)
    assert getattr(Lexicon.load(), kind)[word] is other


@pytest.mark.model
def test_model_a_kept_trigger_gives_its_edge():
    from actorgraph.graph import Document
    from actorgraph.loaders.pipeline import Pipeline
    from actorgraph.loaders.readers import Source

    kept = {(k, w): r for k, w, r in derived_entries()}
    cases = [("verbs", "destroy", "Peru destroyed Chile's navy.", {("peru", "ATTACKS", "chile")}),
             ("nominals", "collaboration", "The collaboration between Peru and Chile worries Bolivia.",
              {("peru", "COOPERATES_WITH", "chile"), ("chile", "COOPERATES_WITH", "peru")})]
    cases = [c for c in cases if (c[0], c[1]) in kept]
    assert cases, "none of the test's triggers was kept; pick kept ones from cues_cameo.json"
    with_it = Pipeline()
    without = Pipeline(nlp=with_it.nlp, lexicon=Lexicon.load(derived=False))
    for kind, word, text, edge in cases:
        def edges(p):
            src = Source(Document.from_text(text, "t.txt"), text)
            return {(s.subject, s.type.value, s.object) for s in p.analyse(p.nlp(text), src).statements}
        assert edge & edges(with_it), word  # (a symmetric edge in either direction)
        assert not edge & edges(without), word


SAMPLE = """\
# a CAMEO-format sample written for this test
####### SYNONYM SETS #######

&WEAPON
+RIFLE

####### VERB PATTERNS #######

---  REPROVE   [111]  ---
REPROVE
UPBRAIDZ  [112]
CONDEMN
+GANG_UP {+GANGED_UP +GANGING_UP}
- * (AGAINST)                                       [120]         # REPROVE
- * &WEAPON                                         [190]         # REPROVE
- &MILITARY * THING                                 [190]         # REPROVE
- * PRAISE                                          [051]         # UPBRAIDZ

---  NOTHING   [---]  ---
DAWDLE
PARLEYZ  [043:042]
INKZ [0571]
- * {FIRM HANDSHAKE}                                [040]         # DAWDLE
- * FEE                                             [:110]        # DAWDLE
"""


def test_the_derivation_script_reads_a_cameo_format_sample(tmp_path):
    sample = tmp_path / "sample.txt"
    sample.write_text(SAMPLE)
    out = tmp_path / "candidates.json"
    done = subprocess.run([sys.executable, str(SCRIPT), "--cameo", str(sample), "--wordnet", "",
                           "--no-validate", "--candidates", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert "candidates: 10 from CAMEO, 0 from WordNet" in done.stderr
    data = json.loads(out.read_text())
    assert data["CRITICIZES"] == {"verbs": ["reprove", "upbraidz"], "phrasal": ["gang up"]}
    assert data["OPPOSES"] == {"phrasal": ["reprove against"]}  # a code of the pattern, its preposition
    assert data["SUPPORTS"] == {"phrasal": ["upbraidz praise", "upbraidz praises"]}  # the pattern's verb only
    assert data["MEETS"] == {"verbs": ["parleyz"], "phrasal": ["dawdle handshake", "dawdle handshakes"]}  # {...}: head
    assert data["AGREES_WITH"] == {"verbs": ["inkz"]}  # 057x: agreement, not support
    assert data["verb_preps"] == {"reprove": ["against"]}  # "gang up": a particle, not a preposition
    # never: a word cues.json has ("condemn"), a null code ("dawdle"), a passive-target code
    # (":110"), a subject-constrained pattern ("&MILITARY *"), a synonym set ("&WEAPON")
    words = {w for rel, cs in data.items() if rel.isupper() for ws in cs.values() for w in ws}
    assert not words & {"condemn", "dawdle", "dawdle fee", "reprove thing", "reprove rifle"}


def test_the_derivation_script_says_in_one_line_when_it_cannot_read_its_input(tmp_path):
    done = subprocess.run([sys.executable, str(SCRIPT), "--cameo", str(tmp_path / "none.txt"), "--wordnet", "",
                           "--no-validate"], capture_output=True, text=True)
    assert done.returncode != 0 and done.stderr.strip().count("\n") == 0
    assert "none.txt: cannot read" in done.stderr


def test_wordnet_gives_synonyms_and_derivations():
    import importlib.util
    import os

    missing = [what for what, ok in (("Debian's wordnet-base", Path("/usr/share/wordnet/data.verb").exists()),
                                     ("nltk (the dev extra)", importlib.util.find_spec("nltk") is not None)) if not ok]
    if missing:
        if os.environ.get("ACTORGRAPH_REQUIRE_WORDNET"):
            pytest.fail(f"WordNet required (ACTORGRAPH_REQUIRE_WORDNET): no {', '.join(missing)}", pytrace=False)
        pytest.skip(f"no {', '.join(missing)}: the derivation's WordNet half is not checked")
    sys.path.insert(0, str(ROOT / "bench"))
    import derive_lexicon

    wn = derive_lexicon.wordnet_reader(Path("/usr/share/wordnet"))
    got = {(c.kind, c.word, c.type) for c in derive_lexicon.wordnet_candidates(
        wn, [("verbs", "condemn", "CRITICIZES"), ("nominals", "invasion", "ATTACKS")])}
    assert ("nominals", "condemnation", "CRITICIZES") in got  # noun of a verb
    assert ("verbs", "invade", "ATTACKS") in got  # verb of a noun
    assert all(" " not in w and "_" not in w for _, w, _ in got)
