"""Exports of a hand-made store: what each format says, and that NetworkX reads it back."""
from __future__ import annotations

import csv
import io
import json

import networkx as nx
import pytest

from actorgraph.graph.export import export
from actorgraph.graph.model import Actor, Batch, Document, Statement
from actorgraph.graph.nx_store import NetworkXStore
from actorgraph.graph.ontology import ActorType, RelType

TEXT = "Kenya backed Uganda.\nUganda thanked Kenya.\n"


@pytest.fixture
def store(tmp_path):
    doc = Document.from_text(TEXT, source="wire/east-africa.txt")
    first = "Kenya backed Uganda.\n"  # a sentence as spaCy may cut it: with its line break
    s = [Statement.make(subject="kenya", type=RelType.SUPPORTS, object="uganda", document=doc.id,
                        start=0, end=len(first), sentence=first, confidence=0.8, line=1, date="2024-03-01"),
         Statement.make(subject="kenya", type=RelType.SUPPORTS, object="uganda", document=doc.id,
                        start=21, end=42, sentence="Uganda thanked Kenya.", confidence=0.5, line=2,
                        date="2024-05-02")]
    actors = (Actor("kenya", "Kenya", ActorType.STATE, ("Nairobi",), 2),
              Actor("uganda", "Uganda", ActorType.STATE, (), 2))
    with NetworkXStore(tmp_path / "g.json", write=True) as st:
        st.write(Batch((doc,), actors, tuple(s)))
        yield st


def test_json_relations_carry_their_dates_and_sentences_without_line_breaks(store):
    data = json.loads(export(store, "json"))
    rel = data["relations"][0]
    assert (rel["first_seen"], rel["last_seen"]) == ("2024-03-01", "2024-05-02")
    ev = rel["evidence"][0]
    assert ev["sentence"] == "Kenya backed Uganda." == TEXT[ev["start"]:ev["end"]]


def test_gexf_keeps_the_relation_type_apart_from_the_edge_type_and_labels_nodes_by_name(store, tmp_path):
    text = export(store, "gexf")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<gexf')
    (tmp_path / "g.gexf").write_text(text)
    g = nx.read_gexf(tmp_path / "g.gexf")
    assert g.nodes["kenya"]["label"] == "Kenya"
    (_, _, edge), = g.edges(data=True)
    assert edge["relation"] == "SUPPORTS" and edge["evidence"] == "Kenya backed Uganda."
    assert 'type="SUPPORTS"' not in text


def test_graphml_has_its_xml_declaration_and_reads_back(store, tmp_path):
    text = export(store, "graphml")
    assert text.startswith('<?xml version="1.0" encoding="utf-8"?>\n<graphml')
    (tmp_path / "g.graphml").write_text(text)
    g = nx.read_graphml(tmp_path / "g.graphml")
    assert g.nodes["uganda"]["label"] == "Uganda"
    assert [d["relation"] for *_, d in g.edges(data=True)] == ["SUPPORTS"]


def test_csv_names_the_source_file_beside_the_document_hash(store):
    row, = csv.DictReader(io.StringIO(export(store, "csv")))
    assert row["source"] == "wire/east-africa.txt" and len(row["document"]) == 16
    assert row["evidence"] == "Kenya backed Uganda."
