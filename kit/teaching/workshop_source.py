"""The one source of the workshop notebooks: participant versions and, on demand, the trainer's solutions.

* :func:`build_participants` writes ``NN_*.ipynb`` whose exercise cells hold
  ``answer = ...`` (committed in ``notebooks/workshop/`` and shipped in the wheel);
* :func:`build_solutions` writes the same notebooks with the answers filled in.
  They are never committed nor served: the trainer makes them on purpose with
  ``kit solutions --out DIR``.

The questions, kinds and checks are in :mod:`kit.teaching.exercises`; this
module holds the prose, the steps and the solution code. The prose is English,
marked for the catalogue (``N_``); ``lang="fr"`` builds the French set
(``notebooks/workshop/fr/``) from the same cells, with the French catalogue of
:mod:`kit.i18n` (quotes from the report stay in the report's language). Timings in each
notebook's header are those of :data:`AGENDA`, which the trainer guide's agenda
repeats (a test keeps them equal).

Examples
--------
>>> import tempfile, pathlib
>>> out = build_solutions(pathlib.Path(tempfile.mkdtemp()))
>>> [p.name for p in out]
['01_who_spoke.ipynb', '02_on_what.ipynb', '03_where.ipynb', '04_asks.ipynb']
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

from ..i18n import LANGUAGES, N_, normalize, translator
from .asks import SHOULD_PATTERN
from .exercises import EXERCISES

__all__ = [
    "AGENDA",
    "MINUTES",
    "NOTEBOOKS",
    "block_minutes",
    "LANG_FOLDERS",
    "PARTICIPANTS_ENV",
    "build_participants",
    "build_solutions",
    "notebook",
    "setup",
]

#: Set (to anything but "0") in participants' environments, where :func:`build_solutions` refuses to run.
PARTICIPANTS_ENV = "KIT_PARTICIPANTS"

#: Where each language's participant notebooks live, under ``notebooks/workshop`` (the languages the kit ships
#: notebooks for; this lists files, it is no grammar).
LANG_FOLDERS = {"en": ".", "fr": "fr"}

#: Start and end of each notebook's block in the 90-minute agenda (the trainer guide shows the same).
AGENDA: dict[str, tuple[str, str]] = {
    "01_who_spoke": ("0:08", "0:33"),
    "02_on_what": ("0:33", "0:53"),
    "03_where": ("0:58", "1:13"),
    "04_asks": ("1:13", "1:25"),
}

#: How each block's minutes are spent: walk-through on the projector, exercises in pairs, discussion. They add up
#: to the block's length (a test checks it); the trainer guide's agenda shows the same split.
MINUTES: dict[str, tuple[int, int, int]] = {
    "01_who_spoke": (5, 15, 5),
    "02_on_what": (4, 12, 4),
    "03_where": (3, 9, 3),
    "04_asks": (3, 6, 3),
}


def block_minutes(name: str) -> int:
    """The length of a notebook's block on the agenda, in minutes.

    >>> block_minutes("01_who_spoke")
    25
    """
    start, end = AGENDA[name]
    h0, m0 = map(int, start.split(":"))
    h1, m1 = map(int, end.split(":"))
    return (h1 * 60 + m1) - (h0 * 60 + m0)


def setup(lang: str = "en") -> str:
    """The first code cell: load the report (and, in a French notebook, make the checker speak French)."""
    lines = ["from kit import load_report", "from kit.teaching.checker import check"]
    if lang != LANGUAGES[0]:  # a language other than the messages' own: the checker speaks it
        lines += ["from kit.i18n import set_language", "", f"set_language({lang!r})"]
    return "\n".join(lines + ["", "r = load_report()", "r"])


SETUP = "setup"  # a placeholder in the specs: the language's setup() cell

#: The words of the charts' titles and labels in code cells, written ``"⟪Paragraphs⟫"`` in the cells: each language's
#: notebooks get them from its catalogue, so a French chart has French titles (the code is otherwise the same).
CHART_WORDS = (
    N_("Paragraphs"),
    N_("Kind of speaker"),
    N_("Paragraphs per kind of speaker"),
    N_("Delegation"),
    N_("Paragraphs per delegation"),
    N_("Meeting"),
    N_("Theme"),
    N_("Themes by meeting"),
    N_("Mission"),
    N_("Missions named, by meeting"),
)

_WORD = re.compile("⟪([^⟫]+)⟫")


def _words(src: str, _) -> str:
    """``src`` with each ``⟪text⟫`` replaced by ``text`` in the notebook's language (one of :data:`CHART_WORDS`)."""
    return _WORD.sub(lambda m: _(m.group(1)).replace('"', "'"), src)


