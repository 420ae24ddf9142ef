"""The named queries: the same answers from both stores, and the right answers."""
from __future__ import annotations

import pytest

from actorgraph.graph import (Actor, ActorNotFound, ActorType, Batch, Document, NoPath, RelType, Statement,
                   StoreError)
from actorgraph.graph.nx_store import NetworkXStore
from actorgraph.queries import (Candidate, WriteRefused, alliance_paths, allies, blocs, enemies,
                     enemy_of_enemy, evidence, find_actor, neighbours, profile, run_cypher,
                     timeline, top_actors)

S, P, G, O = ActorType.STATE, ActorType.PERSON, ActorType.GROUP, ActorType.ORGANIZATION
ACTORS = [
    Actor("iran", "Iran", S, ("Iran", "Tehran", "the Islamic Republic"), 40),
    Actor("syria", "Syria", S, ("Damascus", "Syria", "the regime"), 55),
    Actor("russia", "Russia", S, ("Moscow", "Russia", "the Kremlin"), 38),
    Actor("hezbollah", "Hezbollah", G, ("Hezbollah", "Hizbullah"), 21),
    Actor("assad", "Bashar al-Assad", P, ("Assad", "Bashar al-Assad"), 30),
    Actor("putin", "Vladimir Putin", P, ("Putin",), 12),
    Actor("usa", "United States", S, ("US", "Washington"), 35),
    Actor("isis", "Islamic State", G, ("Daesh", "ISIS", "Islamic State"), 33),
    Actor("turkey", "Turkey", S, ("Ankara",), 15),
    Actor("fsa", "Free Syrian Army", G, ("FSA",), 14),
    Actor("saudi-arabia", "Saudi Arabia", S, ("Riyadh",), 9),
    Actor("axis", "Axis of Resistance", O, (), 3),
]
T = RelType
# (subject, type, object, confidence, date, document, flags)
FACTS = [
    ("iran", T.PROVIDES_MILITARY_AID, "hezbollah", 0.9, "2012-03-01", "a", {}),
    ("iran", T.PROVIDES_MILITARY_AID, "hezbollah", 0.7, "2013-06-01", "b", {"hedged": True}),
    ("iran", T.SUPPORTS, "syria", 0.8, "2012-05-01", "a", {}),
    ("russia", T.PROVIDES_MILITARY_AID, "syria", 0.85, "2015-09-30", "c", {}),
    ("russia", T.MEETS, "iran", 0.6, "2015-07-01", "c", {}),
    ("russia", T.MEETS, "iran", 0.5, None, "b", {"reported": True, "speaker": "Tasnim"}),
    ("hezbollah", T.COOPERATES_WITH, "syria", 0.75, "2013-05-20", "b", {}),
    ("assad", T.LEADS, "syria", 0.95, None, "a", {}),
    ("putin", T.LEADS, "russia", 0.95, None, "c", {}),
    ("hezbollah", T.MEMBER_OF, "axis", 0.8, None, "b", {}),
    ("iran", T.MEMBER_OF, "axis", 0.8, None, "b", {}),
    ("usa", T.SANCTIONS, "iran", 0.9, "2012-01-15", "a", {}),
    ("usa", T.SANCTIONS, "syria", 0.8, "2011-08-18", "a", {}),
    ("usa", T.CRITICIZES, "russia", 0.7, "2015-10-01", "c", {}),
    ("usa", T.ATTACKS, "isis", 0.9, "2014-09-23", "b", {}),
    ("russia", T.ATTACKS, "isis", 0.6, "2015-10-01", "c", {"reported": True}),
    ("russia", T.ATTACKS, "fsa", 0.8, "2015-10-05", "c", {}),
    ("isis", T.ATTACKS, "syria", 0.85, "2014-06-01", "b", {}),
    ("isis", T.ATTACKS, "fsa", 0.7, "2014-01-01", "b", {}),
    ("fsa", T.ATTACKS, "syria", 0.8, "2012-07-01", "a", {}),
    ("turkey", T.SUPPORTS, "fsa", 0.8, "2012-09-01", "a", {}),
    ("saudi-arabia", T.PROVIDES_AID, "fsa", 0.7, "2013-03-01", "b", {}),
    ("usa", T.PROVIDES_MILITARY_AID, "fsa", 0.6, "2013-06-13", "b", {}),
    ("turkey", T.OPPOSES, "syria", 0.8, "2012-06-01", "a", {}),
    ("saudi-arabia", T.CRITICIZES, "iran", 0.75, "2013-01-01", "b", {}),
    ("syria", T.MEETS, "iran", 0.5, "2014-02-01", "b", {"negated": True}),
    ("turkey", T.MEETS, "russia", 0.55, "2015-12-01", "c", {}),
]
DOCS = {k: Document.from_text(f"document {k}", f"{k}.txt") for k in "abc"}


