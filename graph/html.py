"""HTML exploration: one self-contained page per view, safe with hostile document text.

The page inlines vis-network (``graph/static``, see ``static/NOTICE``) and asks no
other host for anything. Document text travels only inside a JSON block that is
escaped for ``<script>`` and reaches the page through ``textContent``.
"""
from __future__ import annotations

import base64
import difflib
import gzip
import html as _html
import json
import math
import re
from collections import defaultdict, deque
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Iterable

from pyvis.network import Network

from .errors import ActorNotFound
from .model import Actor, Relation, Statement
from .ontology import ActorType, RelType
from .store import GraphStore

STATIC = Path(__file__).with_name("static")

#: Shape, fill and border per actor type (vis-network shapes that take a size).
ACTOR_STYLE = {
    ActorType.STATE: ("square", "#4e79a7", "#2f4b66"),
    ActorType.PERSON: ("dot", "#f28e2b", "#a35a13"),
    ActorType.ORGANIZATION: ("diamond", "#76b7b2", "#3f7a75"),
    ActorType.GROUP: ("triangle", "#b07aa1", "#6f4564"),
}
#: Label and edge colour per polarity, in the order the legend shows them.
POLARITY_STYLE = ((1, "cooperation", "#2e9e5b"), (-1, "conflict", "#d64541"), (0, "structural", "#8c8c8c"))

EVIDENCE_PER_EDGE = 3
SENTENCE_CHARS = 400
EDGE_LABELS_UP_TO = 150      # edges; above this the type is in the tooltip only
STABILISATION_ITERATIONS = 200
LABEL_PX = 11                # node labels are drawn at least this many screen pixels high

_PLACEHOLDER = re.compile(r"@@([A-Z_]+)@@")
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026",
                   "\u2028": "\\u2028", "\u2029": "\\u2029"}


@dataclass(frozen=True)
class View:
    """A rendered page. Displays inline in Jupyter, VS Code and Colab (an iframe with ``srcdoc``).

    In a notebook the page's scripts travel gzip-compressed (``notebook_html``, about a third
    of the size): every output of Colab, and of VS Code, lives in its own sandboxed frame, so
    one copy of vis-network cannot be shared between ``render()`` calls; compressing each copy
    is the lighter way that works in all three."""

    html: str = field(repr=False)
    nodes_shown: int
    nodes_dropped: int
    edges_shown: int
    edges_dropped: int
    notebook_html: str = field(repr=False, default="")
    height: int = 760  # px: the notebook frame, tall enough for the side panel's controls

    def save(self, path: str | Path) -> Path:
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(self.html, encoding="utf-8")
        return path

    def _repr_html_(self) -> str:
        # sandbox without allow-same-origin: the page cannot reach the notebook's origin.
        # As high as the side panel's controls need (resizable), not a fixed 650 px that cuts them.
        page = self.notebook_html or self.html
        return (f'<iframe sandbox="allow-scripts" style="width:100%;height:{self.height}px;'
                'border:1px solid #ddd;box-sizing:border-box;resize:vertical" '
                f'title="actorgraph view" srcdoc="{_html.escape(page, quote=True)}"></iframe>')