#: nbval compares every output except these cells' (a plotly figure's ids change at every run).
IGNORE_OUTPUT = "nbval-ignore-output"


def md(text: str) -> tuple:
    """A Markdown cell; ``text`` is the catalogue's msgid (marked with ``N_``), translated when built."""
    return ("md", text)


def code(src: str) -> tuple:
    return ("code", src.strip("\n"))


def figure(src: str) -> tuple:
    """A cell that shows a plotly figure (its output is not compared by nbval)."""
    return ("figure", src.strip("\n"))


def exercise(number: str, solution: str) -> tuple:
    return ("exercise", number, solution.strip("\n"))


def header(
    name: str, title: str, questions: list[str], objectives: list[str], keypoints: list[str], intro: str = ""
) -> tuple:
    """The notebook's first cell: title, time, exercises, questions, objectives, key points (translated when built)."""
    return ("header", name, title, questions, objectives, keypoints, intro)


def _header(item: tuple, _) -> str:
    _kind, name, title, questions, objectives, keypoints, intro = item
    start, end = AGENDA[name]
    minutes = block_minutes(name)
    walk, pairs, discuss = MINUTES[name]
    core = [e.id for e in EXERCISES.values() if e.core and e.id.startswith(name[1] + ".")]
    stretch = [e.id for e in EXERCISES.values() if not e.core and e.id.startswith(name[1] + ".")]
    lines = [
        f"# {_(title)}",
        "",
        _(
            "**Time:** {minutes} minutes ({start}–{end} on the workshop agenda). **Core exercises:** {core}. "
            "**Stretch** (if you finish early): {stretch}."
        ).format(minutes=minutes, start=start, end=end, core=", ".join(core), stretch=", ".join(stretch)),
        "",
        _(
            "{walk} minutes of walk-through, {pairs} minutes of exercises in pairs, {discuss} minutes of discussion."
        ).format(walk=walk, pairs=pairs, discuss=discuss),
        "",
        _("**Questions**"),
        *[f"* {_(q)}" for q in questions],
        "",
        _("**Objectives** -- by the end you can:"),
        *[f"* {_(o)}" for o in objectives],
        "",
        _("**Key points**"),
        *[f"* {_(k)}" for k in keypoints],
    ]
    if intro:
        lines += ["", _(intro).strip("\n")]
    return "\n".join(lines)


HOW_EXERCISES_WORK = N_("""\
**How exercises work.** Replace the `...` after `answer =` with your answer (a number, a list,
or a pandas expression) and run the cell with <kbd>Shift</kbd>+<kbd>Enter</kbd>. The check says
*correct*, or gives you a hint. Names, ids and codes are all accepted ("Mexico" or "MEX").
Exercises marked *stretch* are for when you finish early.""")

NOTEBOOKS: dict[str, list] = {}