def dataset() -> list[Batch]:
    batches = []
    for key, doc in DOCS.items():
        statements = tuple(
            Statement.make(subject=s, type=t, object=o, document=doc.id, start=100 * n,
                           end=100 * n + 50, confidence=c, date=d, line=n + 1,
                           sentence=f"{s} {t.value.lower()} {o}.", **flags)
            for n, (s, t, o, c, d, k, flags) in enumerate(FACTS) if k == key)
        batches.append(Batch(documents=(doc,), actors=tuple(ACTORS), statements=statements))
    return batches


@pytest.fixture(scope="module")
def nx_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("queries") / "store.json"
    with NetworkXStore(path, write=True) as store:
        for batch in dataset():
            store.write(batch)
    with NetworkXStore(path) as store:
        yield store


@pytest.fixture(scope="module")
def bolt_graph(bolt_server):
    with bolt_server.store(batch_size=4) as store:
        store.run("MATCH (n) DETACH DELETE n", write=True)
        for batch in dataset():
            store.write(batch)
        yield store


@pytest.fixture(params=["networkx", pytest.param("bolt", marks=pytest.mark.bolt)])
def store(request):
    return request.getfixturevalue("nx_store" if request.param == "networkx" else "bolt_graph")


CALLS = {
    "find_actor": lambda s: [find_actor(s, n) for n in ("iran", "TEHRAN", "Free Syrian Army", "FSA")],
    "top_actors": lambda s: (top_actors(s), top_actors(s, limit=3), top_actors(s, type="PERSON")),
    "profile": lambda s: [profile(s, a) for a in ("iran", "syria", "fsa", "axis")],
    "profile_short": lambda s: profile(s, "russia", max_evidence=1),
    "profile_few": lambda s: [profile(s, a, max_relations=2) for a in ("iran", "syria", "usa", "axis")],
    "allies": lambda s: [allies(s, a) for a in ("iran", "russia", "fsa", "isis")],
    "allies_min": lambda s: allies(s, "iran", min_confidence=0.85),
    "enemies": lambda s: [enemies(s, a) for a in ("isis", "russia", "usa", "iran")],
    "neighbours": lambda s: [neighbours(s, "russia", t) for t in (T.LEADS, "meets", T.ATTACKS)],
    "evidence": lambda s: [evidence(s, "iran", T.PROVIDES_MILITARY_AID, "hezbollah"),
                           evidence(s, "russia", T.MEETS, "iran"),
                           evidence(s, "iran", T.ATTACKS, "usa")],
    "alliance_paths": lambda s: [alliance_paths(s, "iran", "hezbollah"),
                                 alliance_paths(s, "usa", "putin", k=5, max_hops=5),
                                 alliance_paths(s, "assad", "axis", k=2)],
    "enemy_of_enemy": lambda s: [enemy_of_enemy(s, a) for a in ("usa", "syria", "isis", "axis")],
    "blocs": lambda s: (blocs(s), blocs(s, min_size=3), blocs(s, min_confidence=0.7)),
    "timeline": lambda s: [timeline(s, "iran", "russia"), timeline(s, "syria", "usa"),
                           timeline(s, "isis", "turkey")],
}


@pytest.mark.bolt
@pytest.mark.parametrize("name", sorted(CALLS))
def test_both_stores_answer_alike(name, nx_store, bolt_graph):
    answer = CALLS[name](nx_store)
    assert CALLS[name](bolt_graph) == answer
    assert answer  # a comparison of two empty answers proves nothing


