"""Weapons, products and scripture's figures are never actors, whatever the model tags them as."""
import pytest

from actorgraph.loaders.pipeline import Pipeline

pytestmark = pytest.mark.model

DOC = ("Ukraine received Patriot batteries and Bayraktar drones from its allies, and Britain sent "
       "Challenger 2 tanks to Kyiv.\n"
       "A preacher said Gog would attack Israel, quoting Ezekiel.\n"
       "Turkey bought the S-400 from Russia.\n")


@pytest.fixture(scope="module")
def found():
    from actorgraph.graph import Document
    from actorgraph.loaders.readers import Source

    pipeline = Pipeline()
    src = Source(Document.from_text(DOC, "weapons.txt"), DOC)
    (_, analysis), = list(pipeline.analyse_sources([src]))
    return analysis


def test_weapons_products_and_scripture_are_not_actors(found):
    ids = {a.id for a in found.actors}
    assert not ids & {"patriot", "bayraktar", "challenger-2", "challenger", "gog", "ezekiel", "s-400"}, ids
    assert {"ukraine", "united-kingdom", "turkey", "russia"} <= ids


def test_no_edge_names_a_weapon_or_a_prophecy(found):
    edges = {(s.subject, s.type.value, s.object) for s in found.statements}
    assert not any(x in {"patriot", "bayraktar", "gog", "s-400"} for e in edges for x in (e[0], e[2])), edges