# ---------------------------------------------------------------------------
NOTEBOOKS["01_who_spoke"] = [
    header(
        "01_who_spoke",
        N_("1. Who spoke? Meetings, speakers and statements"),
        [
            N_("How many meetings does the report cover, and which paragraphs report each?"),
            N_("Which delegations spoke, and in how many paragraphs?"),
        ],
        [
            N_("load a report as tables and read one paragraph in full"),
            N_("filter rows with a condition and count them with `len`, `value_counts` and `nunique`"),
            N_("count distinct paragraphs per delegation with `groupby`, and chart it"),
        ],
        [
            N_("The paragraph number is the unit of citation: every table has a `para` column."),
            N_("Count what the question asks: rows, distinct values or distinct paragraphs give different answers."),
            N_(
                "Briefers and the Chair are speakers but not delegations: filter on `kind` in `r.speakers`, on "
                "`speaker_kind` in `r.statements`."
            ),
        ],
        HOW_EXERCISES_WORK,
    ),
    md(
        N_("""
## Loading the report

`load_report()` reads the report and splits it into tables (pandas DataFrames). The first
line of output is a summary: how many rows each table has.
""")
    ),
    code(SETUP),
    md(
        N_("""
The report's own details (title, date, period covered, chair) are in `r.metadata`:
""")
    ),
    code('r.metadata["title"], r.metadata["date"], r.metadata["chair"]'),
    md(
        N_("""
## Paragraphs: the unit of citation

UN reports number their paragraphs, and a briefer cites them: "para. 27". Every table in the
kit has a `para` column, so every row can be traced back to the printed text.
""")
    ),
    code('r.paragraphs[["para", "section", "section_title", "meeting_id", "text"]].head()'),
    md(
        N_("""
To read one paragraph in full, select its row and print the text. Para. 3 says what the report
is: summaries of statements, not the consensus position of the Security Council.
""")
    ),
    code('print(r.paragraphs.loc[r.paragraphs["para"] == 3, "text"].iloc[0])'),
    md(
        N_("""
## Meetings

The kit finds each meeting from the paragraph that dates it ("On 13 April 2021, the Working
Group held ..."); the meeting runs to the next meeting or the end of its section. `first_para`
and `last_para` give its paragraphs. An empty `format` means the report does not say.
""")
    ),
    code('r.meetings[["meeting_id", "date", "title", "format", "first_para", "last_para"]]'),
    exercise("1.1", "answer = len(r.meetings)"),
    md(
        N_("""
Each paragraph also carries its `meeting_id` (empty for the paragraphs before and after the
meetings). Filtering with a condition in `[...]` keeps the rows where it is true:
""")
    ),
    code('r.paragraphs[r.paragraphs["meeting_id"].isna()][["para", "section_title"]]'),
    exercise(
        "1.2",
        """
first = r.meetings.sort_values("date").iloc[0]
answer = list(range(first["first_para"], first["last_para"] + 1))""",
    ),
    md(
        N_("""
## Speakers

`r.speakers` has one row per speaker. `kind` says who they are: a `member_state` (a delegation,
"the representative of Mexico"), a `briefer` (an official from the Secretariat), or the `chair`.
""")
    ),
    code('r.speakers[["speaker_id", "name", "kind", "title"]].head(8)'),
    md(
        N_("""
A filter keeps the rows where a condition is true. Here, the Chair: the condition
`r.speakers["kind"] == "chair"` goes inside `r.speakers[...]`.
""")
    ),
    code('r.speakers[r.speakers["kind"] == "chair"][["speaker_id", "name", "kind"]]'),
    md(
        N_("""
Your turn: the same filter, with `"member_state"` instead of `"chair"`. You can give the whole
filtered table as your answer, or only its `speaker_id` column.
""")
    ),
    exercise("1.3", 'answer = r.speakers.loc[r.speakers["kind"] == "member_state", "speaker_id"].sort_values()'),
    md(
        N_("""
`len(table)` counts the rows of a table: `len(r.speakers)` is the number of speakers. Count the
rows of your filter from 1.3.
""")
    ),
    exercise("1.4", 'answer = len(r.speakers[r.speakers["kind"] == "member_state"])'),
    exercise("1.5", 'answer = r.speakers.loc[r.speakers["kind"] == "briefer", "name"].tolist()'),
    md(
        N_("""
## Statements: who said what, where

The report reports speech in the third person: "The representative of Mexico said that ...".
`r.statements` has one row per speaker per statement, with the reporting `verb`, its dictionary
form `lemma`, the paragraph and the `text` (the exact words of the report).

Often the report sums up several delegations in **one sentence** ("The representatives of
Australia, China, ... called for ..."). The kit gives each of them a row; the rows share the same
`group`, and `joint` is True. This is the report's way of summarizing (para. 3: "summaries of
statements"): it does not say that these delegations made a joint statement or spoke together.
Paragraph 27 shows both kinds:
""")
    ),
    code(
        'r.statements.loc[r.statements["para"] == 27, ["statement_id", "speaker", "speaker_kind", "verb", "joint", '
        '"group"]]'
    ),
    md(
        N_("""
`speaker_kind` is the speaker's `kind` from `r.speakers`, copied onto each statement:
`member_state`, `briefer` or `chair`. Filter on it to keep the delegations' statements.

One delegation can have several rows in the same paragraph. To count in how many paragraphs
each delegation speaks, group by speaker and count the **distinct** paragraphs. Here is the same
recipe for each kind of speaker: `groupby` makes one group per value, `["para"]` picks the
column, and `nunique()` counts its distinct values in each group (`value_counts()` would count
rows, that is statements, instead):
""")
    ),
    code('r.statements.groupby("speaker_kind")["para"].nunique()'),
    exercise(
        "1.6",
        """
delegations = r.statements[r.statements["speaker_kind"] == "member_state"]
answer = delegations.groupby("speaker")["para"].nunique().sort_values(ascending=False)""",
    ),
    md(
        N_("""
## A chart

`kit.plots` has ready-made charts. Hover over a bar to see its numbers:
""")
    ),
    figure("""\
from kit import plots

plots.statements_per_delegation(r)"""),
    md(
        N_("""
Now make your own with plotly express, imported as `px`. `px.bar(table, x=..., y=...)` draws one
bar per row; `.reset_index()` turns a Series from `groupby` into a table with two columns. Three
options make a chart readable: `orientation="h"` (horizontal bars: long names fit),
`labels={"para": "...", "speaker": "..."}` (axis titles in words) and
`title="..."`. An example with the kinds of speaker:
""")
    ),
    figure("""\
import plotly.express as px

per_kind = r.statements.groupby("speaker_kind")["para"].nunique().reset_index()
px.bar(per_kind, x="para", y="speaker_kind", orientation="h",
       labels={"para": "⟪Paragraphs⟫", "speaker_kind": "⟪Kind of speaker⟫"}, title="⟪Paragraphs per kind of speaker⟫")"""),
    md(
        N_("""
Your turn: the same chart for the delegations, from your table of 1.6 (a new chart is drawn when
you run `answer` in a new cell, or add `answer.show()`).
""")
    ),
    exercise(
        "1.7",
        """
delegations = r.statements[r.statements["speaker_kind"] == "member_state"]
per_delegation = delegations.groupby("speaker")["para"].nunique().sort_values().reset_index()
answer = px.bar(per_delegation, x="para", y="speaker", orientation="h",
                labels={"para": "⟪Paragraphs⟫", "speaker": "⟪Delegation⟫"}, title="⟪Paragraphs per delegation⟫")""",
    ),
    md(
        N_("""
## Citing what you found

`r.cite(...)` turns paragraph numbers into a citation you can paste into a note:
""")
    ),
    code('r.cite(r.statements.loc[r.statements["speaker_id"] == "MEX", "para"])'),
    md(
        N_("""
## To discuss

* The report says who spoke, but not for how long or in what order. What can a count of
  paragraphs tell you, and what can it not?
* A delegation named in a sentence with eleven others: is it "speaking" as much as one summed up
  alone? (The report groups summaries; it does not say they spoke together.)

Next: **2. On what?** -- the themes of the statements.
""")
    ),
]