def test_find_actor_by_id_name_or_alias(store):
    assert find_actor(store, "Tehran").id == "iran"
    assert find_actor(store, "  bashar al-assad ").id == "assad"
    assert find_actor(store, "saudi-arabia").name == "Saudi Arabia"
    with pytest.raises(ActorNotFound, match=r"'Irann'.*close matches: .*Iran"):
        find_actor(store, "Irann")
    with pytest.raises(ActorNotFound, match="'Atlantis'$"):
        find_actor(store, "Atlantis")


def test_top_actors(store):
    assert [a.id for a in top_actors(store, limit=3)] == ["syria", "iran", "russia"]
    assert [a.id for a in top_actors(store, type=ActorType.PERSON)] == ["assad", "putin"]
    assert len(top_actors(store)) == len(ACTORS)


def test_alliance_path_iran_hezbollah(store):
    paths = alliance_paths(store, "iran", "hezbollah")
    assert [p.actors for p in paths] == [
        ("iran", "hezbollah"), ("iran", "axis", "hezbollah"), ("iran", "syria", "hezbollah")]
    direct = paths[0].hops[0]
    assert (direct.type, direct.forward, direct.confidence) == (T.PROVIDES_MILITARY_AID, True, 0.97)
    assert direct.evidence.confidence == 0.9  # the strongest of the two sentences
    last = paths[2].hops[1]  # Hezbollah COOPERATES_WITH Syria, walked from Syria
    assert (last.source, last.type, last.target, last.forward) == (
        "syria", T.COOPERATES_WITH, "hezbollah", False)
    for path in paths:
        for hop in path.hops:
            assert hop.type.polarity > 0 or hop.type.structural
            assert {hop.evidence.subject, hop.evidence.object} == {hop.source, hop.target}
            assert hop.evidence.type is hop.type
    assert len(alliance_paths(store, "iran", "hezbollah", k=1)) == 1


def test_alliance_path_limits(store):
    with pytest.raises(NoPath, match="'isis'"):
        alliance_paths(store, "usa", "isis")  # ISIS has no positive edge at all
    with pytest.raises(NoPath, match="within 1 hops"):
        alliance_paths(store, "assad", "russia", max_hops=1)
    with pytest.raises(NoPath):
        alliance_paths(store, "iran", "hezbollah", min_confidence=0.99)
    with pytest.raises(ActorNotFound, match="'nobody'"):
        alliance_paths(store, "iran", "nobody")
    # Assad -> Syria <- Russia: roles count as alignment
    assert alliance_paths(store, "assad", "russia", k=1)[0].actors == ("assad", "syria", "russia")


def test_allies_are_positive_and_enemies_negative(store):
    found = allies(store, "russia")
    assert [n.actor for n in found] == ["iran", "syria", "turkey"]  # Putin LEADS: a role, not an ally
    assert all(r.polarity > 0 for n in found for r in n.relations)
    assert [r.count for r in found[0].relations] == [2]
    foes = enemies(store, "russia")
    assert [n.actor for n in foes] == ["fsa", "usa", "isis"]
    assert all(r.polarity < 0 for n in foes for r in n.relations)
    assert [n.actor for n in enemies(store, "isis")] == ["usa", "syria", "fsa", "russia"]
    assert [n.actor for n in allies(store, "iran", min_confidence=0.85)] == ["hezbollah"]


def test_neighbours_and_evidence(store):
    assert [n.actor for n in neighbours(store, "russia", "LEADS")] == ["putin"]
    ev = evidence(store, "iran", T.PROVIDES_MILITARY_AID, "hezbollah")
    assert [s.confidence for s in ev] == [0.9, 0.7]
    assert [s.confidence for s in evidence(store, "russia", "MEETS", "iran")] == [0.6, 0.5]
    assert evidence(store, "hezbollah", T.PROVIDES_MILITARY_AID, "iran") == []


