"""The gazetteer's forms are tokenized into the matchers only when a document can hold them:
the matches are those of matchers holding every form from the start (needs the model)."""
import random

import pytest
from spacy.matcher import PhraseMatcher

from actorgraph.loaders.pipeline import Pipeline

pytestmark = pytest.mark.model


def test_forms_compiled_on_demand_match_as_all_forms_would():
    pipeline = Pipeline()
    resolver, nlp = pipeline.resolver, pipeline.nlp
    pending = [item for items in resolver.pending.values() for item in items]
    assert len(pending) > 5000  # nearly all forms wait until a text has their words
    eager = (PhraseMatcher(nlp.vocab, attr="ORTH"), PhraseMatcher(nlp.vocab, attr="LOWER"))
    for which, key, form, _ in pending:
        eager[which].add(key, [nlp.make_doc(form)])
    rng = random.Random(7)
    forms = [item[2] for item in rng.sample(pending, 400)]
    texts = [", ".join(forms[i:i + 40]) + ", and the rest." for i in range(0, 400, 40)]
    texts.append("Officials in " + " and ".join(f.upper() for f in forms[:20]) + " met.")
    before = len(pending)
    for doc in nlp.pipe(texts):
        resolver._compile_for(doc.text)
        lazy = sorted((*resolver.matchers[0](doc), *resolver.matchers[1](doc)))
        assert lazy == sorted((*eager[0](doc), *eager[1](doc)))
        assert lazy
    after = sum(len(items) for items in resolver.pending.values())
    assert 400 <= before - after < before / 2  # what the texts named was compiled, not everything


def test_each_part_parsed_has_its_sources_text_exactly():
    """The analysis takes a part's text from its source instead of rebuilding it from the Doc."""
    from pathlib import Path

    from actorgraph.loaders.readers import read_file

    pipeline = Pipeline()
    pipeline.part_chars = 1500
    root = Path(__file__).resolve().parent.parent / "examples"
    sources = [s for f in sorted(root.glob("*.txt")) for s in read_file(f)]
    pairs = list(pipeline.docs(sources))
    assert len(pairs) > len(sources)  # long ones were cut into parts
    assert all(doc.text == source.text for doc, source in pairs)
