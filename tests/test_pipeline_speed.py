"""Work done once, not per token or per process: the shortcuts give what the plain ways give."""
import pytest
from spacy.tokens import Doc

from actorgraph.graph.names import normalize
from actorgraph.loaders.dated_roles import DatedRoles
from actorgraph.loaders.nlp import JOINED, joined, load_model

PARAGRAPHS = [
    "Harbour Talks Stall\n\n",
    "KESTREL BAY, Norland \u2014 The foreign minister of Norland said on Tuesday that Velmora had "
    "broken the ceasefire; her deputy flew to Geneva.\n",
    "  Rebels of the Ash Front, backed by Ostrava, shelled the port city overnight.\n\n\n",
    "\"We will not sign,\" a spokesman told reporters in the capital",
]


@pytest.mark.model
def test_joined_paragraphs_are_the_doc_from_docs_makes():
    nlp = load_model()
    docs = list(nlp.pipe(PARAGRAPHS))
    ours, theirs = joined(docs), Doc.from_docs(docs, ensure_whitespace=False)
    assert ours.text == theirs.text == "".join(PARAGRAPHS)
    assert (ours.to_array(JOINED) == theirs.to_array(JOINED)).all()
    assert [(s.start, s.end) for s in ours.sents] == [(s.start, s.end) for s in theirs.sents]
    assert [(e.start, e.end, e.label_) for e in ours.ents] == [(e.start, e.end, e.label_) for e in theirs.ents]
    assert [(t.lemma_, t.dep_, t.head.i, str(t.morph)) for t in ours] == \
        [(t.lemma_, t.dep_, t.head.i, str(t.morph)) for t in theirs]
    assert joined(docs[:1]) is docs[0]


def test_the_dated_roles_keys_shipped_are_those_normalize_gives():
    """``bench/derive_roles.py`` stores each name's look-up key; a change to ``normalize`` that
    made them stale would fail here (re-run the script)."""
    people, keys, words = DatedRoles()._index
    expected: dict[str, list[int]] = {}
    for i, (name, others, _) in enumerate(people):
        for key in {normalize(form) for form in (name, *others)}:
            expected.setdefault(key, []).append(i)
    assert keys == expected
    roles = DatedRoles()
    assert [h.name for h in roles._by_word("kabila")] == [people[i][0] for i in sorted(set(words["kabila"]))]
    first = roles._by_word("kabila")[0]
    assert any(h is first for h in roles._by_name(normalize(first.name)))  # one Holder per person


@pytest.mark.model
def test_tokens_having_finds_what_isin_finds():
    import numpy as np

    from actorgraph.loaders.tokens import Tokens, word_hashes

    nlp = load_model()
    tokens = Tokens(nlp("".join(PARAGRAPHS)))
    everything = np.unique(np.concatenate([tokens.lower, tokens.lemma]))
    for words in (["minister", "shelled", "zebra"], ["say", "rebel"], [], ["zebra"]):
        hashes = word_hashes(nlp.vocab, words)
        assert tokens.having(hashes).tolist() == \
            np.flatnonzero(np.isin(tokens.lower, hashes) | np.isin(tokens.lemma, hashes)).tolist()
    assert tokens.having(everything).tolist() == list(range(len(tokens.lower)))
    assert tokens.having(everything[-1:]).tolist()  # the largest hash is found too


def test_lasting_pauses_collection_freezes_what_it_made_and_restores_the_thresholds():
    import gc

    from actorgraph.loaders.lasting import lasting

    before, frozen = gc.get_threshold(), gc.get_freeze_count()
    try:
        with lasting():
            with lasting():
                gc.disable(), gc.enable()  # as a library may do: collection stays paused
                assert gc.get_threshold()[0] == 0
            kept = [[n] for n in range(1000)]
            assert gc.get_threshold()[0] == 0
        assert gc.get_threshold() == before
        assert gc.get_freeze_count() >= frozen + len(kept)
    finally:
        gc.unfreeze()
