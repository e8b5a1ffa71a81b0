"""An official named by a description, then by name in the next paragraph.

A press release often opens with the reported speech and a description of the speaker, and names them only in
the next paragraph: "Peacekeeping must adapt, the senior peace operations official told the Council." then
"Claire Moreau, Under-Secretary-General for Peace Operations, briefed the Council ...". A reader marks the
official in both paragraphs (``benchmarks/real_documents/README.md``): the description is who the next
paragraph names.

The rule, in two steps:

1. :func:`find_descriptions`: a description (the ``description`` pattern of :class:`kit.language.Language`: "the
   ... official", "the head of ... operations") before a reporting verb, or after it (``description_after_verb``:
   « ..., a déclaré le plus haut responsable des opérations de paix ») makes a find with no speaker, as an
   unnamed group does: its words are no one's yet, and the paragraph does not continue the speaker before it.
2. :func:`resolve`: a paragraph whose words are no one's and that holds such a description gets the speaker of
   the next paragraph's first statement, if that statement names one person (``person:...``) explicitly. The
   statement runs from the description's sentence to the end of the paragraph (whole sentences). Otherwise
   (the next paragraph names a State, or no one) the paragraph stays no one's: a description is never guessed.

Examples
--------
>>> from kit.attribution import attribute
>>> from kit.gazetteer import load_gazetteer
>>> paras = [(1, "Peacekeeping must adapt, the senior peace operations official told the Council."),
...          (2, "Claire Moreau, Under-Secretary-General for Peace Operations, said that missions changed.")]
>>> [(s.para, s.speaker_id) for s in attribute(paras, load_gazetteer()).statements]
[(1, 'person:moreau'), (2, 'person:moreau')]
>>> paras[1] = (2, "The representative of Chile said that missions changed.")
>>> [(s.para, s.speaker_id) for s in attribute(paras, load_gazetteer()).statements]
[(2, 'CHL')]
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .sentences import sentence_at, sentence_spans
from .speech_forms import Context, Find

__all__ = ["find_descriptions", "resolve"]


@lru_cache(maxsize=8)
def _description(grammar) -> tuple[re.Pattern, re.Pattern]:
    L = grammar.lang
    return (
        # (the description ends where a reporting verb follows: "the head of ... operations told")
        re.compile(rf"{L.description}(?={grammar.verb.pattern})"),
        re.compile(rf"(?:{L.after_verb_lead})\s*(?P<verb>{grammar.verb_alt})\s+(?P<desc>{L.description_after_verb})"),
    )


def _described(text: str, grammar) -> tuple[int, str, int] | None:
    """The first description of an official with its reporting verb in ``text``, before the verb or after it (« ...,
    a déclaré le plus haut responsable des opérations de paix »): where it starts, the verb, where the find ends."""
    before, after = _description(grammar)
    for m in before.finditer(text):
        v = grammar.predicate(text, m.end("desc"))
        if v:
            return m.start("desc"), v[0], v[1]
    inverted = after.search(text)
    return (inverted.start(), grammar.verb_form(inverted.group("verb")), inverted.end()) if inverted else None


def find_descriptions(text: str, ctx: Context) -> list[Find]:
    """ "..., the senior peace operations official told the Council": a find with no speaker (resolved by
    :func:`resolve`)."""
    d = _described(text, ctx.grammar)
    return [Find(d[0], d[2], [], d[1], [])] if d else []


def resolve(
    paragraphs: list[tuple[int, str]], statements: list[Any], grammar, meeting_of: dict | None = None
) -> list[Any]:
    """``statements`` with the statement of each described official whom the next paragraph names first (see
    the module's docstring), in paragraph order."""
    by_para: dict[int, list[Any]] = {}
    for st in statements:
        by_para.setdefault(st.para, []).append(st)
    added = []
    for (para, text), (nxt, _) in zip(paragraphs, paragraphs[1:]):
        following = by_para.get(nxt)
        if by_para.get(para) or not following or (meeting_of and meeting_of.get(para) != meeting_of.get(nxt)):
            continue
        first = [st for st in following if st.group == following[0].group]
        d = _described(text, grammar) if len(first) == 1 and first[0].attribution == "explicit" else None
        if not d or not first[0].speaker_id.startswith("person:"):
            continue
        start = sentence_at(sentence_spans(text), d[0])[0]
        start += len(text[start:]) - len(text[start:].lstrip())
        end = len(text.rstrip())
        added.append(
            replace(
                first[0],
                para=para,
                group=1,
                verb=d[1],
                lemma=grammar.lemmas.get(d[1]),
                start=start,
                end=end,
                joint=False,
                text=text[start:end],
            )
        )
    if not added:
        return statements
    order = {p: i for i, (p, _) in enumerate(paragraphs)}
    return sorted(statements + added, key=lambda st: order[st.para])
