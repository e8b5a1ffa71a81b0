"""The workshop notebook ``01_who_spoke``: "1. Who spoke? Meetings, speakers and statements"

Its prose, steps and solutions, cell by cell.

One job: what this notebook says and asks (the exercises' questions and checks are in
:mod:`kit.teaching.exercises`); :mod:`kit.teaching.workshop_source` builds it, in each language, for participants
or with the solutions.
"""

from __future__ import annotations

from ...i18n import N_
from ..workshop_cells import SETUP, code, exercise, figure, header, md

__all__ = ["CELLS"]

#: The note at the top of the first notebook: how an exercise cell works.
HOW_EXERCISES_WORK = N_("""\
**How exercises work.** Replace the `...` after `answer =` with your answer (a number, a list,
or a pandas expression) and run the cell with <kbd>Shift</kbd>+<kbd>Enter</kbd>. The check says
*correct*, or gives you a hint. Names, ids and codes are all accepted ("Mexico" or "MEX").
Exercises marked *stretch* are for when you finish early.""")

CELLS: list = [
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
