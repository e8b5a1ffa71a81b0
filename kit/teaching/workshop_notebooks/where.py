"""The workshop notebook ``03_where``: "3. Where? Missions, countries and resolutions"

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
