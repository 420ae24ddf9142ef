"""graph.html without a browser: what the page holds, and what it must never hold."""
from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest

from actorgraph.graph import ActorNotFound
from actorgraph.graph.html import STATIC, View, render, script_json, without_urls
from actorgraph.graph.model import Actor, Batch, Document, Statement
from actorgraph.graph.nx_store import NetworkXStore
from actorgraph.graph.ontology import ActorType, RelType

HOSTILE = (
    "<script>alert(1)</script> Russia supplied missiles to Syria.",
    "Russia <img src=x onerror=alert(1)> sent more arms to Syria.",
    "</script><script>window.pwned=1</script> Moscow armed Damascus.",
    "javascript:alert(1) The US condemned Russia.",
    "A line\u2028separator and <!-- a comment opener, Iran backed Hezbollah.",
)


def _statement(subject, type_, obj, doc, n, sentence, confidence=0.8):
    return Statement.make(subject=subject, type=type_, object=obj, document=doc.id, start=n * 100,
                          end=n * 100 + len(sentence), sentence=sentence, confidence=confidence,
                          line=n + 1, date="2015-09-30")


def sample_batch() -> Batch:
    """Seven actors (one without relations), seven relations (three between Russia and Syria)."""
    news = Document.from_text("news", source="wire/syria-<b>2015</b>.txt")
    blog = Document.from_text("blog", source="https://example.org/blog?a=1&b=<i>")
    A = ActorType
    actors = (
        Actor("russia", "Russia", A.STATE, aliases=("Moscow", "the Kremlin"), mentions=40),
        Actor("syria", "Syria", A.STATE, aliases=("Damascus", "the regime"), mentions=35),
        Actor("usa", "United States", A.STATE, aliases=("Washington",), mentions=20),
        Actor("iran", "Iran", A.STATE, aliases=("Tehran",), mentions=12),
        Actor("hezbollah", "Hezbollah", A.GROUP, mentions=8),
        Actor("assad", "Bashar al-Assad", A.PERSON, aliases=("Assad", "<b>Al Assad</b>"), mentions=5),
        Actor("un", "United Nations", A.ORGANIZATION, mentions=1),  # no relation at all
    )
    R = RelType
    s = [
        _statement("russia", R.PROVIDES_MILITARY_AID, "syria", news, 0, HOSTILE[0], 0.9),
        _statement("russia", R.PROVIDES_MILITARY_AID, "syria", blog, 1, HOSTILE[1], 0.7),
        _statement("russia", R.PROVIDES_MILITARY_AID, "syria", news, 2, HOSTILE[2], 0.6),
        _statement("russia", R.PROVIDES_MILITARY_AID, "syria", blog, 3, "Weapons flowed.", 0.5),
        _statement("russia", R.MEETS, "syria", news, 4, "Putin met Assad's envoy."),
        _statement("syria", R.CRITICIZES, "russia", news, 5, "Damascus grumbled at Moscow."),
        _statement("usa", R.CRITICIZES, "russia", blog, 6, HOSTILE[3], 0.6),
        _statement("usa", R.SANCTIONS, "syria", news, 7, "Washington sanctioned Damascus.", 0.9),
        _statement("usa", R.SANCTIONS, "syria", blog, 8, "New US sanctions on Syria.", 0.9),
        _statement("iran", R.SUPPORTS, "hezbollah", blog, 9, HOSTILE[4], 0.4),
        _statement("assad", R.LEADS, "syria", news, 10, "Assad, president of Syria.", 0.95),
    ]
    return Batch(documents=(news, blog), actors=actors, statements=tuple(s))


@pytest.fixture
def store(tmp_path):
    with NetworkXStore(tmp_path / "g.json", write=True) as st:
        st.write(sample_batch())
        yield st


def page_data(page: str) -> dict:
    m = re.search(r'<script type="application/json" id="ag-data">(.*?)</script>', page, re.S)
    return json.loads(m.group(1))


def own_part(page: str) -> str:
    """The page without the inlined vis-network library."""
    return page.replace(without_urls((STATIC / "vis-network.min.js").read_text(encoding="utf-8")), "")


