"""One contract, both stores: NetworkX (a temp file) and Neo4j over Bolt (ArcadeDB or NEO4J_URI)."""
from __future__ import annotations

import sqlite3
import threading

import pytest

from actorgraph.graph import (Actor, ActorType, Batch, Document, RelType, Statement, StoreError,
                   StoreLocked, StoreUnavailable, aggregate)
from actorgraph.graph.neo4j_store import Neo4jStore
from actorgraph.graph.nx_store import NetworkXStore

D1 = Document.from_text("Iran arms Hezbollah. Assad meets Nasrallah.", "d1.txt", title="One",
                        date="2013-05-01")
D2 = Document.from_text("Iran strikes ISIS.", "d2.txt")
D3 = Document.from_text("The US sanctions Iran.", "d3.txt")


def st(subject, type, object, start, *, doc=D1, confidence=0.5, **kw) -> Statement:
    return Statement.make(subject=subject, type=type, object=object, document=doc.id,
                          start=start, end=start + 10, confidence=confidence,
                          sentence=f"{subject} {type.value} {object}", **kw)


def batch1() -> Batch:
    return Batch(
        documents=(D1,),
        actors=(Actor("iran", "Iran", ActorType.STATE, ("Iran", "Tehran"), 3),
                Actor("hezbollah", "Hezbollah", ActorType.GROUP, ("Hezbollah",), 2,
                      (("country", "lebanon"),)),
                Actor("syria", "Syria", ActorType.STATE, ("Damascus",), 2)),
        statements=(
            st("iran", RelType.PROVIDES_MILITARY_AID, "hezbollah", 0, confidence=0.8,
               date="2013-05-01", line=1),
            st("iran", RelType.PROVIDES_MILITARY_AID, "hezbollah", 40, confidence=0.5,
               date="2012-01-01", line=2, hedged=True, speaker="Reuters", reported=True),
            st("hezbollah", RelType.MEETS, "syria", 80, line=3, pattern="meet"),
            st("syria", RelType.MEETS, "hezbollah", 120, line=4, negated=True),
        ))


def batch2() -> Batch:
    return Batch(
        documents=(D2,),
        actors=(Actor("iran", "Islamic Republic of Iran", ActorType.GROUP,
                      ("Islamic Republic",), 2, (("capital", "tehran"),)),
                Actor("isis", "ISIS", ActorType.GROUP, ("Daesh", "ISIS"), 1)),
        statements=(st("iran", RelType.ATTACKS, "isis", 0, doc=D2, confidence=0.9),))


def snapshot(store) -> tuple:
    return (store.document_ids(), store.documents(), store.actors(), store.statements(),
            store.relations())


@pytest.fixture(params=["networkx", pytest.param("bolt", marks=pytest.mark.bolt)])
def opener(request, tmp_path):
    """A function opening (again) one writable store of the parametrised kind."""
    if request.param == "networkx":
        return lambda: NetworkXStore(tmp_path / "store.json", write=True)
    target = request.getfixturevalue("bolt_server")
    with target.store() as store:
        store.run("MATCH (n) DETACH DELETE n", write=True)
    return target.store


def test_write_then_read_back(opener):
    with opener() as store:
        store.write(batch1())
    with opener() as store:
        assert store.document_ids() == {D1.id}
        assert store.documents() == [D1]
        assert store.actors() == sorted(batch1().actors, key=lambda a: a.id)
        assert store.statements() == sorted(batch1().statements, key=lambda s: s.id)
        assert store.relations() == aggregate(batch1().statements)
        aid = {(r.source, r.type, r.target): r for r in store.relations()}
        arms = aid[("iran", RelType.PROVIDES_MILITARY_AID, "hezbollah")]
        assert (arms.count, arms.confidence, arms.first_seen, arms.last_seen) == (
            2, 0.9, "2012-01-01", "2013-05-01")
        assert arms.polarity == 1


def test_symmetric_types_share_one_relation(opener):
    with opener() as store:
        store.write(batch1())
        meets = [r for r in store.relations() if r.type is RelType.MEETS]
        # "Syria meets Hezbollah" and "Hezbollah meets Syria" are one edge, stored in id order
        assert [(r.source, r.target, r.count) for r in meets] == [("hezbollah", "syria", 2)]
        assert (meets[0].first_seen, meets[0].last_seen) == (None, None)
        assert {s.subject for s in store.statements() if s.type is RelType.MEETS} == {"hezbollah"}


