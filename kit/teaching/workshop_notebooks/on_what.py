"""The workshop notebook ``02_on_what``: "2. On what? Themes"

Its prose, steps and solutions, cell by cell.

One job: what this notebook says and asks (the exercises' questions and checks are in
:mod:`kit.teaching.exercises`); :mod:`kit.teaching.workshop_source` builds it, in each language, for participants
or with the solutions.
"""

from __future__ import annotations

from ...i18n import N_
from ..workshop_cells import SETUP, code, exercise, figure, header, md

__all__ = ["CELLS"]

CELLS: list = [
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
