"""The word-order fallback, for verbs the tagger missed ("Russia and Iran back Assad" with "back"
tagged as an adverb). Runs on a sentence with a verb trigger not tagged as a verb and more than
one actor."""
from __future__ import annotations

from spacy.tokens import Span, Token

from ..frames import Clause, FrameBuilder, Found
from ..mentions import DocActors
from . import register


def select(fb: FrameBuilder, sent: Span, cue_tokens: list[Token], da: DocActors) -> bool:
    odd = any(t.pos_ not in ("VERB", "AUX") and fb.lex.verbs.get(t.lemma_.lower()) for t in cue_tokens)
    return odd and len({da.by_token[i].actor for i in range(sent.start, sent.end) if i in da.by_token}) > 1


def run(fb: FrameBuilder, sent: Span, da: DocActors, found: list[Found]) -> None:
    """A fallback for verbs the tagger missed ("Russia and Iran back Assad" with "back"
    tagged as an adverb): ACTORS [adverbs] CUE [and CUE] [the] ACTORS, in plain word order."""
    items: list[tuple[str, object, Token]] = []
    for tok in sent:
        m = da.by_token.get(tok.i)
        if m is not None:
            if not items or items[-1][0] != "A" or items[-1][1] != m.actor or m.start == tok.i:
                items.append(("A", m.actor, tok))
        elif tok.pos_ not in ("VERB", "AUX") and (fb.lex.verbs.get(tok.lemma_.lower())
                                                  or fb.lex.verbs.get(tok.lower_.rstrip("s"))):
            rel = fb.lex.verbs.get(tok.lemma_.lower()) or fb.lex.verbs.get(tok.lower_.rstrip("s"))
            items.append(("V", rel, tok))
        elif tok.lower_ in ("and", ",", "both") or tok.pos_ == "DET" and tok.lower_ != "no" \
                or tok.pos_ == "ADV" and tok.lower_ not in ("not", "never"):
            items.append(("_", None, tok))
        else:
            items.append(("X", None, tok))
    seen = {(f.subject, f.object) for f in found if f.sentence.start == sent.start}
    n = len(items)
    for i, (kind, rel, tok) in enumerate(items):
        if kind != "V":
            continue
        rels = [rel]
        j = i + 1
        while j < n and items[j][0] in ("_", "V"):
            if items[j][0] == "V":
                rels.append(items[j][1])
            j += 1
        objects = []
        while j < n and items[j][0] in ("A", "_"):
            if items[j][0] == "A":
                objects.append(items[j][1])
            j += 1
        k = i - 1
        subjects = []
        while k >= 0 and items[k][0] in ("A", "_"):
            if items[k][0] == "A":
                subjects.insert(0, items[k][1])
            k -= 1
        if not subjects or not objects or (k >= 0 and (items[k][2].lower_ in ("of", "by", "to", "with")
                                                       or items[k][2].lower_ in fb.lex.condition_marks)):  # "if X attacks, Y"
            continue
        if any((a, b) in seen or (b, a) in seen for a in subjects for b in objects):
            continue
        clause = Clause(hedged=any(t.lower_ in fb.lex.hedge_words for t in sent))
        for r in dict.fromkeys(rels):
            fb.emit(found, subjects, r, objects, sent, FAMILY, clause, da)


FAMILY = register("surface", 1, 0.7, scope="sentence", order=90, select=select, run=run)
