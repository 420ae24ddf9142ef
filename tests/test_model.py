"""The model's own rules: actors keep one alias per spelling, never their own name."""
from actorgraph.graph.model import Actor
from actorgraph.graph.ontology import ActorType


def test_aliases_are_deduplicated_case_insensitively_without_the_actors_own_name():
    a = Actor("kremlin", "The Kremlin", ActorType.ORGANIZATION, ("the Kremlin", "Kremlin", "kremlin"), 3)
    assert a.aliases == ("Kremlin",)
    b = Actor("kremlin", "the Kremlin", ActorType.ORGANIZATION, ("Moscow", "KREMLIN", "The Kremlin"), 2)
    merged = a.merged(b)
    assert merged.name == "The Kremlin" and merged.mentions == 5
    assert merged.aliases == ("Kremlin", "Moscow")  # one per spelling; the name in any case left out
    assert Actor.from_dict(merged.to_dict()) == merged