# ---------------------------------------------------------------------------
NOTEBOOKS["02_on_what"] = [
    header(
        "02_on_what",
        N_("2. On what? Themes"),
        [N_("Which themes come up, and in which paragraphs?"), N_("Who spoke about a given theme?")],
        [
            N_("count the distinct paragraphs tagged with a theme"),
            N_("join two tables with `merge` on the right column"),
            N_("read a heatmap of themes by meeting"),
        ],
        [
            N_("A theme tag is a word match from a vocabulary anyone can read; `terms` says why."),
            N_("One paragraph can have several rows for a theme: count distinct paragraphs."),
            N_("Join themes to statements on `statement_id`, not on `para`."),
        ],
        N_("""
Themes are tagged by a vocabulary anyone can read (`data/reference/themes.csv`): a paragraph is
tagged "COVID-19 and health" because it contains a term such as *pandemic* or *vaccines*."""),
    ),
    code(SETUP),
    md(
        N_("""
## The themes table

One row per paragraph, theme and statement: when a term falls inside a statement the row
carries its `statement_id`; when nobody is quoted (the report's own narrative), `statement_id`
is empty.
""")
    ),
    code('r.themes[["para", "statement_id", "theme", "label", "terms", "n_hits"]].head(8)'),
    md(
        N_("""
The themes found in this report:
""")
    ),
    code('r.themes[["theme", "label"]].drop_duplicates().sort_values("theme").reset_index(drop=True)'),
    md(
        N_("""
## Counting paragraphs, not rows

A paragraph with several statements has several rows for the same theme, so count
**distinct** paragraphs (`nunique`), not rows (`len`).
""")
    ),
    exercise("2.1", 'answer = r.themes.loc[r.themes["theme"] == "policing", "para"].nunique()'),
    md(
        N_("""
To see why paragraphs are tagged with a theme, look at the `terms` column. For example, the
theme `safety_security`:
""")
    ),
    code("""\
safety = r.themes[r.themes["theme"] == "safety_security"]
safety[["para", "statement_id", "terms"]].head()"""),
    exercise("2.2", 'answer = sorted(r.themes.loc[r.themes["theme"] == "safety_security", "para"].unique())'),
    md(
        N_("""
## Themes by meeting

Each paragraph knows its meeting. The heatmap counts, for each theme and meeting, the
paragraphs tagged with it (darker is more):
""")
    ),
    figure("""\
from kit import plots

plots.themes_by_meeting(r)"""),
    md(
        N_("""
### Your own heatmap

The same chart, step by step. `merge` adds each paragraph's meeting to the theme rows;
`pd.crosstab(rows, columns)` counts each pair (here: distinct paragraphs per theme and meeting);
`px.imshow` colours a table, with `labels=` and `title=` as in the bar chart of notebook 1, and
`text_auto=True` to write the numbers. Change the colours (`color_continuous_scale="Greens"`) or
the title, and run it again.
""")
    ),
    figure("""\
import pandas as pd
import plotly.express as px

tagged = r.themes.merge(r.paragraphs[["para", "meeting_id"]], on="para").drop_duplicates(["theme", "para"])
table = pd.crosstab(tagged["theme"], tagged["meeting_id"])
px.imshow(table, text_auto=True, aspect="auto", color_continuous_scale="Blues",
          labels={"x": "⟪Meeting⟫", "y": "⟪Theme⟫", "color": "⟪Paragraphs⟫"}, title="⟪Themes by meeting⟫")"""),
    md(
        N_("""
## Who spoke about a theme? Joining two tables

To know *who* spoke about policing, join the theme rows to the statements **on
`statement_id`**: that keeps only the statements in which a policing term occurs.
(Joining on `para` would also bring in everyone else who spoke in the same paragraph, about
anything.)
""")
    ),
    code("""\
policing = r.themes[r.themes["theme"] == "policing"]
on_policing = r.statements.merge(policing[["statement_id"]].drop_duplicates(), on="statement_id")
on_policing[["para", "speaker", "speaker_kind", "verb"]].head()"""),
    md(
        N_("""
The joined table keeps every column of `r.statements`, `speaker_kind` too (`member_state`,
`briefer` or `chair`): filter on it to keep the delegations, as in notebook 1.
""")
    ),
    exercise(
        "2.3",
        """
medical = r.themes[r.themes["theme"] == "medical"]
joined = r.statements.merge(medical[["statement_id"]].drop_duplicates(), on="statement_id")
answer = joined.loc[joined["speaker_kind"] == "member_state", "speaker"].drop_duplicates().sort_values()""",
    ),
    exercise("2.4", 'answer = r.themes.groupby("theme")["para"].nunique().idxmax()'),
    md(
        N_("""
## To discuss

* A tag is a word match, not a judgement. Find a paragraph where you disagree with a tag: what
  term caused it? (Hint: look at `terms`.)
* Which themes did the briefers raise that delegations did not take up, and the other way round?

Next: **3. Where are the missions?**
""")
    ),
]