def test_profile(store):
    prof = profile(store, "iran")
    assert prof.actor.name == "Iran"
    out = [(r.relation.type, r.relation.target) for r in prof.outgoing]
    assert out[0] == (T.PROVIDES_MILITARY_AID, "hezbollah")
    assert {(r.relation.source, r.relation.type) for r in prof.incoming} == {
        ("usa", T.SANCTIONS), ("saudi-arabia", T.CRITICIZES)}
    for rel, ev in prof.relations:
        assert len(ev) == rel.count
        assert [s.confidence for s in ev] == sorted((s.confidence for s in ev), reverse=True)
    assert all(len(ev) == 1 for _, ev in profile(store, "iran", max_evidence=1).relations)
    with pytest.raises(ActorNotFound):
        profile(store, "atlantis")


def test_enemy_of_enemy(store):
    assert enemy_of_enemy(store, "usa") == [
        Candidate("fsa", ("isis", "russia", "syria")),
        Candidate("saudi-arabia", ("iran",)),
        Candidate("turkey", ("syria",)),
    ]
    assert enemy_of_enemy(store, "axis") == []


def test_blocs(store):
    found = blocs(store)
    assert found == sorted(found, key=lambda b: (-len(b), b))
    where = {a: n for n, bloc in enumerate(found) for a in bloc}
    assert where["iran"] == where["hezbollah"] == where["axis"]
    assert where["fsa"] == where["turkey"] == where["saudi-arabia"]
    assert where["iran"] != where["fsa"]
    assert "isis" not in where  # no positive edges
    assert all(len(b) >= 3 for b in blocs(store, min_size=3))


def test_timeline(store):
    lines = timeline(store, "russia", "iran")
    assert [(s.type, s.date) for s in lines] == [(T.MEETS, "2015-07-01"), (T.MEETS, None)]
    assert [s.date for s in timeline(store, "syria", "usa")] == ["2011-08-18"]
    dates = [s.date for s in timeline(store, "iran", "syria")]
    assert dates == ["2012-05-01", "2014-02-01"]


@pytest.mark.bolt
def test_run_cypher(bolt_graph):
    cols, rows = run_cypher(
        bolt_graph, "MATCH (a:Actor)-[r:PROVIDES_MILITARY_AID]->(b:Actor) "
                    "RETURN a.name, b.name, r.count ORDER BY a.name, b.name")
    assert cols == ["a.name", "b.name", "r.count"]
    assert rows == [["Iran", "Hezbollah", 2], ["Russia", "Syria", 1],
                    ["United States", "Free Syrian Army", 1]]
    _, rows = run_cypher(bolt_graph, "MATCH (a:Actor {id: $id}) RETURN a", {"id": "putin"})
    assert rows[0][0]["name"] == "Vladimir Putin"
    _, rows = run_cypher(bolt_graph, "MATCH (a:Actor {name: 'DELETE me'}) RETURN a.set_by")
    assert rows == []  # "DELETE" in a string and "set" in a property name are not clauses


@pytest.mark.bolt
@pytest.mark.parametrize("query", [
    "MATCH (n) DETACH DELETE n",
    "MATCH (a:Actor) SET a.name = 'x'",
    "MERGE (a:Actor {id: 'x'})",
    "create (a:Actor {id: 'x'})",
    "MATCH (a:Actor) REMOVE a.name",
    "LOAD CSV FROM 'file:///x.csv' AS row RETURN row",
    "MATCH (a) CALL { WITH a RETURN a.id AS i } IN TRANSACTIONS RETURN i",
    "MATCH (a) FOREACH (x IN [1] | SET a.y = x)",
    "DROP CONSTRAINT actor_id",
])
def test_run_cypher_refuses_writes(bolt_graph, query):
    before = len(bolt_graph.statements()), len(bolt_graph.actors())
    with pytest.raises(WriteRefused, match="--write"):
        run_cypher(bolt_graph, query)
    assert (len(bolt_graph.statements()), len(bolt_graph.actors())) == before


@pytest.mark.bolt
def test_run_cypher_writes_when_asked(bolt_graph):
    run_cypher(bolt_graph, "CREATE (n:Scratch {id: $id})", {"id": 7}, write=True)
    try:
        assert run_cypher(bolt_graph, "MATCH (n:Scratch) RETURN n.id").rows == [[7]]
    finally:
        run_cypher(bolt_graph, "MATCH (n:Scratch) DELETE n", write=True)


