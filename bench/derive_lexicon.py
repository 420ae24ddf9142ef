"""Trigger-lexicon entries derived from the CAMEO verb dictionary and WordNet, kept only where
they hold on the gold sets.

    python bench/derive_lexicon.py [--cameo FILE] [--wordnet DIR] [--candidates FILE]
                                   [--out FILE] [--report FILE] [--min-precision P]

1. Candidates. CAMEO (PETRARCH-2 ``CAMEO.2.0.txt``): each verb of a synonym block takes its own
   code or the block's; multi-word verbs (``+SIDE_WITH``) and one-element phrase patterns
   (``- * SANCTIONS [163]``, ``- * (AGAINST) [...]``) become phrasal triggers ("verb word"; a
   noun in both numbers, as the trigger matches the object as written). A
   code's root gives the type (``TYPE_OF_CODE``); the rest map to nothing. WordNet (optional,
   the Debian ``wordnet-base`` files, read with nltk): synonyms of the first two senses of every
   trigger verb, and noun-verb derivations (verbs of trigger nouns, event nouns of trigger
   verbs), seeded by cues.json and the CAMEO verbs. A word the shipped lexicon already has, in
   any list, is no candidate. ``--candidates`` writes them in the cue-file format; without the
   gold sets (``--no-validate``) the script stops there.
2. Validation. Every gold set we may tune on (examples/, later2..5, the VOA development set) is
   parsed once; each candidate alone is layered onto the lexicon and the documents holding its
   word are analysed again. Each statement it adds (or removes) is judged against the gold
   relations of its own sentence: right (the typed edge), near (the polarity only) or wrong;
   a right statement of another type than the entry's, or of "X and Y together", is borrowed
   (neither right nor wrong for the entry).
   It is kept when it adds at least one right statement and its own precision (right /
   (right + near + wrong), removals counted back) is at least ``--min-precision``. ``heldout`` is not used, so it
   stays a check. Where one word passes under two types, the one with more right statements stays.
3. ``--out`` writes the kept entries (cue-file format, with verb_preps for "verb preposition"
   triggers); ``--report`` the per-entry judgement.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CAMEO = ROOT.parent / "shared" / "reference" / "petrarch2" / "CAMEO.2.0.txt"
WORDNET = Path("/usr/share/wordnet")
TUNE_SETS = ("gold", "later2", "later3", "later4", "later5", "voa-dev")

#: CAMEO code (its first part, before any ":") -> our relation type, longest prefix first.
TYPE_OF_CODE = {"057": "AGREES_WITH", "072": "PROVIDES_MILITARY_AID", "074": "PROVIDES_MILITARY_AID",
                "03": "SUPPORTS", "04": "MEETS", "05": "SUPPORTS", "06": "COOPERATES_WITH",
                "07": "PROVIDES_AID", "11": "CRITICIZES", "12": "OPPOSES", "13": "THREATENS",
                "16": "SANCTIONS", "18": "ATTACKS", "19": "ATTACKS", "20": "ATTACKS"}
PREPOSITIONS = {"against", "at", "by", "for", "from", "in", "into", "of", "on", "over", "to", "toward",
                "towards", "under", "upon", "with", "without", "about", "across", "after", "among",
                "around", "behind", "between", "through", "within"}
#: Statements of these families credit no trigger: "X and Y together <verb>" makes co-subjects
#: cooperate whatever the verb means.
BORROWED = ("together/1",)
#: Post-verb words that are particles, never nouns (no plural).
PARTICLES = {"up", "down", "out", "off", "away", "back", "forward", "together", "apart", "aside", "over"}
#: WordNet noun classes that name an act or event (a trigger noun), not a thing or a person.
EVENT_LEXNAMES = {"noun.act", "noun.event", "noun.communication", "noun.possession"}
#: The WordNet lexicographer files, in their fixed order (``lexnames(5WN)``); Debian's
#: wordnet-base lacks the ``lexnames`` file nltk reads, so it is written beside a copy.
LEXNAMES = ("adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
            "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
            "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
            "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
            "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
            "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather "
            "adj.ppl").split()


@dataclass
class Candidate:
    kind: str  # verbs | phrasal | nominals
    word: str
    type: str
    source: str  # cameo | wordnet
    why: str = ""
    prep: str = ""  # a "verb preposition" trigger: the preposition that takes the object
    verdict: dict = field(default_factory=dict)

    @property
    def key(self) -> tuple[str, str, str]:
        return self.kind, self.word, self.type


def type_of(code: str) -> str | None:
    code = code.split(":")[0].strip()
    if not code.isdigit():
        return None
    for prefix in sorted(TYPE_OF_CODE, key=len, reverse=True):
        if code.startswith(prefix):
            return TYPE_OF_CODE[prefix]
    return None


CODE = re.compile(r"\[([^\]]*)\]")


def parse_cameo(text: str) -> list[Candidate]:
    """Candidates of a CAMEO-format verb dictionary (the part after ``VERB PATTERNS``)."""
    out: list[Candidate] = []
    lines = text.splitlines()
    start = next((i for i, ln in enumerate(lines) if "VERB PATTERNS" in ln), -1) + 1
    block_code, verbs = "---", []

    def add(kind, word, code, why, prep=""):
        t = type_of(code)
        if t and word:
            out.append(Candidate(kind, word, t, "cameo", why, prep))

    for line in lines[start:]:
        line = line.rstrip()
        if line.startswith("---"):
            m = CODE.search(line)
            block_code, verbs = (m.group(1) if m else "---"), []
            continue
        if not line.strip() or line.startswith("#") or line.startswith("~"):
            continue
        body, _, comment = line.partition("#")
        code_m = CODE.search(body)
        code = code_m.group(1) if code_m else None
        body = CODE.sub(" ", body).strip()
        if line.startswith("-"):  # a phrase pattern: "- [pre] * [post] [code] # VERB"
            if code is None or "*" not in body:
                continue
            pre, _, post = body[1:].partition("*")
            said = comment.split()[0].lower() if comment.split() else ""
            applies = [v for v in verbs if v == said] or verbs
            word, prep = _one_element(post.strip(), line)
            if pre.strip() or not word:
                continue
            forms = [word] if prep or word in PARTICLES else [word, other_number(word)]
            for v in applies:
                for w in forms if " " not in v else ():
                    add("phrasal", f"{v} {w}", code, f"{line.split('#')[0].strip()}  # {v}", prep)
            continue
        body = re.sub(r"\{[^}]*\}", " ", body)  # a verb's irregular forms
        token = body.split()[0] if body.split() else ""
        if not token:
            continue
        own = code or block_code
        if token.startswith("+") and "_" in token:  # "+SIDE_WITH": the verb, then its particle
            words = token[1:].lower().split("_")
            if len(words) == 2:
                verbs.append(" ".join(words))
                add("phrasal", " ".join(words), own, line.strip(), words[1] if words[1] in PREPOSITIONS else "")
            continue
        if "_" in token or "+" in token or not re.fullmatch(r"[A-Z][A-Z'-]*", token):
            continue  # "WIRE_+TAP": the verb is not first
        verbs.append(token.lower())
        add("verbs", token.lower(), own, line.strip())
    return out


def other_number(noun: str) -> str:
    """The regular plural of a singular noun, or the singular of a regular plural: a phrasal
    trigger matches the object as written ("impose sanctions", "impose a sanction")."""
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith(("sses", "shes", "ches", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss"):
        return noun[:-1]
    if noun.endswith("y") and noun[-2:-1] not in "aeiou":
        return noun[:-1] + "ies"
    return noun + ("es" if noun.endswith(("s", "sh", "ch", "x")) else "s")


def _one_element(post: str, line: str) -> tuple[str, str]:
    """The word a one-element post-verb part gives a phrasal trigger ("verb word"), and the
    preposition when it is one: ``SANCTIONS`` -> sanctions, ``{ARMS SHIPMENT}`` -> shipment
    (the head), ``(AGAINST)`` or ``(AGAINST X)`` -> against. Anything longer gives nothing."""
    if not post or any(c in post for c in "&$^%"):
        return "", ""
    elements = re.findall(r"\([^)]*\)|\{[^}]*\}|[^\s(){}]+", post)
    if len(elements) != 1:
        return "", ""
    el = elements[0]
    if el.startswith("("):
        words = el[1:-1].split()
        prep = words[0].lower() if words else ""
        return (prep, prep) if prep in PREPOSITIONS else ("", "")
    if el.startswith("{"):
        words = el[1:-1].split()
        return (words[-1].lower(), "") if words else ("", "")
    return (el.lower(), "") if re.fullmatch(r"[A-Z][A-Z-]*", el) else ("", "")


def wordnet_reader(folder: Path):
    """nltk's WordNet reader over the Debian files, from a private copy that has ``lexnames``."""
    import shutil

    import nltk.data
    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    copy = Path(tempfile.mkdtemp(prefix="wordnet-"))
    for f in folder.iterdir():
        if f.is_file():
            shutil.copy(f, copy / f.name)
    (copy / "lexnames").write_text("".join(f"{i:02d}\t{n}\t{0}\n" for i, n in enumerate(LEXNAMES)))
    nltk.data.path.append(str(copy))
    class Reader(WordNetCorpusReader):
        def map_wn(self, version="wordnet"):  # no mapping to another WordNet version wanted
            return None

    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return Reader(str(copy), None)