def test_actors_merge_across_batches(opener):
    with opener() as store:
        store.write(batch1())
        store.write(batch2())
        iran = {a.id: a for a in store.actors()}["iran"]
    assert iran.name == "Iran" and iran.type is ActorType.STATE  # a state keeps its shorter name
    assert iran.aliases == ("Islamic Republic", "Islamic Republic of Iran", "Tehran")  # not its name
    assert iran.mentions == 5
    assert iran.attributes == (("capital", "tehran"),)


def test_rewriting_changes_nothing(opener):
    with opener() as store:
        store.write(batch1())
        store.write(batch2())
        before = snapshot(store)
        store.write(batch1())
        store.write(batch2())
        assert snapshot(store) == before
    with opener() as store:
        assert snapshot(store) == before
        assert {a.id: a.mentions for a in store.actors()}["iran"] == 5


def test_failed_batch_changes_nothing_and_rerun_completes(opener):
    good = Batch(documents=(D3,), actors=(Actor("usa", "United States", ActorType.STATE, (), 1),),
                 statements=(st("usa", RelType.SANCTIONS, "iran", 0, doc=D3),))
    bad = Batch(documents=good.documents, actors=good.actors,
                statements=good.statements + (st("usa", RelType.SANCTIONS, "nobody", 30, doc=D3),))
    with opener() as store:
        store.write(batch1())
        before = snapshot(store)
        with pytest.raises(StoreError, match="nobody"):
            store.write(bad)
        assert snapshot(store) == before
        store.write(good)
        assert D3.id in store.document_ids()
        assert "usa" in {a.id for a in store.actors()}
        assert [r.type for r in store.relations() if r.source == "usa"] == [RelType.SANCTIONS]


def test_a_document_written_in_parts_counts_as_stored_only_when_finished(opener):
    first = batch1()
    part1 = Batch(first.documents, first.actors[:2], first.statements[:2], unfinished=((D1.id, 1),))
    part2 = Batch(first.documents, first.actors[2:], first.statements[2:])
    with opener() as store:
        store.write(part1)
        assert store.document_ids() == set() and store.unfinished() == {D1.id: 1}
        assert len(store.statements()) == 2 and store.documents() == [D1]
        store.write(part1)  # a part written again changes nothing
        assert {a.id: a.mentions for a in store.actors()} == {"iran": 3, "hezbollah": 2}
    with opener() as store:
        assert store.unfinished() == {D1.id: 1}
        store.write(part2)
        assert store.document_ids() == {D1.id} and store.unfinished() == {}
        assert store.statements() == sorted(first.statements, key=lambda s: s.id)
        assert store.relations() == aggregate(first.statements)
        store.write(part2)  # finished: changes nothing
        assert {a.id: a.mentions for a in store.actors()}["syria"] == 2


@pytest.mark.bolt
def test_both_stores_hold_the_same_graph(bolt_store, tmp_path):
    with NetworkXStore(tmp_path / "s.json", write=True) as nx_store:
        for store in (nx_store, bolt_store):
            store.write(batch1())
            store.write(batch2())
        assert snapshot(bolt_store) == snapshot(nx_store)


# -- Bolt only -------------------------------------------------------------

@pytest.mark.bolt
def test_bolt_schema_and_aggregated_edge(bolt_store):
    bolt_store.write(batch1())
    bolt_store.write(batch2())
    cols, rows = bolt_store.run(
        "MATCH (a:Actor {id: 'iran'})-[r:PROVIDES_MILITARY_AID]->(b:Actor {id: 'hezbollah'}) "
        "RETURN r.count, r.polarity, r.confidence, r.first_seen, r.last_seen")
    assert rows == [[2, 1, 0.9, "2012-01-01", "2013-05-01"]]
    _, rows = bolt_store.run("MATCH (:Actor {id: 'iran'})-[r:ATTACKS]->(:Actor {id: 'isis'}) "
                             "RETURN r.polarity, r.first_seen")
    assert rows == [[-1, None]]
    _, rows = bolt_store.run(
        "MATCH (d:Document)-[:ASSERTS]->(s:Statement)-[:SUBJECT]->(a:Actor), (s)-[:OBJECT]->(b:Actor) "
        "RETURN d.id, s.type, a.id, b.id ORDER BY s.type, d.id")
    assert [tuple(r) for r in rows] == sorted(
        [(s.document, s.type.value, s.subject, s.object)
         for s in batch1().statements + batch2().statements], key=lambda r: (r[1], r[0]))
    _, rows = bolt_store.run("MATCH (a:Actor)-[r]->(b:Actor) RETURN count(r)")
    assert rows == [[3]]  # PROVIDES_MILITARY_AID, MEETS, ATTACKS: one edge each


@pytest.mark.bolt
def test_small_batch_size_writes_everything(bolt_server, bolt_store):
    with bolt_server.store(batch_size=1) as store:
        store.write(batch1())
        store.write(batch2())
        assert len(store.statements()) == 5
        assert len(store.relations()) == 3


