"""The outline of a briefing note: its kinds of item, its sections with their titles, and its length limit.

One job: name the parts every note has, so the builder, the cut and the renderings (:mod:`kit.teaching.note_render`)
agree on them. Plain constants; the titles and prompts are English messages of the catalogue (:mod:`kit.i18n`),
translated where a note is built.

Examples
--------
>>> list(SECTION_TITLES)[:3]
['purpose', 'summary', 'key_messages']
>>> set(QUOTED_KINDS) <= set(KINDS)
True
"""

from __future__ import annotations

import math

from ...i18n import N_

__all__ = [
    "MAX_WORDS",
    "CUT_LANG",
    "SCHEMA",
    "QUOTED_KINDS",
    "KINDS",
    "SECTION_TITLES",
    "ANNEX_SECTIONS",
    "TO_FILL",
    "SECTION_EMPTY",
    "KEY_FIGURE_KINDS",
    "DELEGATION_KINDS",
    "INF",
]

#: Words of Markdown a one-meeting note may have (two A4 pages).
MAX_WORDS = 1200
#: The language whose labels the cut counts: a note keeps the same quotes whatever the language of its labels.
CUT_LANG = "en"
#: The ``schema`` field of the JSON note.
SCHEMA = "kit.briefing-note/1"
#: Item kinds; the first six quote the report verbatim; ``to_fill`` is a place for the officer's own words;
#: ``see_annex`` is the line of a note's Citations that counts what its annex lists (no paragraph of its own).
QUOTED_KINDS = ("purpose", "key_message", "briefing", "position", "ask", "figure")
KINDS = QUOTED_KINDS + ("citation", "not_quoted", "to_fill", "see_annex")
#: Section keys and their English titles (``build_note(..., lang=)`` translates them through :mod:`kit.i18n`).
SECTION_TITLES = {
    "purpose": N_("Purpose and background"),
    "summary": N_("Summary (to complete)"),
    "key_messages": N_("Key messages"),
    "briefers": N_("Briefers"),
    "positions": N_("Delegations' positions by theme"),
    "asks": N_("Asks and recommendations"),
    "figures": N_("Key figures"),
    "issues": N_("Issues for the Council (to complete)"),
    "points": N_("Suggested points to make (to complete)"),
    "citations": N_("Citations"),
    "annex": N_("Annex: on the theme, not quoted in this note"),
}
#: The sections after the two pages: not counted in the length limit, printed after a page break
#: (a note across documents lists there what it does not quote: :mod:`kit.teaching.theme_note`).
ANNEX_SECTIONS = ("annex",)
#: The sections the desk officer completes in their own words, and what each asks of them.
TO_FILL = {
    "summary": N_(
        "Your summary line: what the meeting was about and what it means for your delegation, in one or two sentences."
    ),
    "issues": N_("The issues the Council may have to decide on, and your assessment of each."),
    "points": N_("The points your delegation could make, in your own words."),
}
#: What an empty section says.
SECTION_EMPTY = {
    "key_messages": N_("No position shared by several delegations in the selection."),
    "briefers": N_("No briefer in the selection."),
    "asks": N_("No ask in the selection."),
    "positions": N_("No other delegation position in the selection."),
    "figures": N_("No figure in the selection."),
}
#: Figures a note keeps, or says it cut (the citations list them): deaths and injuries, money, percentages.
KEY_FIGURE_KINDS = ("casualties", "money", "percentage")
#: The kinds of speaker that are delegations (their positions are grouped by theme).
DELEGATION_KINDS = ("member_state", "observer_state", "organization", "other")
#: The priority of an item the cut never drops (a meeting's opening sentence).
INF = math.inf
