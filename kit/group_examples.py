"""Unnamed groups, and States named as examples of one: each State named speaks.

"Several delegations said" names no one (:func:`find_unnamed_groups`): its words are no one's statement. But a
press release often names some of them: "Several delegations, including those of Uruguay and Nepal, said",
« Plusieurs délégations, à l'instar de celles du Venezuela ou de Fidji, ont rappelé ». A reader marks each State
named; the statement is joint, one row per State, as for "The representatives of A and B said".

The words are the grammar of :class:`kit.language.Language`: ``unnamed_group`` (the group), ``group_examples``
(", including those of", « , à l'instar de celles ») and ``list_or`` (the "or" a list of examples may end with).

Examples
--------
>>> from kit.attribution import attribute
>>> from kit.gazetteer import load_gazetteer
>>> paras = [(1, "Several delegations, including those of Uruguay and Nepal, said that women mattered.")]
>>> [(s.speaker_id, s.joint) for s in attribute(paras, load_gazetteer()).statements]
[('URY', True), ('NPL', True)]
>>> fr = [(1, "Plusieurs délégations, à l'instar de celles du Venezuela ou de Fidji, ont rappelé ce rôle.")]
>>> [s.speaker_id for s in attribute(fr, load_gazetteer(lang="fr")).statements]
['VEN', 'FJI']
"""

from __future__ import annotations

import re
from functools import lru_cache

from .entity_lists import entities_with_articles
from .speech_forms import Context, Find

__all__ = ["find_group_examples", "find_unnamed_groups"]


_NOUN = re.compile(r"[^\W\d]*")  # the rest of the group's noun (or nothing)


@lru_cache(maxsize=8)
def _patterns(grammar) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    L = grammar.lang
    return re.compile(rf"(?:{L.group_examples})"), re.compile(L.list_or), re.compile(r",\s*")


def find_group_examples(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "Several delegations, including those of A, B or C, said": one find for the States (or organizations)
    named, at the start of the group (``starts``: where a sentence's subject may start).

    Only a list the reference tables read whole counts: a name they do not know ends the list, and the
    verb must follow the list's closing comma.
    """
    grammar = ctx.grammar
    examples, list_or, comma = _patterns(grammar)
    found = []
    for pos in starts:
        group = grammar.unnamed_group.match(text, pos)
        noun = _NOUN.match(text, group.end()) if group else None  # "Several" + "delegations"
        lead = examples.match(text, noun.end()) if noun else None
        if not lead:
            continue
        items, end = ctx.parse_list(text, lead.end())
        if not items:  # « comme la Tanzanie et le Chili »: the States with their article, no « de »
            items, end = entities_with_articles(text, lead.end(), ctx, list_or)
        while items and (more := list_or.match(text, end)):
            extra, end2 = ctx.parse_list(text, more.end())
            if not extra:
                break
            items, end = items + extra, end2
        items = [item for item in items if item[0] != "unknown"]
        close = comma.match(text, end)
        v = grammar.predicate(text, close.end()) if items and close else None
        if not v:
            continue
        sids = [ctx.reg.listed(kind, key, ctx.para) for kind, key, _, _ in items]
        found.append(Find(pos, v[1], sids, v[0], [(s, e) for _, _, s, e in items]))
    return found


def find_unnamed_groups(text: str, ctx: Context, starts: list[int]) -> list[Find]:
    """ "Some delegations said", "Several members expressed concern", « Plusieurs délégations ont dit »: a
    sentence whose subject names no one, before a reporting verb. It makes no statement (no speaker to credit)
    but ends the statement before it, and a paragraph that starts with it does not continue the previous speaker.
    ("Many countries lacked equipment", with no reporting verb, stays in the reported speech around it.)"""
    found = []
    for pos in starts:
        m = ctx.grammar.unnamed_group.match(text, pos)
        v = ctx.grammar.predicate_after(text, m.end()) if m else None
        if v:
            found.append(Find(pos, v[1], [], v[0], []))
    return found
