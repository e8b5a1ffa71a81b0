"""A list of States or organizations named with their article, not after « de »: « la Tanzanie et le Chili ».

:func:`kit.attribution._parse_list` reads "the representatives of A, B and C" and « des représentants de A, de B et
de C »: in French each item after « de ». Some forms name States with their article alone: « Plusieurs délégations,
comme la Tanzanie et le Chili, ont ... » (:mod:`kit.group_examples`), « Selon le Brésil, ... »
(:mod:`kit.subject_forms`). :func:`entities_with_articles` reads those.

Examples
--------
>>> from kit.attribution import _grammar
>>> from kit.gazetteer import load_gazetteer
>>> from kit.speech_forms import Context
>>> g = load_gazetteer(lang="fr")
>>> ctx = Context(g, _grammar(g), None, None, None, 1)
>>> [key for _, key, _, _ in entities_with_articles("la Tanzanie et le Chili, ont", 0, ctx)[0]]
['TZA', 'CHL']
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["entities_with_articles"]


def entities_with_articles(
    text: str, pos: int, ctx: Any, list_or: re.Pattern | None = None
) -> tuple[list[tuple[str, str, int, int]], int]:
    """ "la Tanzanie et le Chili" at ``pos``: the States (or organizations) named with their article, as
    :func:`kit.attribution._parse_list` gives them (``list_or``: an "or" may also join them), and where the last
    ends. For the lists that name States without « de » (« comme la Tanzanie et le Chili », « Selon le Brésil »)."""
    grammar, items, p = ctx.grammar, [], pos
    while True:
        art = grammar.article.match(text, p)
        q = art.end() if art else p
        entity = ctx.g.entities.match(text, q)
        if not entity or entity[0].split(":", 1)[0] not in ("country", "organization"):
            break
        tag, key = entity[0].split(":", 1)
        items.append(("state" if tag == "country" else "org", key, q, entity[1]))
        sep = grammar.list_sep.match(text, entity[1]) or (list_or.match(text, entity[1]) if list_or else None)
        if not sep:
            break
        p = sep.end()
    return items, items[-1][3] if items else pos