# ---------------------------------------------------------------------------
NOTEBOOKS["03_where"] = [
    header(
        "03_where",
        N_("3. Where? Missions, countries and resolutions"),
        [
            N_("Which missions, countries and resolutions does the report name, and where?"),
            N_("In which countries are those missions?"),
        ],
        [
            N_("filter the mentions table by kind and count distinct paragraphs"),
            N_("join the report to a reference table (`missions.csv`) to find host countries"),
            N_("chart missions by host country"),
        ],
        [
            N_("A mention is anything named in the text other than the speaker."),
            N_(
                "The report names some missions in full, which says where they are (paras. 12 and 53); "
                "the reference table gives every mission's host country."
            ),
            N_("A paragraph naming two missions is one paragraph: count distinct paragraphs."),
        ],
        N_("""
In "The representative of Ireland recalled the contribution of Ireland", the second "Ireland" is
a *mention*."""),
    ),
    code(SETUP),
    md(
        N_("""
## The mentions table

`kind` is `mission`, `country`, `organization`, `place`, `resolution` or `document`; `key` is the
normalized name (a mission's acronym, a country's ISO code, a resolution's symbol) and `surface`
the words as printed.
""")
    ),
    code('r.mentions["kind"].value_counts()'),
    code('r.mentions[r.mentions["kind"] == "mission"][["para", "key", "surface"]]'),
    md(
        N_("""
Look at `surface`: the report names some missions in full, and the full name says where the
mission is, for example "the United Nations Mission in South Sudan (UNMISS)" (para. 12) or "the
United Nations Peacekeeping Force in Cyprus" (para. 53). Others appear only by acronym.
""")
    ),
    exercise("3.1", 'answer = sorted(r.mentions.loc[r.mentions["kind"] == "mission", "key"].unique())'),
    exercise(
        "3.2",
        """\
missions = r.mentions[r.mentions["kind"] == "mission"]
answer = missions["para"].nunique()""",
    ),
    exercise(
        "3.3",
        """\
missions = r.mentions[r.mentions["kind"] == "mission"]
answer = sorted(missions.loc[missions["key"] == "MINUSMA", "para"].unique())""",
    ),
    md(
        N_("""
## Where are the missions? Joining a reference table

To find every mission's host country without reading each name, join the mentions to the
kit's reference table `missions.csv`, which gives each mission's host country. `read_table`
reads it; `merge` joins two tables on a shared column.
""")
    ),
    code("""\
import pandas as pd
from kit.gazetteer import read_table

reference = pd.DataFrame(read_table("missions.csv"))
reference[["acronym", "host_iso3", "host", "start_year"]].head()"""),
    exercise(
        "3.4",
        """\
mentioned = r.mentions[r.mentions["kind"] == "mission"]
joined = mentioned.merge(reference, left_on="key", right_on="acronym")
answer = sorted(joined["host"].unique())""",
    ),
    md(
        N_("""
The same join, as a chart: for each host country, the paragraphs that name its missions.
""")
    ),
    figure("""\
from kit import plots

plots.missions_by_host(r)"""),
    md(
        N_("""
### Grouped bars: missions by meeting

One step further than notebook 1: `color=` splits each bar by a second column, and
`barmode="group"` puts the pieces side by side. Here, for each mission, the paragraphs naming it
in each meeting (paragraphs outside a meeting are left out). Try `barmode="stack"`.
""")
    ),
    figure("""\
import plotly.express as px

named = r.mentions[r.mentions["kind"] == "mission"].merge(r.paragraphs[["para", "meeting_id"]], on="para")
per_meeting = named.dropna(subset=["meeting_id"]).groupby(["key", "meeting_id"])["para"].nunique().reset_index()
px.bar(per_meeting, x="key", y="para", color="meeting_id", barmode="group",
       labels={"key": "⟪Mission⟫", "para": "⟪Paragraphs⟫", "meeting_id": "⟪Meeting⟫"},
       title="⟪Missions named, by meeting⟫")"""),
    md(
        N_("""
## Countries

Countries are mentioned by their UN names; `key` is the ISO 3166 code. A country can be
mentioned many times: count distinct keys.
""")
    ),
    exercise("3.5", 'answer = r.mentions.loc[r.mentions["kind"] == "country", "key"].nunique()'),
    md(
        N_("""
## Resolutions

Resolutions are normalized to their document symbols: "resolution 2518 (2020)" becomes
`S/RES/2518 (2020)` (Security Council); General Assembly resolutions start with `A/RES/`.
`str.startswith` tests the beginning of each string.
""")
    ),
    code('r.mentions[r.mentions["kind"] == "resolution"][["para", "key", "surface"]].head(3)'),
    exercise(
        "3.6",
        """\
resolutions = r.mentions.loc[r.mentions["kind"] == "resolution", "key"]
answer = sorted(resolutions[resolutions.str.startswith("S/RES/")].unique())""",
    ),
    md(
        N_("""
## To discuss

* Which missions are talked about, and which are not mentioned at all although they are
  large? What does that say about what the meetings were for?
* Mali and MINUSMA: read the paragraphs of exercise 3.3. Who raises the mission, and why?

Next: **4. What was asked of whom?**
""")
    ),
]