def test_page_holds_every_actor_and_relation(store):
    view = render(store)
    data = page_data(view.html)
    assert len(data["nodes"]) == 7 and len(data["edges"]) == 7
    assert (view.nodes_shown, view.nodes_dropped, view.edges_shown, view.edges_dropped) == (7, 0, 7, 0)
    arms = next(e for e in data["edges"] if e["type"] == "PROVIDES_MILITARY_AID")
    assert (arms["from"], arms["to"], arms["count"], arms["polarity"]) == ("russia", "syria", 4, 1)
    assert [ev["confidence"] for ev in arms["evidence"]] == [0.9, 0.7, 0.6]  # top 3 of 4
    assert arms["evidence"][1]["source"] == "https://example.org/blog?a=1&b=<i>"
    assert arms["evidence"][0]["line"] == 1
    assert next(n for n in data["nodes"] if n["id"] == "assad")["aliases"] == ["<b>Al Assad</b>", "Assad"]


def test_parallel_edges_fan_out_and_symmetric_edges_have_no_arrow(store):
    edges = page_data(render(store).html)["edges"]
    pair = [e for e in edges if {e["from"], e["to"]} == {"russia", "syria"}]
    assert len(pair) == 3

    def bend(e):  # signed roundness as seen going from russia to syria (curvedCW bends right)
        if not e["smooth"]:
            return 0
        side = 1 if e["smooth"]["type"] == "curvedCW" else -1
        return side * e["smooth"]["roundness"] * (1 if e["from"] == "russia" else -1)

    assert sorted(bend(e) for e in pair) == [-0.3, 0, 0.3]  # each on its own curve
    assert not next(e for e in pair if e["type"] == "MEETS")["arrows"]
    assert next(e for e in pair if e["type"] == "CRITICIZES")["arrows"]


def test_page_asks_no_other_host(store):
    page = render(store).html
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert not re.search(r"url\(\s*[\"']?(https?:)?//|@import|//cdn", page, re.I)
    assert "bootstrap" not in page.lower()
    # the only address in the whole page, library included, is a document's own source (as data)
    assert set(re.findall(r"https?://[^\s\"]*", page)) == {"https://example.org/blog?a=1\\u0026b=\\u003ci\\u003e"}
    assert not re.search(r"//(www\.|cdn|github|unpkg|jsdelivr)", page)
    assert "default-src 'none'" in page  # and the page forbids itself any fetch


def test_hostile_text_never_reaches_the_page_as_markup(store):
    page = render(store, title="<script>alert('t')</script>").html
    own = own_part(page)
    assert "</script><script>" not in own.replace("</script>\n<script>", "")
    assert "<img" not in own and "<script>alert" not in own and "<!--" not in own
    assert "\u2028" not in own and "<b>" not in own
    assert own.count("</script>") == 3  # data block, vis-network, view script
    assert "&lt;script&gt;alert(&#x27;t&#x27;)&lt;/script&gt;" in own
    sentences = [ev["sentence"] for e in page_data(page)["edges"] for ev in e["evidence"]]
    assert set(HOSTILE) <= set(sentences)  # intact as data, decoded by JSON.parse


def test_script_json_escapes_everything_that_could_end_a_script():
    text = script_json({"s": "</script><!--\u2028\u2029&"})
    assert not set("<>&\u2028\u2029") & set(text)
    assert json.loads(text) == {"s": "</script><!--\u2028\u2029&"}


def test_static_assets_cannot_end_their_own_element():
    for name in ("vis-network.min.js", "view.js"):
        assert "</script" not in (STATIC / name).read_text(encoding="utf-8").lower()
    for name in ("vis-network.css", "view.css"):
        assert "</style" not in (STATIC / name).read_text(encoding="utf-8").lower()


def test_max_nodes_keeps_most_mentioned_and_says_what_was_left_out(store):
    view = render(store, max_nodes=3)
    data = page_data(view.html)
    assert {n["id"] for n in data["nodes"]} == {"russia", "syria", "usa"}
    assert (view.nodes_shown, view.nodes_dropped) == (3, 4)
    assert view.edges_shown == 5 and view.edges_dropped == 2
    assert data["dropped"] == {"nodes": 4, "edges": 2, "limit": 3}


