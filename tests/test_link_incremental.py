"""Incremental linking groups as a full regrouping does: over random small stores (persons
sharing surnames, spelling variants, short forms, acronyms, a gazetteer actor, dated roles,
statements between two of one surname), the store an ingest-by-ingest incremental relink
leaves equals, after every document, the store a full relink of everything leaves (the
embedded store; the Bolt store against the embedded one)."""
import random

import pytest

from actorgraph.graph import Actor, ActorgraphError, ActorType, Batch, Document, RelType, Statement
from actorgraph.graph.names import slugify
from actorgraph.graph.nx_store import NetworkXStore
from actorgraph.loaders.lexicon import Entry, Gazetteer
from actorgraph.loaders.link import form_keys, link, merge_by_hand, relink, split_by_hand

P, O, S = ActorType.PERSON, ActorType.ORGANIZATION, ActorType.STATE
NAMES = [  # invented names: surnames shared, spellings close, short forms, acronyms
    ("Tomas Verhalen", P), ("Anja Verhalen", P), ("Verhalen", P), ("Verhallen", P),
    ("Tomas Verhallen", P), ("Idris Kambole", P), ("Idriss Kambole", P), ("Kambole", P),
    ("Kambolle", P), ("Ruta Osei Jr", P), ("Osei", P), ("Marek Osei", P), ("Tomas", P),
    ("Lena Brand", P), ("Brand", P), ("Northern Fishers Union", O), ("NFU", O),
    ("Northern Fisher Union", O), ("Union of Northern Fishers", O), ("Coastal Relief Fund", O),
    ("CRF", O), ("Coastal Releif Fund", O), ("Fund", O), ("Zembla", S), ("Republic of Zembla", S),
    ("Zemblan Guard", O), ("Nordfrost", S), ("Nordfrosst", S),
]
GAZETTEER = Gazetteer([Entry("zembla", "Zembla", S, {"Republic of Zembla", "Zemblan state"},
                             attributes={"country": "ZB"})])


def random_documents(rng: random.Random, n: int) -> list[Batch]:
    batches = []
    for d in range(n):
        picked = rng.sample(NAMES, rng.randint(1, 4))
        date = f"{rng.choice([2001, 2004, 2010, 2011])}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}" \
            if rng.random() < 0.8 else None
        doc = Document.from_text(f"random document {d} {rng.random()}", f"doc{d}.txt", date=date)
        actors = []
        for name, kind in picked:
            aliases = tuple(a for a, _ in rng.sample(NAMES, 1) if rng.random() < 0.15 and a != name)
            attrs = (("country", rng.choice(["ZB", "NF"])),) if rng.random() < 0.2 else ()
            actors.append(Actor(slugify(name), name, kind, aliases, rng.randint(1, 3), attrs))
        statements = []
        for k in range(rng.randint(0, 3)):
            if len(actors) < 2:
                break
            a, b = rng.sample(actors, 2)
            statements.append(Statement.make(
                subject=a.id, type=rng.choice([RelType.LEADS, RelType.CRITICIZES, RelType.MEETS]),
                object=b.id, document=doc.id, start=10 * k, end=10 * k + 9, confidence=0.8,
                sentence=f"{a.name} and {b.name}.", line=k + 1, date=date, pattern="test/1"))
        batches.append(Batch((doc,), tuple(actors), tuple(statements), tuple((doc.id, a) for a in actors)))
    return batches


def state(store) -> tuple:
    return (sorted((f.document, f.actor.id, f.linked) for f in store.forms()), store.actors(),
            store.relations(), store.statements(), sorted(store.names(a.id for a in store.actors()).items()))