def test_run_cypher_needs_a_bolt_store(nx_store):
    with pytest.raises(StoreError, match="Bolt"):
        run_cypher(nx_store, "MATCH (n) RETURN n")


def signed_store(path, only=None):
    """A state and the rebel force fighting it, who once signed a ceasefire, each with a backer."""
    facts = [("rebels", T.ATTACKS, "state", 0.9), ("rebels", T.ATTACKS, "state", 0.8),
             ("state", T.ATTACKS, "rebels", 0.85), ("rebels", T.ATTACKS, "state", 0.9),
             ("state", T.ATTACKS, "rebels", 0.9), ("state", T.AGREES_WITH, "rebels", 0.9),
             ("state", T.MEETS, "rebels", 0.9), ("rebels", T.MEETS, "state", 0.8),
             ("neighbour", T.SUPPORTS, "state", 0.8), ("neighbour", T.MEETS, "state", 0.7),
             ("patron", T.PROVIDES_MILITARY_AID, "rebels", 0.8), ("patron", T.SUPPORTS, "rebels", 0.7),
             ("mediator", T.MEETS, "state", 0.6), ("mediator", T.MEETS, "rebels", 0.6),
             ("envoy", T.MEETS, "state", 0.6), ("envoy", T.MEETS, "rebels", 0.6),
             ("envoy", T.MEETS, "mediator", 0.6),
             ("patron", T.MEETS, "neighbour", 0.5),
             ("president", T.LEADS, "state", 0.9), ("chief", T.LEADS, "rebels", 0.9),
             ("president", T.AGREES_WITH, "chief", 0.9)]  # the truce, signed by the two leaders
    facts = [f for f in facts if only is None or {f[0], f[2]} <= only]
    doc = Document.from_text("signed", "signed.txt")
    actors = tuple(Actor(x, x.title(), S if x != "rebels" else G, (), 3)
                   for x in ("state", "rebels", "neighbour", "patron", "mediator", "envoy", "president", "chief"))
    statements = tuple(Statement.make(subject=s, type=t, object=o, document=doc.id, start=10 * n, end=10 * n + 5,
                                      confidence=c, sentence=f"{s} {t.value} {o}.")
                       for n, (s, t, o, c) in enumerate(facts))
    store = NetworkXStore(path, write=True)
    store.write(Batch((doc,), actors, statements))
    return store


def test_foes_on_balance_are_no_alliance_path_and_no_bloc(tmp_path):
    from actorgraph.queries import balance

    with signed_store(tmp_path / "s.json") as store:
        assert balance(store, "state", "rebels") < 0 < balance(store, "state", "neighbour")
        for path in alliance_paths(store, "state", "rebels", k=5):
            assert path.actors != ("state", "rebels")  # not through the ceasefire
        with pytest.raises(NoPath, match="directly hostile"):
            alliance_paths(store, "state", "rebels", max_hops=1)
        for path in alliance_paths(store, "president", "chief", k=5):  # nor through their leaders' truce
            assert ("president", "chief") not in zip(path.actors, path.actors[1:])
        assert balance(store, "president", "chief") == balance(store, "state", "rebels")
        where = {a: n for n, bloc in enumerate(blocs(store)) for a in bloc}
        assert where["state"] == where["neighbour"] == where["president"]
        assert where["rebels"] == where["patron"] == where["chief"]
        assert where["state"] != where["rebels"]
    with signed_store(tmp_path / "t.json", only={"state", "rebels", "mediator"}) as store:
        assert len(blocs(store)) == 1 and "mediator" in blocs(store)[0]  # one side, never both
        assert {"state", "rebels"} - set(blocs(store)[0])


def test_path_says_when_the_ends_are_directly_hostile(tmp_path, capsys):
    from actorgraph.cli import main

    signed_store(tmp_path / "s.json").close()
    assert main(["path", "State", "Rebels", "--store", str(tmp_path / "s.json")]) == 0
    out = capsys.readouterr().out
    assert out.startswith("note: State and Rebels are directly hostile") and "path 1: State -> " in out
    assert "path 1: State -> Rebels" not in out
