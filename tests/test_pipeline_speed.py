"""Work done once, not per token: the shortcuts give what the plain ways give (needs the model)."""
import pytest
from spacy.tokens import Doc

from actorgraph.loaders.nlp import JOINED, joined, load_model

pytestmark = pytest.mark.model

PARAGRAPHS = [
    "Harbour Talks Stall\n\n",
    "KESTREL BAY, Norland \u2014 The foreign minister of Norland said on Tuesday that Velmora had "
    "broken the ceasefire; her deputy flew to Geneva.\n",
    "  Rebels of the Ash Front, backed by Ostrava, shelled the port city overnight.\n\n\n",
    "\"We will not sign,\" a spokesman told reporters in the capital",
]


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