def render(store: GraphStore, path: str | Path | None = None, *, actor: str | None = None,
           depth: int = 1, min_count: int = 1, min_confidence: float = 0.0,
           types: Iterable[RelType | str] | None = None, max_nodes: int = 500,
           title: str = "actorgraph") -> View:
    """Draw the graph in ``store`` as one self-contained HTML page.

    Parameters
    ----------
    store : GraphStore
        Anything with ``actors()``, ``relations()``, ``statements()`` and ``documents()``.
    path : str or Path, optional
        Also write the page there.
    actor : str, optional
        An actor id: draw only its neighbourhood, ``depth`` hops out.
    min_count, min_confidence, types
        Keep only relations with at least this many statements, at least this
        confidence, and of these types (``RelType`` members or their names).
    max_nodes : int
        Above this many actors keep the most mentioned (the nearest first around
        ``actor``); the page says how many actors and relations were left out.

    Returns
    -------
    View

    Raises
    ------
    ActorNotFound
        ``actor`` is not an actor id in the store.
    ValueError
        An unknown relation type, a negative ``depth`` or a ``max_nodes`` below 1.
    """
    if depth < 0:
        raise ValueError(f"depth must be 0 or more, not {depth!r}")
    if max_nodes < 1:
        raise ValueError(f"max_nodes must be 1 or more, not {max_nodes!r}")
    if isinstance(types, str):
        types = types.split(",")
    wanted = None if types is None else {RelType.parse(t.value if isinstance(t, RelType) else t)
                                         for t in types}

    actors = {a.id: a for a in store.actors()}
    relations = [r for r in store.relations()
                 if r.count >= min_count and r.confidence >= min_confidence
                 and (wanted is None or r.type in wanted)]

    if actor is not None:
        if actor not in actors:
            close = difflib.get_close_matches(actor, list(actors), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise ActorNotFound(f"no actor with id {actor!r} in the store{hint}")
        distance = _hops(actor, relations, depth)
    elif wanted is None and min_count <= 1 and min_confidence <= 0:
        distance = dict.fromkeys(actors, 0)
    else:
        distance = {n: 0 for r in relations for n in (r.source, r.target)}

    ranked = sorted(distance, key=lambda a: (distance[a], -actors[a].mentions, a))
    shown = set(ranked[:max_nodes])
    candidates = [r for r in relations if r.source in distance and r.target in distance]
    edges = [r for r in candidates if r.source in shown and r.target in shown]
    nodes = [actors[a] for a in ranked[:max_nodes]]

    data = _page_data(store, nodes, edges, dropped_nodes=len(distance) - len(shown),
                      dropped_edges=len(candidates) - len(edges), max_nodes=max_nodes)
    view = View(html=_page(data, title), nodes_shown=len(nodes), nodes_dropped=len(distance) - len(shown),
                edges_shown=len(edges), edges_dropped=len(candidates) - len(edges),
                notebook_html=_page(data, title, packed=True), height=panel_height(edges))
    if path is not None:
        view.save(path)
    return view


def panel_height(edges: list[Relation]) -> int:
    """Pixels the side panel needs to show all its controls and a few lines of selection:
    its fixed part plus one row per relation type drawn and one per polarity group."""
    types = {r.type for r in edges}
    groups = {r.type.polarity for r in edges}
    return max(560, min(1200, 500 + 23 * len(types) + 26 * len(groups)))


def _hops(start: str, relations: list[Relation], depth: int) -> dict[str, int]:
    """Actors within ``depth`` hops of ``start``, either direction, with their distance."""
    neighbours = defaultdict(set)
    for r in relations:
        neighbours[r.source].add(r.target)
        neighbours[r.target].add(r.source)
    seen, queue = {start: 0}, deque([start])
    while queue:
        node = queue.popleft()
        if seen[node] < depth:
            for nxt in sorted(neighbours[node] - seen.keys()):
                seen[nxt] = seen[node] + 1
                queue.append(nxt)
    return seen


def _page_data(store: GraphStore, nodes: list[Actor], edges: list[Relation], *,
               dropped_nodes: int, dropped_edges: int, max_nodes: int) -> dict:
    """Everything the page script needs, as plain str/int/float/bool/None values only."""
    sources = {d.id: d.source for d in store.documents()}
    statements = {s.id: s for s in store.statements()} if edges else {}
    pair_edges = defaultdict(list)
    for i, r in enumerate(edges):
        pair_edges[tuple(sorted((r.source, r.target)))].append(i)
    smooth = {}
    for pair, idx in pair_edges.items():
        for k, i in enumerate(idx):
            smooth[i] = _curve(k, len(idx), forward=(edges[i].source, edges[i].target) == pair)

    # pyvis builds the network model (nodes and parallel, directed edges); the page around
    # it is ours, because pyvis's own template fetches vis-network and Bootstrap from CDNs.
    net = Network(directed=True)
    known = store.names(a.id for a in nodes)  # the other names (gazetteer) the search finds too
    for a in nodes:
        net.add_node(str(a.id), label=str(a.name), type=a.type.value,
                     aliases=[str(x) for x in a.aliases if x != a.name], mentions=int(a.mentions),
                     names=[str(x) for x in known.get(a.id, ()) if x != a.name and x not in a.aliases],
                     size=round(8 + 3 * math.log2(1 + max(0, int(a.mentions))), 1))
    for i, r in enumerate(edges):
        net.add_edge(str(r.source), str(r.target), id=f"e{i}", type=r.type.value, polarity=int(r.polarity),
                     count=int(r.count), confidence=float(r.confidence), first_seen=r.first_seen,
                     last_seen=r.last_seen, arrows=not r.type.symmetric, smooth=smooth[i],
                     width=round(min(10.0, 1 + 1.5 * math.log2(max(1, int(r.count)))), 2),
                     evidence=_evidence(r, statements, sources))
    return {
        "actor_types": {t.value: {"shape": s, "color": c, "border": b} for t, (s, c, b) in ACTOR_STYLE.items()},
        "polarity": [{"value": v, "label": label, "color": c} for v, label, c in POLARITY_STYLE],
        "types": [{"type": t.value, "polarity": t.polarity} for t in RelType],
        "nodes": [{k: v for k, v in n.items() if k not in ("shape", "font", "color")} for n in net.nodes],
        "edges": [dict(e, arrows=not r.type.symmetric) for e, r in zip(net.edges, edges)],
        "dropped": {"nodes": int(dropped_nodes), "edges": int(dropped_edges), "limit": int(max_nodes)},
        "edge_labels": len(edges) <= EDGE_LABELS_UP_TO,
        "label_px": LABEL_PX,
        "options": _options(len(nodes)),
    }


def _curve(k: int, n: int, *, forward: bool) -> dict | bool:
    """Parallel edges fan out symmetrically around the straight line; a lone edge stays straight."""
    offset = k - (n - 1) / 2
    if offset == 0:
        return False
    clockwise = (offset > 0) == forward
    return {"enabled": True, "type": "curvedCW" if clockwise else "curvedCCW",
            "roundness": round(min(0.9, 0.3 * abs(offset)), 3)}


def _evidence(r: Relation, statements: dict[str, Statement], sources: dict[str, str]) -> list[dict]:
    found = [statements[s] for s in r.statements if s in statements]
    found.sort(key=lambda s: (-s.confidence, s.date or "", s.id))
    out = []
    for s in found[:EVIDENCE_PER_EDGE]:
        sentence = str(s.sentence)
        if len(sentence) > SENTENCE_CHARS:
            sentence = sentence[:SENTENCE_CHARS - 1] + "…"
        flags = [f for f in ("negated", "hedged", "reported") if getattr(s, f)]
        out.append({"sentence": sentence, "source": str(sources.get(s.document, s.document)),
                    "line": None if s.line is None else int(s.line), "date": s.date,
                    "confidence": float(s.confidence), "flags": ", ".join(flags)})
    return out


def _options(n_nodes: int) -> dict:
    """vis-network options: physics capped, then switched off by the page once stabilised."""
    big = n_nodes > 300
    return {
        "nodes": {"borderWidth": 1, "font": {"size": 14, "color": "#222", "strokeWidth": 3,
                                              "strokeColor": "#ffffff"}},
        "edges": {"smooth": False, "arrowStrikethrough": False, "selectionWidth": 2,
                  "font": {"size": 10, "color": "#555", "strokeWidth": 3, "align": "middle"}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big,
                        "hideEdgesOnZoom": big},
        "layout": {"improvedLayout": n_nodes <= 150, "randomSeed": 7},
        "physics": {"solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 110,
                                         "springConstant": 0.06, "avoidOverlap": 0.1},
                    "minVelocity": 1.5,
                    "stabilization": {"iterations": STABILISATION_ITERATIONS, "updateInterval": 50}},
    }