def wordnet_candidates(wn, seeds: list[tuple[str, str, str]]) -> list[Candidate]:
    """Synonyms (first two senses) and noun-verb derivations of the seed triggers
    (kind, word, type); single words only, event nouns only."""
    out = []
    for kind, word, rel in seeds:
        if kind == "verbs":
            for syn in wn.synsets(word, "v")[:2]:
                for lem in syn.lemmas():
                    name = lem.name().lower()
                    if "_" not in name and name != word:
                        out.append(Candidate("verbs", name, rel, "wordnet", f"synonym of {word!r} ({syn.name()})"))
                    if name == word:
                        for d in lem.derivationally_related_forms():
                            dn = d.name().lower()
                            if d.synset().pos() == "n" and "_" not in dn and d.synset().lexname() in EVENT_LEXNAMES:
                                out.append(Candidate("nominals", dn, rel, "wordnet", f"noun of {word!r}"))
        elif kind == "nominals":
            for syn in wn.synsets(word, "n")[:2]:
                for lem in syn.lemmas():
                    name = lem.name().lower()
                    if name == word:
                        for d in lem.derivationally_related_forms():
                            if d.synset().pos() == "v" and "_" not in d.name():
                                out.append(Candidate("verbs", d.name().lower(), rel, "wordnet", f"verb of {word!r}"))
                    elif "_" not in name and syn.lexname() in EVENT_LEXNAMES and syn is wn.synsets(word, "n")[0]:
                        out.append(Candidate("nominals", name, rel, "wordnet", f"synonym of {word!r} ({syn.name()})"))
    return out