# ---------------------------------------------------------------------------
NOTEBOOKS["04_asks"] = [
    header(
        "04_asks",
        N_("4. What was asked of whom?"),
        [N_("What did speakers call for, request or recommend, and of whom?")],
        [
            N_("find statements with an asking verb with `isin`"),
            N_("count a sentence shared by several delegations once, with `nunique` on `group`"),
            N_('find asks without an asking verb ("should", "need to") with `str.contains`'),
        ],
        [
            N_("An ask is a statement with an asking verb, or a sentence saying someone should do something."),
            N_("Rows that share a `group` are one sentence of the report: count it once."),
            N_("Always check an ask against its paragraph before you quote it."),
        ],
    ),
    code(SETUP),
    md(
        N_("""
## Asking verbs

The kit keeps the reporting verb of every statement and its dictionary form (`lemma`): "called
for" -> `call for`. The verbs that ask for something are listed in `ASK_LEMMAS`:
""")
    ),
    code("""\
from kit.teaching import ASK_LEMMAS

ASK_LEMMAS"""),
    md(
        N_("""
`isin` keeps the rows whose value is in a list:
""")
    ),
    code("""\
asks = r.statements[r.statements["lemma"].isin(ASK_LEMMAS)]
asks[["statement_id", "para", "speaker", "verb", "joint", "group"]].head(10)"""),
    md(
        N_("""
Look at the `group` column: when the report sums up several delegations in one sentence, each
gets a row with the same `group`. How many asks are there if each sentence counts once?

**What this counts, and what it leaves out.** Here an ask is a statement whose *reporting verb*
asks (the verb that introduces the statement). The kit keeps one reporting verb per statement,
the first: "The representative of India said that ... and called on host States to ..." is a
statement with the verb *said*, so its ask is not counted (para. 31); nor is the Chair's
"advocated more synergies ... and called for the deployment of more policewomen" (para. 41,
verb *advocated*). Those asks are real: the count is a floor, not the number of asks in the
report. The search for "should" and "need to" below finds more; reading the paragraphs finds
the rest.
""")
    ),
    exercise("4.1", 'answer = r.statements.loc[r.statements["lemma"].isin(ASK_LEMMAS), "group"].nunique()'),
    md(
        N_("""
Who asks, and how often alone or in a group:
""")
    ),
    figure("""\
from kit import plots

plots.asks_by_speaker(r, ASK_LEMMAS)"""),
    md(
        N_("""
### Keeping a chart

A chart can go into a briefing as a web page that opens with no internet:
`write_html(..., include_plotlyjs=True)` puts plotly itself inside the file (about 4 MB). Save
this one, then open `asks_by_speaker.html` from the file browser (or download it).
""")
    ),
    code('''\
chart = plots.asks_by_speaker(r, ASK_LEMMAS)
chart.write_html("asks_by_speaker.html", include_plotlyjs=True)
"asks_by_speaker.html"'''),
    exercise(
        "4.2",
        """\
alone = asks[(asks["speaker_kind"] == "member_state") & ~asks["joint"]]
answer = alone["speaker_id"].drop_duplicates().sort_values()""",
    ),
    exercise("4.3", 'answer = asks["speaker_id"].nunique()'),
    md(
        N_("""
## "Should" and "need to"

Many asks have no asking verb: "the Security Council **should** fully heed the opinions of the
host country and the police-contributing countries" (para. 56). `str.contains` finds a pattern in
each paragraph; `\\b` marks a word boundary, `|` means "or", and `case=False` ignores capitals.
""")
    ),
    code("""\
has_must = r.paragraphs["text"].str.contains(r"\\bmust\\b", case=False)
r.paragraphs.loc[has_must, "para"].tolist()"""),
    exercise(
        "4.4",
        f'''\
pattern = r"{SHOULD_PATTERN}"
answer = r.paragraphs.loc[r.paragraphs["text"].str.contains(pattern, case=False), "para"].tolist()''',
    ),
    md(
        N_("""
## Of whom? The words before "should"

In "the Security Council should fully heed ...", the words before *should* say who is asked.
`str.extract` pulls them out (roughly: a capitalized phrase before *should*):
""")
    ),
    code("""\
sentences = r.paragraphs[["para", "text"]].copy()
sentences["asked"] = sentences["text"].str.extract(r"((?:the )?[A-Z][\\w-]*(?: (?:and|the|of|[A-Z][\\w-]*))*) should\\b")[0]
sentences.dropna(subset=["asked"])[["para", "asked"]]"""),
    md(
        N_("""
## From table to briefing note

The Briefing note app (and `kit note` on the command line) puts this together: positions,
key figures and asks, every line a sentence of the report with its paragraph number.

## To discuss

* Of the asks you found, which are addressed to the Security Council, which to the Secretariat,
  which to troop- and police-contributing countries? Which name no one?
* Pick one ask and check it against the paragraph: is a one-line summary faithful without its
  context?
""")
    ),
]


