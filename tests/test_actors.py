"""Actor resolution on sentences written for these tests (needs the model): names that keep their
demonym, bare descriptions, collectives, historical states, dated roles, titles."""
import pytest

from actorgraph.graph import ActorType, Document
from actorgraph.loaders.pipeline import Pipeline
from actorgraph.loaders.readers import Source

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def analyse(pipeline, text, date=None):
    src = Source(Document.from_text(text, "test.txt", date=date), text)
    return pipeline.analyse(pipeline.nlp(text), src)


def edges(pipeline, text, date=None):
    return {(s.subject, s.type.value, s.object) for s in analyse(pipeline, text, date).statements}


def actors(pipeline, text, date=None):
    return {a.id: a for a in analyse(pipeline, text, date).actors}


def test_an_organisation_named_with_a_demonym_keeps_it(pipeline):
    found = edges(pipeline, "The Belgian Civil Rights League sued the Ministry of Justice. "
                            "The French National Assembly condemned Moldova.")
    assert ("french-national-assembly", "CRITICIZES", "moldova") in found, found
    assert "belgian-civil-rights-league" in actors(pipeline, "The Belgian Civil Rights League met Peru.")


def test_a_national_security_council_is_not_the_un_security_council(pipeline):
    text = "Ghana's National Security Council met on Monday and condemned Togo."
    assert "un-security-council" not in actors(pipeline, text)
    assert ("un-security-council", "CRITICIZES", "israel") in edges(
        pipeline, "The UN Security Council condemned Israel.")


def test_a_bare_government_is_not_merely_the_most_mentioned_state(pipeline):
    text = ("Peru signed the deal. Peru's envoy praised it, and Peru paid.\n"
            "Bolivia and Chile met in La Paz. The government then criticised Argentina.")
    found = edges(pipeline, text)
    assert not any(e[0] == "peru" and e[1] == "CRITICIZES" for e in found), found
    one = edges(pipeline, "Bolivia held elections. The government then criticised Argentina.")
    assert ("bolivia", "CRITICIZES", "argentina") in one, one
