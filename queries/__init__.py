"""Named queries over either store: Cypher files for Bolt, NetworkX twins for the file store."""
from actorgraph.graph.errors import ActorNotFound, NoPath

from .cypher_run import WriteRefused, run_cypher, write_clauses
from .library import (alliance_paths, allies, balance, blocs, enemies, enemy_of_enemy, evidence,
                      find_actor, neighbours, pair_ties, profile, timeline, top_actors)
from .results import Candidate, CypherResult, Hop, Neighbour, Path, Paths, Profile, RelationEvidence

__all__ = [
    "ActorNotFound", "NoPath", "WriteRefused", "run_cypher", "write_clauses", "alliance_paths", "balance",
    "allies", "blocs", "enemies", "enemy_of_enemy", "evidence", "find_actor", "neighbours", "pair_ties",
    "profile", "timeline", "top_actors", "Candidate", "CypherResult", "Hop", "Neighbour", "Path", "Paths",
    "Profile", "RelationEvidence",
]