# ---------------------------------------------------------------------------


def _cells(name: str, spec: list, solution: bool, lang: str) -> list:
    _ = translator(lang).gettext
    cells = []
    for item in spec:
        kind = item[0]
        if kind == "header":
            cells.append(new_markdown_cell(_header(item, _)))
        elif kind == "md":
            cells.append(new_markdown_cell(_(item[1]).strip("\n")))
        elif kind == "code":
            cells.append(new_code_cell(setup(lang) if item[1] == SETUP else _words(item[1], _)))
        elif kind == "figure":
            cells.append(new_code_cell(_words(item[1], _), metadata={"tags": [IGNORE_OUTPUT]}))
        else:
            _kind, number, sol = item
            ex = EXERCISES[number]
            label = _("core") if ex.core else _("stretch")
            tip = "\n\n" + _("*Tip:* {tip}").format(tip=_(ex.tip)) if ex.tip else ""
            cells.append(
                new_markdown_cell(
                    _("**Exercise {number}** ({label}). {question}").format(
                        number=number, label=label, question=_(ex.question)
                    )
                    + tip
                )
            )
            body = _words(sol, _) if solution else "answer = ..."
            cells.append(new_code_cell(f'{body}\ncheck("{number}", answer, r)'))
    return cells


def notebook(name: str, solution: bool = False, lang: str = "en") -> nbformat.NotebookNode:
    """The notebook ``name`` (e.g. ``"01_who_spoke"``), participant version or with the solutions, in ``lang``."""
    lang = normalize(lang)
    nb = new_notebook(cells=_cells(name, NOTEBOOKS[name], solution, lang))
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nb.metadata["language_info"] = {"name": "python"}
    if lang != LANGUAGES[0]:
        nb.metadata["kit"] = {"lang": lang}
    if solution:
        nb.cells.insert(
            0,
            new_markdown_cell(
                translator(lang)
                .gettext(
                    "> **Trainer's version (solutions)** of `{name}.ipynb`. Do not share it with participants: made with "
                    "`kit solutions --out DIR`, it is not part of the repository."
                )
                .format(name=name)
            ),
        )
    for i, cell in enumerate(nb.cells):  # stable cell ids between builds
        cell["id"] = f"{name[:2]}-{i:02d}"
    return nb


