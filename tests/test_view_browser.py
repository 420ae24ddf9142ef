"""graph.html in headless Chromium, network blocked: loads clean, filters work, hostile text stays text.

Needs Python playwright and Chromium at /usr/bin/chromium (or $ACTORGRAPH_CHROMIUM).
Missing either, the tests skip, unless $CI or $ACTORGRAPH_REQUIRE_BROWSER is set: then they fail.
"""
from __future__ import annotations

import os

import pytest

from actorgraph.graph.html import render
from actorgraph.graph.nx_store import NetworkXStore
from test_view import HOSTILE, sample_batch

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("ACTORGRAPH_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
LOCAL = ("file:", "data:", "about:")


def _no_browser(reason: str):
    if os.environ.get("CI") or os.environ.get("ACTORGRAPH_REQUIRE_BROWSER"):
        pytest.fail(f"browser required ($CI or $ACTORGRAPH_REQUIRE_BROWSER is set): {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import Error, sync_playwright
    except ImportError:
        _no_browser("Python playwright is not installed (pip install playwright)")
    if not os.access(CHROMIUM, os.X_OK):
        _no_browser(f"no Chromium at {CHROMIUM} (apt-get install chromium)")
    with sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        except Error as e:
            _no_browser(f"Chromium at {CHROMIUM} does not start: {e}")
        yield browser
        browser.close()


class Page:
    """A loaded view, and everything the browser saw while loading and using it."""

    def __init__(self, browser, url: str):
        self.requests, self.blocked, self.failed, self.errors, self.dialogs = [], [], [], [], []
        self.context = browser.new_context(viewport={"width": 1280, "height": 800})
        self.context.route("**/*", self._route)
        self.page = page = self.context.new_page()
        page.set_default_timeout(15_000)
        page.on("request", lambda r: self.requests.append(r.url))
        page.on("requestfailed", lambda r: self.failed.append(r.url))
        page.on("console", lambda m: m.type in ("error", "warning") and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))
        page.on("dialog", self._dialog)
        page.goto(url)
        page.wait_for_function("() => window.actorgraphReady === true")

    def _route(self, route):
        if route.request.url.startswith(LOCAL):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def _dialog(self, dialog):
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def js(self, expression: str, arg=None):
        return self.page.evaluate(expression, arg)

    def visible(self) -> list[str]:
        """The types of the edges the network currently draws."""
        return self.js("() => actorgraph.network.body.edgeIndices.map(id => actorgraph.edges.get(id).rel)")

    def point(self, edge_type: str) -> tuple[float, float]:
        """Page coordinates of the middle of the (straight) edge of that type."""
        p = self.js("""t => {
            const n = actorgraph.network, e = actorgraph.edges.get({filter: x => x.rel === t})[0];
            const p = n.getPositions([e.from, e.to]);
            const d = n.canvasToDOM({x: (p[e.from].x + p[e.to].x) / 2, y: (p[e.from].y + p[e.to].y) / 2});
            const r = document.querySelector('#ag-graph canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y];
        }""", edge_type)
        return p[0], p[1]


@pytest.fixture
def view(browser, tmp_path):
    with NetworkXStore(tmp_path / "g.json", write=True) as store:
        store.write(sample_batch())
        render(store, tmp_path / "g.html", title="<img src=x onerror=alert('title')>")
    page = Page(browser, (tmp_path / "g.html").as_uri())
    yield page
    page.context.close()


def test_loads_offline_without_errors(view):
    assert view.requests == [view.page.url]  # the page itself, nothing else
    assert view.blocked == [] and view.failed == [] and view.errors == []


def test_network_holds_the_actors_and_relations(view):
    assert sorted(view.js("() => actorgraph.network.body.nodeIndices")) == [
        "assad", "hezbollah", "iran", "russia", "syria", "usa"]  # the UN has no relation: hidden
    assert sorted(view.visible()) == ["CRITICIZES", "CRITICIZES", "LEADS", "MEETS",
                                      "PROVIDES_MILITARY_AID", "SANCTIONS", "SUPPORTS"]
    assert view.js("() => actorgraph.network.physics.physicsEnabled") is False  # stopped once stable
    assert "7 of 7 relations shown" in view.page.inner_text("#ag-stats")


def test_filters_change_what_is_drawn(view):
    page = view.page
    page.uncheck('input[data-type="CRITICIZES"]')
    assert "CRITICIZES" not in view.visible() and len(view.visible()) == 5
    page.uncheck('input[data-polarity="1"]')
    assert sorted(view.visible()) == ["LEADS", "SANCTIONS"]
    page.check('input[data-polarity="1"]')
    page.check('input[data-type="CRITICIZES"]')
    assert len(view.visible()) == 7

    page.focus("#ag-min-count")
    page.keyboard.press("ArrowRight")  # minimum count 1 -> 2
    assert page.inner_text("#ag-min-count-out") == "2"
    assert sorted(view.visible()) == ["PROVIDES_MILITARY_AID", "SANCTIONS"]
    page.keyboard.press("Home")
    page.eval_on_selector("#ag-min-conf", "e => { e.value = '0.95'; e.dispatchEvent(new Event('input')); }")
    assert sorted(view.visible()) == ["LEADS", "PROVIDES_MILITARY_AID", "SANCTIONS"]
    assert "3 of 7 relations shown" in page.inner_text("#ag-stats")


def test_search_selects_and_focuses_an_actor(view):
    page = view.page
    page.fill("#ag-search-input", "damascus")  # an alias
    page.press("#ag-search-input", "Enter")
    assert view.js("() => actorgraph.network.getSelectedNodes()") == ["syria"]
    page.wait_for_timeout(400)  # the focus animation
    centre = view.js("() => { const n = actorgraph.network, v = n.getViewPosition(), p = n.getPositions(['syria']).syria;"
                     " return Math.hypot(v.x - p.x, v.y - p.y); }")
    assert centre < 1
    assert "Syria" in page.inner_text("#ag-details")
    page.fill("#ag-search-input", "Atlantis")
    page.press("#ag-search-input", "Enter")
    assert "No actor matches" in page.inner_text("#ag-search-msg")


def test_hostile_text_does_not_run(view):
    page = view.page
    x, y = view.point("PROVIDES_MILITARY_AID")  # straight: the middle one of three parallel edges
    page.mouse.move(x, y)
    tooltip = page.wait_for_selector("#ag-edge-tip", state="visible")
    page.mouse.click(x, y)
    page.wait_for_timeout(300)
    for text in (tooltip.inner_text(), page.inner_text("#ag-details")):
        assert HOSTILE[0] in text and HOSTILE[2] in text and HOSTILE[1] in text
    view.js("() => actorgraph.focusActor('assad')")
    assert "<b>Al Assad</b>" in page.inner_text("#ag-details")
    page.mouse.click(5, 5)
    page.wait_for_timeout(200)

    assert view.dialogs == []
    assert view.js("() => window.pwned") is None
    view.js("() => actorgraph.focusActor('russia')")  # an actor's relations, with their evidence
    assert HOSTILE[0] in page.inner_text("#ag-details") and HOSTILE[3] in page.inner_text("#ag-details")
    assert view.js("() => document.querySelectorAll('img, iframe, object, embed, a').length") == 0
    assert view.js("() => document.scripts.length") == 3  # data block, vis-network, view
    assert view.js("() => [...document.querySelectorAll('*')].some(e => [...e.attributes]"
                   ".some(a => a.name.startsWith('on') || /javascript:/i.test(a.value)))") is False
    assert page.title() == "<img src=x onerror=alert('title')>"
    assert view.errors == [] and view.blocked == []


def node_point(view, actor: str) -> tuple[float, float]:
    p = view.js("""id => {
        const n = actorgraph.network, d = n.canvasToDOM(n.getPositions([id])[id]);
        const r = document.querySelector('#ag-graph canvas').getBoundingClientRect();
        return [r.left + d.x, r.top + d.y];
    }""", actor)
    return p[0], p[1]


def test_actors_without_relations_are_hidden_until_asked_for(view):
    page = view.page
    assert "un" not in view.js("() => actorgraph.network.body.nodeIndices")
    assert "6 of 7 actors" in page.inner_text("#ag-stats") and "(1)" in page.inner_text("label.ag-toggle")
    page.check("#ag-show-isolated")
    assert "un" in view.js("() => actorgraph.network.body.nodeIndices")
    assert "7 of 7 actors" in page.inner_text("#ag-stats")
    page.uncheck("#ag-show-isolated")
    page.uncheck('input[data-type="LEADS"]')  # Assad's one relation filtered out: Assad goes too
    assert "assad" not in view.js("() => actorgraph.network.body.nodeIndices")
    page.check('input[data-type="LEADS"]')
    page.fill("#ag-search-input", "United Nations")  # a search finds a hidden actor and shows it
    page.press("#ag-search-input", "Enter")
    assert view.js("() => actorgraph.network.getSelectedNodes()") == ["un"]


def test_clicking_an_actor_lists_its_relations_with_evidence(view):
    page = view.page
    x, y = node_point(view, "usa")
    page.mouse.click(x, y)
    page.wait_for_timeout(200)
    details = page.inner_text("#ag-details")
    assert details.startswith("United States") and "Relations (2)" in details
    for sentence in ("Washington sanctioned Damascus.", "New US sanctions on Syria.", HOSTILE[3]):
        assert sentence in details
    assert view.js("() => document.querySelectorAll('#ag-details blockquote').length") == 3  # 2 + 1
    assert view.js("() => document.querySelectorAll('img, a').length") == 0 and view.dialogs == []


def test_hovering_where_edges_cross_shows_each_of_them(view):
    page = view.page
    view.js("""() => { const n = actorgraph.network;
        n.moveNode('usa', -150, 0); n.moveNode('russia', 150, 0);
        n.moveNode('iran', 0, -150); n.moveNode('hezbollah', 0, 150);
        n.moveNode('syria', 400, 300); n.moveNode('assad', 500, 400); n.moveTo({position: {x: 100, y: 100}, scale: 1}); }""")
    page.wait_for_timeout(100)
    def hover(cx, cy):
        x, y = view.js("""([cx, cy]) => { const d = actorgraph.network.canvasToDOM({x: cx, y: cy});
            const r = document.querySelector('#ag-graph canvas').getBoundingClientRect();
            return [r.left + d.x, r.top + d.y]; }""", [cx, cy])
        page.mouse.move(x, y)
        return page.wait_for_selector("#ag-edge-tip", state="visible").inner_text()
    both = hover(0, 0)  # US -> Russia crosses Iran -> Hezbollah here
    assert "CRITICIZES" in both and "SUPPORTS" in both and HOSTILE[3] in both and HOSTILE[4] in both
    one = hover(-75, 0)
    assert "CRITICIZES" in one and "SUPPORTS" not in one
    page.mouse.move(5, 5)
    assert view.js("() => document.getElementById('ag-edge-tip').hidden")


def big_batch(n_actors: int = 170):
    """A graph the size of a real corpus: many actors, a few hubs, labels of real length."""
    import random

    from actorgraph.graph.model import Actor, Batch, Document, Statement
    from actorgraph.graph.ontology import ActorType, RelType

    rnd = random.Random(5)
    doc = Document.from_text("big", source="big.txt")
    actors = [Actor(f"a{i}", f"Actor Number {i}", list(ActorType)[i % 4], (), 1 + (200 // (i + 1)))
              for i in range(n_actors)]
    types = [t for t in RelType if not t.structural]
    statements = []
    for k in range(int(n_actors * 1.5)):
        a = rnd.randrange(n_actors) if k % 3 else rnd.randrange(10)
        b = rnd.randrange(n_actors)
        if a != b:
            statements.append(Statement.make(subject=f"a{a}", type=rnd.choice(types), object=f"a{b}",
                                             document=doc.id, start=k, end=k + 1, sentence=f"s{k}.",
                                             confidence=0.7))
    for i in range(n_actors):  # everyone has a relation
        statements.append(Statement.make(subject=f"a{i}", type=RelType.MEETS, object=f"a{(i * 7 + 1) % n_actors}",
                                         document=doc.id, start=10_000 + i, end=10_001 + i, sentence="m.",
                                         confidence=0.6))
    return Batch((doc,), tuple(actors), tuple(statements))


def test_labels_are_legible_at_the_first_zoom_of_a_170_actor_graph(browser, tmp_path):
    with NetworkXStore(tmp_path / "big.json", write=True) as store:
        store.write(big_batch())
        render(store, tmp_path / "big.html")
    page = Page(browser, (tmp_path / "big.html").as_uri())
    try:
        assert page.js("() => actorgraph.network.body.nodeIndices.length") == 170
        scale = page.js("() => actorgraph.network.getScale()")
        assert scale < 0.9  # the whole graph is fitted: zoomed out
        assert page.js("() => actorgraph.fontSize()") * scale >= 10.5  # screen pixels
        page.page.screenshot(path=str(tmp_path / "big.png"))
        if os.environ.get("ACTORGRAPH_SCREENSHOTS"):
            import shutil
            shutil.copy(tmp_path / "big.png", os.environ["ACTORGRAPH_SCREENSHOTS"])
        assert page.errors == []
    finally:
        page.context.close()


def test_notebook_frame_shows_the_whole_panel(browser, tmp_path):
    with NetworkXStore(tmp_path / "g.json", write=True) as store:
        store.write(sample_batch())
        view = render(store)
    (tmp_path / "nb.html").write_text("<!DOCTYPE html><html><body><p>In [3]:</p>" + view._repr_html_()
                                      + view._repr_html_() + "</body></html>")  # render() twice in one notebook
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    try:
        page = context.new_page()
        page.goto((tmp_path / "nb.html").as_uri())
        frames = [f for f in page.frames if f != page.main_frame]
        assert len(frames) == 2
        for frame in frames:
            frame.wait_for_function("() => window.actorgraphReady === true", timeout=15_000)
            fits = frame.evaluate("""() => ['ag-min-conf', 'ag-show-isolated', 'ag-details'].map(id =>
                document.getElementById(id).getBoundingClientRect().bottom <= window.innerHeight)""")
            assert fits == [True, True, True]
            assert frame.evaluate("() => actorgraph.network.body.nodeIndices.length") == 6
    finally:
        context.close()