def test_neighbourhood_of_an_actor(store):
    data = page_data(render(store, actor="iran").html)
    assert {n["id"] for n in data["nodes"]} == {"iran", "hezbollah"}
    data = page_data(render(store, actor="assad", depth=1).html)
    assert {n["id"] for n in data["nodes"]} == {"assad", "syria"}
    data = page_data(render(store, actor="assad", depth=2).html)
    assert {n["id"] for n in data["nodes"]} == {"assad", "syria", "russia", "usa"}
    assert len(data["edges"]) == 6
    view = render(store, actor="assad", depth=2, max_nodes=2)
    assert {n["id"] for n in page_data(view.html)["nodes"]} == {"assad", "syria"}  # nearest kept


def test_relation_filters(store):
    data = page_data(render(store, types=["sanctions", RelType.LEADS]).html)
    assert {e["type"] for e in data["edges"]} == {"SANCTIONS", "LEADS"}
    assert {n["id"] for n in data["nodes"]} == {"usa", "syria", "assad"}
    data = page_data(render(store, min_count=2).html)
    assert {(e["type"], e["count"]) for e in data["edges"]} == {("PROVIDES_MILITARY_AID", 4), ("SANCTIONS", 2)}
    data = page_data(render(store, min_confidence=0.95).html)
    assert {e["type"] for e in data["edges"]} == {"PROVIDES_MILITARY_AID", "SANCTIONS", "LEADS"}
    with pytest.raises(ValueError, match="ATTACKS"):
        render(store, types=["BOMBS"])


def test_unknown_actor_raises(store):
    with pytest.raises(ActorNotFound, match="russa.*russia"):
        render(store, actor="russa")


def test_repr_html_is_an_iframe_with_srcdoc(store):
    view = render(store)
    frame = view._repr_html_()
    assert frame.startswith("<iframe") and frame.endswith("</iframe>")
    src = re.search(r'srcdoc="([^"]*)"', frame).group(1)
    assert html.unescape(src) == view.notebook_html
    assert "<script" not in src  # all markup is attribute-escaped
    assert "html" not in repr(view) or len(repr(view)) < 200


def test_notebook_frame_fits_the_panel_and_carries_the_library_compressed(store):
    view = render(store)
    frame = view._repr_html_()
    assert "650px" not in frame and f"height:{view.height}px" in frame and view.height >= 560
    # the same page, its scripts gzip-compressed: a repeated render() costs well under half
    assert page_data(view.notebook_html) == page_data(view.html)
    assert len(frame) < 0.6 * len(html.escape(view.html, quote=True))
    assert "vis.Network" not in view.notebook_html and "DecompressionStream" in view.notebook_html


def test_save_and_path(store, tmp_path):
    view = render(store, tmp_path / "out" / "g.html")
    assert (tmp_path / "out" / "g.html").read_text(encoding="utf-8") == view.html
    assert view.save(tmp_path / "again.html").read_text(encoding="utf-8") == view.html


def test_numpy_numbers_from_a_store_become_plain_json(store):
    np = pytest.importorskip("numpy")

    class NumpyStore:  # a store whose numbers come out of numpy (e.g. after a pandas round trip)
        documents, statements, names = store.documents, store.statements, store.names

        def actors(self):
            return [replace(a, mentions=np.int64(a.mentions)) for a in store.actors()]

        def relations(self):
            return [replace(r, count=np.int64(r.count), confidence=np.float32(r.confidence))
                    for r in store.relations()]

    data = page_data(render(NumpyStore()).html)
    assert {type(e["count"]) for e in data["edges"]} == {int}
    assert sorted(n["mentions"] for n in data["nodes"])[-1] == 40


def test_empty_store(tmp_path):
    with NetworkXStore(tmp_path / "empty.json", write=True) as st:
        view = render(st)
    assert isinstance(view, View) and view.nodes_shown == 0
    assert page_data(view.html)["nodes"] == []
