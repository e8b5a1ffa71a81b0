"""The finders of forms first met in documents the kit had not seen, in one call for :mod:`kit.attribution`.

Each form has its own module: unnamed groups and States named as their examples (:mod:`kit.group_examples`), a
State by its adjective, an opinion lead and a title before a name (:mod:`kit.subject_forms`), an official by a
description (:mod:`kit.descriptions`, whose :func:`~kit.descriptions.resolve` runs once the paragraphs are read).
The rules are documented in ``docs/who-speaks.md``.

Examples
--------
>>> from kit.attribution import attribute
>>> from kit.gazetteer import load_gazetteer
>>> paras = [(1, "Several delegations, including those of Chile and Peru, said that training mattered."),
...          (2, "The Kenyan delegation strongly urged States to pay on time.")]
>>> [(s.para, s.speaker_id) for s in attribute(paras, load_gazetteer()).statements]
[(1, 'CHL'), (1, 'PER'), (2, 'KEN')]
"""

from __future__ import annotations

from collections.abc import Callable

from .descriptions import find_descriptions, resolve
from .group_examples import find_group_examples, find_unnamed_groups
from .speech_forms import Context, Find
from .subject_forms import (
    find_adjective_subjects,
    find_among_speakers,
    find_chair_after_verb,
    find_elided_speakers,
    find_honorific_titled,
    find_opinion_holders,
    find_opinion_leads,
    find_state_with_relative,
    find_title_before_name,
    find_whose_speaker,
    find_with_participle,
)

__all__ = ["finds", "resolve"]


def finds(
    text: str,
    ctx: Context,
    starts: list[int],
    group_starts: list[int],
    commas: list[int],
    chair: Callable[[], str] | None = None,
) -> list[Find]:
    """Every find of these forms in one paragraph: ``starts`` where a sentence's subject may start,
    ``group_starts`` also after a participle phrase (where an unnamed group may start), ``commas`` after each comma
    followed by a capital; ``chair()`` the Chair's speaker id, if the report's Chair may speak. (A group with
    States named as examples is theirs: its find comes before the unnamed group's at the same place, and
    :func:`kit.attribution._without_overlaps` keeps the first.)"""
    return (
        find_group_examples(text, ctx, group_starts)
        + find_adjective_subjects(text, ctx, starts)
        + find_opinion_leads(text, ctx, starts)
        + find_opinion_holders(text, ctx, starts)
        + find_title_before_name(text, ctx, starts + commas)
        + find_descriptions(text, ctx)
        + find_with_participle(text, ctx)
        + find_whose_speaker(text, ctx, starts)
        + find_state_with_relative(text, ctx, starts)
        + find_among_speakers(text, ctx, starts)
        + find_elided_speakers(text, ctx)
        + (find_chair_after_verb(text, ctx, chair) if chair else [])
        + find_honorific_titled(text, ctx, starts + commas)
        + find_unnamed_groups(text, ctx, group_starts)
    )