@pytest.mark.bolt
def test_server_refused_write_is_rolled_back(bolt_store):
    bolt_store.write(batch1())
    before = snapshot(bolt_store)
    # a uniqueness constraint the next batch breaks: the server refuses it mid-transaction
    clash = Document(id=D2.id, source="clash.txt", sha256=D1.sha256)
    bolt_store.run("CREATE CONSTRAINT test_doc_sha IF NOT EXISTS "
                   "FOR (d:Document) REQUIRE d.sha256 IS UNIQUE", write=True)
    try:
        with pytest.raises(StoreError, match="refused by the server"):
            bolt_store.write(Batch(documents=(clash,), actors=batch2().actors,
                                   statements=batch2().statements))
        assert snapshot(bolt_store) == before
    finally:
        bolt_store.run("DROP CONSTRAINT test_doc_sha IF EXISTS", write=True)


@pytest.mark.bolt
def test_wrong_password_is_one_clear_line(bolt_server):
    password = bolt_server.password + "-wrong"
    with pytest.raises(StoreUnavailable) as e:
        Neo4jStore(bolt_server.uri, user=bolt_server.user, password=password,
                   database=bolt_server.database)
    message = str(e.value)
    assert bolt_server.uri in message and "credentials" in message
    assert password not in message and bolt_server.password not in message
    assert "\n" not in message


def test_server_down_names_the_uri():
    from bolt_server import free_port

    uri = f"bolt://127.0.0.1:{free_port()}"
    with pytest.raises(StoreUnavailable, match="no Bolt server answers") as e:
        Neo4jStore(uri, user="neo4j", password="s3cret-pw")
    assert str(e.value).startswith(uri) and "s3cret-pw" not in str(e.value)


@pytest.mark.bolt
def test_missing_database(bolt_server):
    with pytest.raises(StoreUnavailable, match="does not exist") as e:
        Neo4jStore(bolt_server.uri, user=bolt_server.user, password=bolt_server.password,
                   database="no_such_database")
    assert "no_such_database" in str(e.value)


# -- NetworkX only -----------------------------------------------------------

def test_two_writers_both_write_and_a_busy_writer_waits(tmp_path):
    path = tmp_path / "s.db"
    with NetworkXStore(path, write=True) as first, NetworkXStore(path, write=True) as second:
        first.write(batch1())
        second.write(batch2())  # a writer holds the store only while it writes a batch
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process in the middle of its batch
    try:
        with NetworkXStore(path, write=True, wait=0.2) as impatient:
            with pytest.raises(StoreLocked, match=str(path)):
                impatient.write(Batch(documents=(D3,)))
        with NetworkXStore(path) as reader:  # readers never block
            assert reader.document_ids() == {D1.id, D2.id}
        threading.Timer(0.3, holder.execute, ("COMMIT",)).start()
        with NetworkXStore(path, write=True, wait=30) as patient:
            patient.write(Batch(documents=(D3,)))  # waits for the other batch, then completes
    finally:
        holder.close()
    with NetworkXStore(path) as reader:
        assert reader.document_ids() == {D1.id, D2.id, D3.id}