def known_words(lex) -> dict[str, set[str]]:
    """Words the lexicon already gives a role, per candidate kind (a word in any list counts)."""
    from actorgraph.loaders.lexicon import _FIELDS, CUE_KINDS
    lists = set()
    for name in _FIELDS:
        value = getattr(lex, name)
        lists |= set(value) if not isinstance(value, dict) else set(value)
    triggers = set().union(*(set(getattr(lex, k)) for k in CUE_KINDS))
    return {"verbs": lists | triggers, "nominals": lists | triggers, "phrasal": set(lex.phrasal)}


def fresh(cands: list[Candidate], lex) -> list[Candidate]:
    """One candidate per (kind, word, type), the first source's, less what the lexicon has;
    a phrasal trigger whose verb alone already gives the same type adds nothing."""
    known = known_words(lex)
    verb_type = {c.word: c.type for c in cands if c.kind == "verbs"}
    seen, out = set(), []
    for c in cands:
        if c.key in seen or c.word in known[c.kind] or not re.fullmatch(r"[a-z][a-z' -]*[a-z]", c.word):
            continue
        if c.kind == "phrasal":
            verb = c.word.split()[0]
            if lex.verbs.get(verb) and lex.verbs[verb].value == c.type or verb_type.get(verb) == c.type:
                continue
        seen.add(c.key)
        out.append(c)
    return out