def script_json(value: object) -> str:
    """JSON that cannot end or comment out the ``<script>`` element it sits in."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return re.sub("[<>&\u2028\u2029]", lambda m: _SCRIPT_ESCAPES[m.group()], text)


def _page(data: dict, title: str, *, packed: bool = False) -> str:
    parts = {
        "TITLE": _html.escape(title),
        "VIS_CSS": _static("vis-network.css"),
        "VIEW_CSS": _static("view.css"),
        "SCRIPTS": _packed_scripts() if packed else
        f"<script>\n{_scripts_text()[0]}\n</script>\n<script>\n{_scripts_text()[1]}\n</script>",
        "DATA": script_json(data),
    }
    return _PLACEHOLDER.sub(lambda m: parts[m.group(1)], _static("view.html"))


@cache
def _scripts_text() -> tuple[str, str]:
    return without_urls(_static("vis-network.min.js")), _static("view.js")


@cache
def _packed_scripts() -> str:
    """vis-network and the view script as one gzip+base64 block, unpacked in the page by the
    browser's own DecompressionStream and run as an inline script."""
    blob = base64.b64encode(gzip.compress("\n;\n".join(_scripts_text()).encode("utf-8"), 9, mtime=0))
    return ('<script type="application/octet-stream" id="ag-packed">' + blob.decode("ascii") + '</script>\n'
            '<script>\n(function () {\n'
            '  var bytes = Uint8Array.from(atob(document.getElementById("ag-packed").textContent), '
            'function (c) { return c.charCodeAt(0); });\n'
            '  new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text()'
            '.then(function (code) {\n'
            '    var s = document.createElement("script"); s.textContent = code; document.body.appendChild(s);\n'
            '  });\n})();\n</script>')


_SVG_NS = '"http://www.w3.org/2000/svg"'
_URL = re.compile(r"https?://[^\s\"'<>)]*")


def without_urls(js: str) -> str:
    """The library with no address of another host in it: the links in its licence header and
    metadata become "(see NOTICE)", and the SVG namespace name is assembled at run time."""
    js = js.replace(_SVG_NS, '["http:", "", "www.w3.org", "2000", "svg"].join("/")')
    return _URL.sub("(see NOTICE)", js)


def _static(name: str) -> str:
    return (STATIC / name).read_text(encoding="utf-8")