def _write(folder: Path, solution: bool, lang: str) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in NOTEBOOKS:
        path = folder / f"{name}.ipynb"
        nbformat.write(notebook(name, solution, lang), path)
        written.append(path)
    return written


def build_participants(folder: Path, lang: str = "en") -> list[Path]:
    """Write the participant notebooks (unexecuted) in ``lang`` into ``folder``; returns their paths."""
    return _write(folder, solution=False, lang=lang)


def build_solutions(folder: Path, lang: str = "en") -> list[Path]:
    """Write the trainer's notebooks with every answer filled in (unexecuted), in ``lang``, into ``folder``.

    Refused (:class:`~kit.errors.SourceError`) where ``$KIT_PARTICIPANTS`` is set: Binder (``binder/start``)
    and the participants' servers of ``kit workshop`` set it, so a participant's notebook cell cannot write
    the solutions with ``!kit solutions``.
    """
    if os.environ.get(PARTICIPANTS_ENV, "").strip() not in ("", "0"):
        from ..errors import SourceError

        raise SourceError(
            translator(lang).gettext(
                "the solutions are for the trainer, and this is a participants' environment (Binder or kit "
                "workshop): make them on your own computer with kit solutions --out FOLDER"
            )
        )
    return _write(folder, solution=True, lang=lang)