def cue_file(cands: list[Candidate], about: str) -> dict:
    """Candidates in the cue-file format (one word per kind under one type)."""
    data: dict = {"about": about}
    for c in sorted(cands, key=lambda c: (c.type, c.kind, c.word)):
        data.setdefault(c.type, {}).setdefault(c.kind, []).append(c.word)
    preps = {c.word.split()[0]: [c.prep] for c in cands if c.kind == "phrasal" and c.prep}
    if preps:
        data["verb_preps"] = dict(sorted(preps.items()))
    return data


# -- validation on the gold -------------------------------------------------------------------

class Memory:
    """The three reads ``evaluate`` makes of a store, over analyses held in memory."""

    def __init__(self, analyses: dict, sources: dict):
        from actorgraph.loaders.pipeline import merge_actors
        self._actors = merge_actors(a for r in analyses.values() for a in r.actors)
        self._statements = [s for r in analyses.values() for s in r.statements]
        self._documents = [s.document for s in sources.values()]

    def actors(self):
        return self._actors

    def statements(self):
        return self._statements

    def documents(self):
        return self._documents


@dataclass
class GoldSet:
    name: str
    gold: object
    parsed: list  # (doc, source, offset)
    words: dict  # source id -> the lemmas and lower forms of its tokens
    base: dict  # source id -> Analysis
    sources: dict
    at: dict  # document name -> its gold relations (gold_sentences)
    names: dict  # document id -> the names a gold "doc" may give it


def load_sets(pipeline, names, tmp: Path) -> list[GoldSet]:
    sys.path.insert(0, str(ROOT / "bench"))
    from gold_sets import voa_docs

    from actorgraph.loaders.pipeline import IngestReport, read_sources
    from actorgraph.queries.evaluate import Gold, document_names
    out = []
    for name in names:
        if name == "gold":
            docs, gold = ROOT / "examples", Gold.load(ROOT / "tests" / "data" / "gold")
        elif name == "voa-dev":
            gold = Gold.load(ROOT / "tests" / "data" / "voa" / "dev" / "gold")
            docs = voa_docs(gold, tmp)
        else:
            docs, gold = ROOT / "tests" / "data" / name / "docs", Gold.load(ROOT / "tests" / "data" / name / "gold")
        sources = {s.document.id: s for s in read_sources([docs], IngestReport(), set())}
        parsed = [(doc, src, off) for doc, (src, off, _) in pipeline.docs(list(sources.values()))]
        words: dict[str, set[str]] = defaultdict(set)
        for doc, src, _ in parsed:
            words[src.document.id] |= {t.lemma_.lower() for t in doc} | {t.lower_ for t in doc}
        folder = ROOT / "tests" / "data" / ("gold" if name == "gold" else "voa/dev/gold" if name == "voa-dev"
                                            else f"{name}/gold")
        names = {i: document_names(s.document.source) for i, s in sources.items()}
        gs = GoldSet(name, gold, parsed, dict(words), {}, sources, gold_sentences(folder), names)
        gs.base = analyse(pipeline, gs, set(sources))
        out.append(gs)
    return out


def analyse(pipeline, gs: GoldSet, ids: set[str]) -> dict:
    out = {}
    for doc, src, off in gs.parsed:
        i = src.document.id
        if i in ids:
            r = pipeline.analyse(doc, src, off)
            out[i] = r if i not in out else out[i].plus(r)
    return out