@pytest.mark.parametrize("seed", range(30))
def test_incremental_relink_equals_a_full_one_after_every_document(tmp_path, seed):
    rng = random.Random(seed)
    with NetworkXStore(tmp_path / "inc.db", write=True) as inc, NetworkXStore(tmp_path / "full.db", write=True) as full:
        for batch in random_documents(rng, rng.randint(3, 12)):
            for store in (inc, full):
                store.write(batch)
            relink(inc, GAZETTEER, new_documents={batch.documents[0].id}, incremental=True)
            relink(full, GAZETTEER, new_documents={batch.documents[0].id})
            assert not inc.pending_forms()
            assert state(inc) == state(full)
            if rng.random() < 0.3:  # a correction by hand, then the full store regrouped whole
                correct_by_hand(rng, inc, full)
                assert state(inc) == state(full)
        # and the grouping stored is the one link() gives over all forms
        forms = inc.forms()
        links, _, actors = link(forms, gazetteer=GAZETTEER, dates={d.id: d.date for d in inc.documents()},
                                statement_ends=inc.statement_ends(), constraints=inc.constraints())
        assert {(f.document, f.actor.id): f.linked for f in forms} == links
        assert {a.id: a for a in inc.actors()} == actors


@pytest.mark.parametrize("seed", range(4))
def test_the_bolt_store_relinked_incrementally_equals_a_full_relink(bolt_store, tmp_path, seed):
    rng = random.Random(100 + seed)
    with NetworkXStore(tmp_path / "full.db", write=True) as full:
        for batch in random_documents(rng, 6):
            for store in (bolt_store, full):
                store.write(batch)
            relink(bolt_store, GAZETTEER, new_documents={batch.documents[0].id}, incremental=True)
            relink(full, GAZETTEER, new_documents={batch.documents[0].id})
            assert not bolt_store.pending_forms()
            assert state(bolt_store) == state(full)


def correct_by_hand(rng: random.Random, inc, full) -> None:
    """A random merge or split by hand in both stores (incremental), then ``full`` regrouped whole."""
    actors = inc.actors()
    if rng.random() < 0.5 and len(actors) > 1:
        a, b = rng.sample(actors, 2)
        for store in (inc, full):
            merge_by_hand(store, a, b, GAZETTEER)
        assert ("merge", *sorted((a.id, b.id))) in inc.constraints()
        assert inc.actor(a.id) is None or inc.actor(b.id) is None  # one actor now
        joined = [(a, f) for a in actors for f in inc.forms_linked_to([a.id]) if f.actor.id != a.id]
        if not joined:
            return
        actor, form = rng.choice(joined)
        for store in (inc, full):
            try:
                split_by_hand(store, actor, form.actor.name, GAZETTEER)
            except ActorgraphError:
                return
        assert ("split", actor.id, form.actor.id) in inc.constraints()
    assert inc.constraints() == full.constraints()
    relink(full, GAZETTEER)


def test_a_document_regroups_only_what_it_touches(tmp_path):
    """The part regrouped holds the new forms and those related to them, not the store."""
    with NetworkXStore(tmp_path / "s.db", write=True) as store:
        actors = [Actor(f"quill-{i}", f"Quill Number{i:03d}", P, (), 1) for i in range(200)]
        store.write(Batch(actors=tuple(actors)))
        relink(store, Gazetteer([]))
        doc = Document.from_text("one more", "one.txt")
        new = (Actor("verhalen", "Verhalen", P, (), 1), Actor("tomas-verhalen", "Tomas Verhalen", P, (), 1))
        store.write(Batch((doc,), new, (), tuple((doc.id, a) for a in new)))
        seen = []
        forms_of = store.forms_of
        store.forms_of = lambda ids: seen.extend(ids) or forms_of(ids)
        merges = relink(store, Gazetteer([]), new_documents={doc.id}, incremental=True)
        assert sorted(set(seen)) == ["tomas-verhalen", "verhalen"]
        assert [(m.form, m.actor) for m in merges] == [("verhalen", "tomas-verhalen")]


def test_keys_depend_on_names_alone():
    a = Actor("x", "Tomas Verhalen Jr", P, ("TV",), 1)
    assert form_keys(a) == form_keys(Actor("x", "Tomas Verhalen Jr", O, ("TV",), 1, (("country", "ZB"),)))
    assert {"n:tomas verhalen jr", "n:tv", "p3.0:tomas", "p3.1:verhalen", "e:verhalen", "s:tomas",
            "i:tvj"} <= form_keys(a)
