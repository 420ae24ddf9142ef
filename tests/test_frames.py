"""The frame builder and the families on hand-built parses (words, heads, deps, tags): fast, and
independent of the model's parse. Each case gives the exact set of edges or arguments."""
import pytest
import spacy
from spacy.tokens import Doc

from actorgraph.graph import ActorType, RelType
from actorgraph.loaders.extract import Extractor
from actorgraph.loaders.lexicon import Lexicon
from actorgraph.loaders.resolve import ActorSeen, DocActors
from actorgraph.loaders.tokens import Tokens

VOCAB = spacy.blank("en").vocab  # the English lexical attributes (lower forms), no model
LEX = Lexicon.load()
EX = Extractor(LEX, VOCAB)


def parse(spec: str, actors: dict[str, str]):
    """``spec``: one "word/lemma/POS/TAG/dep/head" per token, head an index (the root its own);
    ``actors``: word -> actor id (a state)."""
    rows = [t.split("/") for t in spec.split()]
    doc = Doc(VOCAB, words=[r[0] for r in rows], lemmas=[r[1] for r in rows], pos=[r[2] for r in rows],
              tags=[r[3] for r in rows], deps=[r[4] for r in rows], heads=[int(r[5]) for r in rows])
    da = DocActors(Tokens(doc))
    for tok in doc:
        if tok.text in actors:
            aid = actors[tok.text]
            da.add(tok, ActorSeen(aid, tok.text, ActorType.STATE, known=True), tok.text)
    return doc, da


def edges(doc, da):
    return {(f.subject, f.type.value, f.object, f.pattern) for f in EX.extract(doc, da)}


STATES = {w: w.lower() for w in ("Peru", "Chile", "Kenya", "Uganda", "Sudan", "Chad", "Niger", "Brazil",
                                 "Argentina", "Moscow", "Caracas", "Serbia", "Russia", "Qatar", "Hamas")}


def test_active_verb_with_conjunctions_on_both_sides():
    doc, da = parse("Kenya/Kenya/PROPN/NNP/nsubj/3 and/and/CCONJ/CC/cc/0 Uganda/Uganda/PROPN/NNP/conj/0 "
                    "condemned/condemn/VERB/VBD/ROOT/3 Sudan/Sudan/PROPN/NNP/dobj/3 and/and/CCONJ/CC/cc/4 "
                    "Chad/Chad/PROPN/NNP/conj/4 ././PUNCT/./punct/3", STATES)
    assert edges(doc, da) == {(s, "CRITICIZES", o, "verb/1") for s in ("kenya", "uganda") for o in ("sudan", "chad")}


def test_passive_with_a_by_agent():
    doc, da = parse("Niger/Niger/PROPN/NNP/nsubjpass/2 was/be/AUX/VBD/auxpass/2 attacked/attack/VERB/VBN/ROOT/2 "
                    "by/by/ADP/IN/agent/2 Chad/Chad/PROPN/NNP/pobj/3 ././PUNCT/./punct/2", STATES)
    assert EX.subjects(doc[2], da) == (["chad"], 1.0)
    assert EX.objects(doc[2], RelType.ATTACKS, da, EX.preps("attack", RelType.ATTACKS)) == (["niger"], "passive")
    assert edges(doc, da) == {("chad", "ATTACKS", "niger", "passive/1")}


def test_control_through_an_xcomp_chain():
    doc, da = parse("Brazil/Brazil/PROPN/NNP/nsubj/1 decided/decide/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                    "support/support/VERB/VB/xcomp/1 Argentina/Argentina/PROPN/NNP/dobj/3 ././PUNCT/./punct/1",
                    STATES)
    assert EX.subjects(doc[3], da)[0] == ["brazil"]
    assert edges(doc, da) == {("brazil", "SUPPORTS", "argentina", "verb/1")}