def gold_sentences(folder: Path) -> dict:
    """Document name -> the gold relations stated in it, each with its sentence (line and
    offsets, or line and evidence text)."""
    from actorgraph.graph import RelType
    from actorgraph.queries.evaluate import Edge
    out = defaultdict(list)
    for path in sorted(folder.rglob("relations.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                r = json.loads(line)
                out[str(r.get("doc", ""))].append((r.get("line"), r.get("start"), r.get("end"), r.get("evidence") or "",
                                                    Edge(r["s"], RelType.parse(r["rel"]), r["o"])))
    return dict(out)


def judge(st, amap: dict, gs: GoldSet) -> str | None:
    """A statement against the gold relations of its own sentence: right (the typed edge),
    near (the signed edge only) or wrong; None for an edge of an actor with itself, which
    ``evaluate`` does not score."""
    from actorgraph.queries.evaluate import Edge
    e = Edge(amap.get(st.subject, "?" + st.subject), st.type, amap.get(st.object, "?" + st.object))
    if e.s == e.o:
        return None
    out = "wrong"
    for name in gs.names[st.document]:
        for line, start, end, evidence, g in gs.at.get(name, ()):
            if start is not None:
                same = start < st.end and st.start < end
            else:
                same = line == st.line and (not evidence or evidence.strip() in st.sentence
                                            or st.sentence.strip() in evidence)
            if same and e.keys("typed") & g.keys("typed"):
                return "right"
            if same and e.keys("signed") & g.keys("signed"):
                out = "near"
    return out


def validate(cands: list[Candidate], sets: list[GoldSet], nlp, gazetteer, base_lex_files=()) -> None:
    """Fill each candidate's verdict: the statements it adds and removes on the tuning sets, judged."""
    from actorgraph.loaders.lexicon import Lexicon
    from actorgraph.loaders.pipeline import Pipeline
    from actorgraph.queries.evaluate import match_actors
    base_maps = {gs.name: match_actors(Memory(gs.base, gs.sources), gs.gold) for gs in sets}
    with tempfile.TemporaryDirectory() as tmp:
        for n, c in enumerate(cands, 1):
            need = set(c.word.split())
            if not any(need <= w for gs in sets for w in gs.words.values()):
                continue  # no tuning document has the word: nothing to judge
            path = Path(tmp) / "one.json"
            path.write_text(json.dumps(cue_file([c], "one candidate")))
            lex = Lexicon.load(*base_lex_files, path, derived=False)
            pipe = Pipeline(nlp=nlp, gazetteer=gazetteer, lexicon=lex)
            v = Counter()
            examples = []
            for gs in sets:
                ids = {i for i, w in gs.words.items() if need <= w}
                if not ids:
                    continue
                now = dict(gs.base)
                now.update(analyse(pipe, gs, ids))
                amap = match_actors(Memory(now, gs.sources), gs.gold)
                for i in ids:
                    old = {st.id: st for st in gs.base[i].statements}
                    new = {st.id: st for st in now[i].statements}
                    for st in new.values():
                        if st.id not in old and (j := judge(st, amap, gs)):
                            if j == "right" and (st.type.value != c.type or st.pattern.endswith(BORROWED)):
                                j = "borrowed"  # right, but not for the entry's own reading
                            v[j] += 1
                            examples.append(f"{gs.name}: {st.subject} {st.type.value} {st.object} "
                                            f"(doc {st.document[:12]}, line {st.line}): {j}")
                    for st in old.values():
                        if st.id not in new and (j := judge(st, base_maps[gs.name], gs)):
                            v["lost_" + j] += 1
            c.verdict = dict(v, examples=examples[:6])
            if n % 50 == 0:
                print(f"  validated {n}/{len(cands)}", file=sys.stderr)


#: Entries that pass on the gold but were read and refused: (kind, word, type) -> why.
REFUSED = {("verbs", "monitor", "COOPERATES_WITH"):
           "all its credit is one sentence about a joint team; 'X monitors Y' is mostly surveillance"}


def kept(c: Candidate, min_precision: float) -> bool:
    if c.key in REFUSED:
        return False
    v = c.verdict
    right = v.get("right", 0) - v.get("lost_right", 0)
    wrong = v.get("wrong", 0) + v.get("near", 0) - v.get("lost_wrong", 0) - v.get("lost_near", 0)
    return right >= 1 and right / (right + max(wrong, 0)) >= min_precision


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cameo", type=Path, default=CAMEO)
    ap.add_argument("--wordnet", type=Path, default=WORDNET, help="the WordNet dict folder ('' for none)")
    ap.add_argument("--candidates", type=Path, help="write every candidate here (cue-file format)")
    ap.add_argument("--no-validate", action="store_true", help="derive candidates only (no gold, no spaCy)")
    ap.add_argument("--out", type=Path, default=ROOT / "loaders" / "data" / "cues_cameo.json")
    ap.add_argument("--report", type=Path, help="the per-entry judgement, as JSON")
    ap.add_argument("--min-precision", type=float, default=0.5,
                    help="an entry's right / (right + near + wrong) at least this (0.5: no more wrong than right)")
    ap.add_argument("--from-report", type=Path, help="reuse the verdicts of an earlier --report (judge only "
                                                      "candidates it lacks)")
    ap.add_argument("--sets", default=",".join(TUNE_SETS))
    args = ap.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from actorgraph.loaders.lexicon import Lexicon
    lex = Lexicon.load(derived=False)
    try:
        text = args.cameo.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        sys.exit(f"{args.cameo}: cannot read ({e.strerror or e})")
    cameo = fresh(parse_cameo(text), lex)
    wordnet: list[Candidate] = []
    if str(args.wordnet) not in ("", ".") and args.wordnet.is_dir():
        wn = wordnet_reader(args.wordnet)
        seeds = [(k, w, r.value) for k in ("verbs", "nominals") for w, r in getattr(lex, k).items()]
        seeds += [(c.kind, c.word, c.type) for c in cameo if c.kind == "verbs"]
        have = {c.key for c in cameo}
        wordnet = [c for c in fresh(wordnet_candidates(wn, seeds), lex) if c.key not in have]
    cands = cameo + wordnet
    count = Counter(c.source for c in cands)
    print(f"candidates: {count['cameo']} from CAMEO, {count['wordnet']} from WordNet", file=sys.stderr)
    if args.candidates:
        args.candidates.write_text(json.dumps(cue_file(cands, f"candidates: {dict(count)}"), indent=1) + "\n")
    if args.no_validate:
        return
    from actorgraph.loaders.lexicon import Gazetteer
    from actorgraph.loaders.pipeline import Pipeline
    todo = cands
    if args.from_report:
        old = {(r["kind"], r["word"], r["type"]): r for r in json.loads(args.from_report.read_text())}
        for c in cands:
            if c.key in old:
                c.verdict = {k: v for k, v in old[c.key].items()
                             if k not in ("kind", "word", "type", "source", "why", "kept")}
        todo = [c for c in cands if c.key not in old]
    if todo:
        pipeline = Pipeline(lexicon=lex)
        with tempfile.TemporaryDirectory() as tmp:
            sets = load_sets(pipeline, [s for s in args.sets.split(",") if s], Path(tmp))
            validate(todo, sets, pipeline.nlp, Gazetteer.load())
    if args.report:
        write_report(args.report, cands, set())
    keep = [c for c in cands if kept(c, args.min_precision)]
    best: dict[tuple[str, str], Candidate] = {}
    for c in keep:  # one type per word: the one with more right statements
        other = best.get((c.kind, c.word))
        if other is None or c.verdict.get("right", 0) > other.verdict.get("right", 0):
            best[(c.kind, c.word)] = c
    keep = list(best.values())
    got = Counter(c.source for c in keep)
    seen = Counter(c.source for c in cands if "examples" in c.verdict)
    moved = Counter(c.source for c in cands if any(n for k, n in c.verdict.items() if k != "examples"))
    print(f"in a tuning document: {seen['cameo']} CAMEO, {seen['wordnet']} WordNet; changing a statement: "
          f"{moved['cameo']} CAMEO, {moved['wordnet']} WordNet", file=sys.stderr)
    summary = (f"Derived by bench/derive_lexicon.py from the PETRARCH-2 CAMEO verb dictionary (MIT, see "
               f"cues_cameo.NOTICE) and WordNet: {count['cameo']} CAMEO and {count['wordnet']} WordNet "
               f"candidates, kept {got['cameo']} and {got['wordnet']} (each alone adds right statements on the gold, "
               f"precision >= {args.min_precision}; one more, 'monitor', read and refused: see REFUSED). "
               f"Regenerate, do not edit; hand entries go in cues.json.")
    args.out.write_text(json.dumps(cue_file(keep, summary), indent=1) + "\n")
    print(summary, file=sys.stderr)
    if args.report:
        write_report(args.report, cands, {c.key for c in keep})


def write_report(path: Path, cands: list[Candidate], keep: set) -> None:
    path.write_text(json.dumps([{"kind": c.kind, "word": c.word, "type": c.type, "source": c.source,
                                 "why": c.why, "kept": c.key in keep, **c.verdict} for c in cands], indent=1) + "\n")


if __name__ == "__main__":
    main()
