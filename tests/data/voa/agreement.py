"""Agreement of the two independent annotation passes (passes/a, passes/b), as F1 between them.

    python tests/data/voa/agreement.py [FOLDER]

FOLDER holds passes/a and passes/b (default: this script's folder, the VOA passes; the Lee
passes are in tests/data/lee). Actors of pass B are matched to pass A's through shared names; edges compare as sets per
story, at three levels (pair, signed, typed) and for core edges only. Needs nothing but
the files here.
"""
import json
from pathlib import Path

HERE = Path(__file__).resolve().parent
SYM = {"MEETS", "COOPERATES_WITH", "AGREES_WITH"}
POL = {"MEETS": 1, "SUPPORTS": 1, "AGREES_WITH": 1, "COOPERATES_WITH": 1, "PROVIDES_MILITARY_AID": 1,
       "PROVIDES_AID": 1, "CRITICIZES": -1, "OPPOSES": -1, "THREATENS": -1, "SANCTIONS": -1,
       "ATTACKS": -1, "LEADS": 0, "MEMBER_OF": 0}


def norm(text: str) -> str:
    from actorgraph.graph.names import normalize
    return normalize(text)


def keys(story: dict, amap: dict, level: str, core_only: bool) -> set:
    out = set()
    for r in story["relations"]:
        if core_only and not r["core"]:
            continue
        s, o = amap.get(r["s"], r["s"]), amap.get(r["o"], r["o"])
        if r["rel"] in SYM or level == "pair":
            s, o = sorted((s, o))
        out.add((s, o) + {"pair": (), "signed": (POL[r["rel"]],), "typed": (r["rel"],)}[level])
    return out


def main() -> None:
    import sys
    here = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    totals = {lv: [0, 0, 0] for lv in ("pair", "signed", "typed", "core typed")}
    for fa in sorted((here / "passes" / "a").glob("*.json")):
        fb = here / "passes" / "b" / fa.name
        if not fb.exists():
            continue
        a, b = json.loads(fa.read_text()), json.loads(fb.read_text())
        index = {norm(f): x["id"] for x in a["actors"] for f in [x["id"].replace("-", " "), *x["aliases"]]}
        amap = {y["id"]: next((index[norm(f)] for f in [y["id"].replace("-", " "), *y["aliases"]] if norm(f) in index),
                              y["id"]) for y in b["actors"]}
        for lv in totals:
            level = "typed" if lv == "core typed" else lv
            ka, kb = keys(a, {}, level, lv == "core typed"), keys(b, amap, level, lv == "core typed")
            totals[lv][0] += len(ka & kb)
            totals[lv][1] += len(ka)
            totals[lv][2] += len(kb)
    for lv, (both, na, nb) in totals.items():
        print(f"{lv:<11} F1 agreement {2 * both / (na + nb):.3f}  (in both {both}, pass A {na}, pass B {nb})")


if __name__ == "__main__":
    main()