def test_a_refusal_turns_support_into_opposition_and_negation_drops():
    doc, da = parse("Peru/Peru/PROPN/NNP/nsubj/1 refused/refuse/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                    "back/back/VERB/VB/xcomp/1 Chile/Chile/PROPN/NNP/dobj/3 ././PUNCT/./punct/1", STATES)
    clause = EX.clause(doc[3], doc[:], da)
    assert clause.refused and not clause.drop
    assert {(s, t, o) for s, t, o, _ in edges(doc, da)} == {("peru", "OPPOSES", "chile")}
    doc, da = parse("Peru/Peru/PROPN/NNP/nsubj/3 did/do/AUX/VBD/aux/3 not/not/PART/RB/neg/3 "
                    "attack/attack/VERB/VB/ROOT/3 Chile/Chile/PROPN/NNP/dobj/3 ././PUNCT/./punct/3", STATES)
    assert EX.clause(doc[3], doc[:], da).drop
    assert edges(doc, da) == set()


def test_a_conditional_drops_and_a_report_keeps_its_speaker():
    doc, da = parse("If/if/SCONJ/IN/mark/2 Peru/Peru/PROPN/NNP/nsubj/2 attacks/attack/VERB/VBZ/advcl/5 "
                    "Chile/Chile/PROPN/NNP/dobj/2 ,/,/PUNCT/,/punct/5 Brazil/Brazil/PROPN/NNP/nsubj/6 "
                    "will/will/AUX/MD/aux/6 ././PUNCT/./punct/6", STATES)
    assert EX.clause(doc[2], doc[:], da).drop
    doc, da = parse("Kenya/Kenya/PROPN/NNP/nsubj/1 said/say/VERB/VBD/ROOT/1 Sudan/Sudan/PROPN/NNP/nsubj/3 "
                    "attacked/attack/VERB/VBD/ccomp/1 Chad/Chad/PROPN/NNP/dobj/3 ././PUNCT/./punct/1", STATES)
    clause = EX.clause(doc[3], doc[:], da)
    assert clause.reported and clause.speaker == "Kenya"
    found = EX.extract(doc, da)
    assert [(f.subject, f.type.value, f.object, f.reported, f.speaker) for f in found] == \
        [("sudan", "ATTACKS", "chad", True, "Kenya")]


def test_a_nominal_with_its_owner_and_its_object():
    doc, da = parse("Moscow/Moscow/PROPN/NNP/poss/2 's/'s/PART/POS/case/0 support/support/NOUN/NN/nsubj/6 "
                    "for/for/ADP/IN/prep/2 Caracas/Caracas/PROPN/NNP/pobj/3 has/have/AUX/VBZ/aux/6 "
                    "grown/grow/VERB/VBN/ROOT/6 ././PUNCT/./punct/6", STATES)
    assert edges(doc, da) == {("moscow", "SUPPORTS", "caracas", "nominal/1")}


def test_a_holder_noun_in_apposition():
    doc, da = parse("Serbia/Serbia/PROPN/NNP/nsubj/7 ,/,/PUNCT/,/punct/0 a/a/DET/DT/det/4 close/close/ADJ/JJ/amod/4 "
                    "ally/ally/NOUN/NN/appos/0 of/of/ADP/IN/prep/4 Russia/Russia/PROPN/NNP/pobj/5 "
                    "abstained/abstain/VERB/VBD/ROOT/7 ././PUNCT/./punct/7", STATES)
    assert {(s, t, o) for s, t, o, p in edges(doc, da)} == {("serbia", "COOPERATES_WITH", "russia")}
    assert {p for *_, p in edges(doc, da)} == {"holder/1"}


def test_a_question_states_nothing():
    doc, da = parse("Did/do/AUX/VBD/aux/2 Peru/Peru/PROPN/NNP/nsubj/2 attack/attack/VERB/VB/ROOT/2 "
                    "Chile/Chile/PROPN/NNP/dobj/2 ?/?/PUNCT/./punct/2", STATES)
    assert edges(doc, da) == set()


@pytest.mark.parametrize("lemma,expected", [("berate", set()), ("condemn", {("peru", "CRITICIZES", "chile")})])
def test_the_mapping_comes_from_the_lexicon(lemma, expected):
    doc, da = parse(f"Peru/Peru/PROPN/NNP/nsubj/1 {lemma}d/{lemma}/VERB/VBD/ROOT/1 Chile/Chile/PROPN/NNP/dobj/1 "
                    "././PUNCT/./punct/1", STATES)
    assert {(s, t, o) for s, t, o, _ in edges(doc, da)} == expected


def test_a_frame_has_roles_and_features_before_any_mapping():
    doc, da = parse("Peru/Peru/PROPN/NNP/nsubj/1 refused/refuse/VERB/VBD/ROOT/1 to/to/PART/TO/aux/3 "
                    "hand/hand/VERB/VB/xcomp/1 over/over/ADP/RP/prt/3 Chile/Chile/PROPN/NNP/dobj/3 "
                    "to/to/ADP/IN/prep/3 Brazil/Brazil/PROPN/NNP/pobj/6 ././PUNCT/./punct/1", STATES)
    frame = EX.frame(doc[3], doc[:], da)
    assert (frame.key, frame.agent, frame.patient, frame.preps) == ("hand over", ["peru"], ["chile"],
                                                                   {"to": ["brazil"]})
    assert frame.clause.refused and not frame.clause.drop and not frame.question
    assert frame.keys() == ["hand over", "hand to"]
    doc, da = parse("Niger/Niger/PROPN/NNP/nsubjpass/2 was/be/AUX/VBD/auxpass/2 snubbed/snub/VERB/VBN/ROOT/2 "
                    "by/by/ADP/IN/agent/2 Chad/Chad/PROPN/NNP/pobj/3 ?/?/PUNCT/./punct/2", STATES)
    frame = EX.frame(doc[2], doc[:], da)
    assert (frame.agent, frame.patient, frame.preps, frame.question) == (["chad"], ["niger"], {}, True)