def test_a_missing_store_is_an_error_for_readers(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        NetworkXStore(tmp_path / "none.db")
    assert not (tmp_path / "none.db").exists()


def test_a_json_store_of_the_earlier_version_reads_and_migrates(tmp_path):
    import json

    from actorgraph.graph.nx_store import migrate

    old = tmp_path / "old.json"
    b1, b2 = batch1(), batch2()
    with NetworkXStore(tmp_path / "ref.db", write=True) as ref:
        ref.write(b1)
        ref.write(b2)
        expected = snapshot(ref)
        old.write_text(json.dumps({
            "format": "actorgraph-store", "schema": 1,
            "documents": [d.to_dict() for d in ref.documents()],
            "actors": [a.to_dict() for a in ref.actors()],
            "statements": [s.to_dict() for s in ref.statements()]}), encoding="utf-8")
    with NetworkXStore(old) as legacy:
        assert snapshot(legacy) == expected
    with pytest.raises(StoreError, match="actorgraph migrate"):
        NetworkXStore(old, write=True)
    new = migrate(old)
    assert new == tmp_path / "old.db" and old.exists()
    with NetworkXStore(new) as migrated:
        assert snapshot(migrated) == expected
    with pytest.raises(StoreError, match="exists already"):
        migrate(old)


def test_some_other_sqlite_database_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE t (x)")
    con.commit()
    con.close()
    before = path.read_bytes()
    for write in (False, True):
        with pytest.raises(StoreError, match="not an actorgraph store"):
            NetworkXStore(path, write=write)
    assert path.read_bytes() == before


def test_corrupt_file_is_an_error_and_is_left_alone(tmp_path):
    path = tmp_path / "s.json"
    path.write_text('{"format": "actorgraph-store", "schema": 1, "documents": [', encoding="utf-8")
    before = path.read_bytes()
    with pytest.raises(StoreError, match=str(path)):
        NetworkXStore(path, write=True)
    assert path.read_bytes() == before


def test_merging_actors_does_not_depend_on_order():
    from actorgraph.graph import Actor, ActorType
    a = Actor("kim-jong-un", "Kim", ActorType.PERSON, ("KIM",), 2, (("country", "north-korea"),))
    b = Actor("kim-jong-un", "Kim Jong Un", ActorType.PERSON, ("Kim Jong-un",), 3)
    c = Actor("kim-jong-un", "Kim Jong-Un", ActorType.PERSON, (), 1, (("country", "dprk"),))
    orders = [a.merged(b).merged(c), c.merged(b).merged(a), b.merged(c).merged(a), a.merged(c.merged(b))]
    assert all(o == orders[0] for o in orders)
    got = orders[0]
    assert got.name == "Kim Jong Un" and got.mentions == 6  # a person keeps the fuller name
    assert "Kim" in got.aliases and dict(got.attributes)["country"] == "dprk"
    state = Actor("iran", "Islamic Republic of Iran", ActorType.STATE, (), 1)
    group = Actor("iran", "Iran", ActorType.GROUP, ("Tehran",), 1)
    assert state.merged(group) == group.merged(state)
    assert state.merged(group).name == "Iran" and state.merged(group).type is ActorType.STATE


def neighbourhood_batch() -> Batch:
    """Twelve actors, two of them mentioned far more (so the file store reads some pairs by
    key and some sides by scan), joined by relations of every type in both directions."""
    import random

    rng = random.Random(8)
    ids = [f"n{i:02d}" for i in range(12)]
    doc = Document.from_text("a made-up neighbourhood", "n.txt")
    statements = []
    for k in range(160):
        a, b = rng.choice(ids[:2] * 3 + ids), rng.choice(ids)
        statements.append(st(a, rng.choice(list(RelType)), b, 20 * k, doc=doc,
                             confidence=round(rng.uniform(0.3, 0.95), 2)))
    actors = tuple(Actor(i, i.upper(), ActorType.STATE, (), 900 if i in ids[:2] else 1 + n % 3)
                   for n, i in enumerate(ids))
    return Batch((doc,), actors, tuple(statements))


def test_neighbourhood_reads_agree_with_the_whole_graph(opener):
    import random

    rng = random.Random(4)
    ids = [f"n{i:02d}" for i in range(12)]
    with opener() as store:
        store.write(neighbourhood_batch())
        for c in (0.0, 0.6):
            for types in (frozenset(RelType), frozenset({RelType.LEADS}),
                          frozenset(t for t in RelType if t.polarity > 0 or t.structural)):
                whole = {e[:3]: e for e in store.edges_of_types(types, c)}
                for _ in range(12):
                    xs = set(rng.sample(ids, rng.randint(1, 5)))
                    ys = set(rng.sample(ids, rng.randint(1, 8)))  # may overlap xs
                    assert sorted(store.edges_from(xs, types, c)) == sorted(
                        e for e in whole.values() if e.source in xs)
                    assert sorted(store.edges_between(xs, ys, types, c)) == sorted(
                        e for e in whole.values() if e.source != e.target and
                        ((e.source in xs and e.target in ys) or (e.source in ys and e.target in xs)))
            every = {e[:3]: e for e in store.edges_of_types(frozenset(RelType), c)}
            for xs, ys in [({"n00"}, {"n01", "n05"}), ({"n00", "n03"}, {"n01"}), ({"n04", "n07"}, {"n09"})] + [
                    (set(ids[i::3]), set(ids[(i + 1)::3])) for i in range(3)]:
                want: dict[RelType, float] = {}
                for e in every.values():
                    if (e.source in xs and e.target in ys) or (e.source in ys and e.target in xs):
                        want[e.type] = want.get(e.type, 0.0) + e.count * e.confidence
                got = store.weights_between(xs, ys, c)
                assert list(got) == sorted(want, key=lambda t: t.value)
                assert all(abs(got[t] - w) < 1e-9 for t, w in want.items())
        positive = frozenset(t for t in RelType if t.polarity > 0)
        for actor in ("n00", "n05"):
            assert store.relations_of(actor, types=positive) == [
                r for r in store.relations_of(actor) if r.type in positive]
