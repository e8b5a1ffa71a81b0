"""Charts for analysts, with plotly express: who spoke, on what, where, and what was asked.

Every function takes a :class:`~kit.Report` and returns a ``plotly.graph_objects.Figure``
(show it by leaving it last in a notebook cell, or ``fig.show()``). The figures are
drawn offline: plotly's JupyterLab renderer ships with the ``plotly`` package, and no
chart here needs a map outline from the internet (missions are counted per host
country in a bar chart, not drawn on a map).

This module is for notebooks (the workshop, an analyst's own work). The Voilà apps
keep their light SVG charts and never import it.

Examples
--------
>>> from kit import load_report
>>> fig = statements_per_delegation(load_report())
>>> fig.data[0].type, fig.data[0].orientation
('bar', 'h')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd
import plotly.express as px

if TYPE_CHECKING:  # pragma: no cover
    import plotly.graph_objects as go

    from .report import Report

__all__ = ["statements_per_delegation", "themes_by_meeting", "missions_by_host", "asks_by_speaker"]

_HEIGHT_PER_BAR = 22


def _height(n: int) -> int:
    return max(300, 120 + _HEIGHT_PER_BAR * n)


def statements_per_delegation(report: "Report") -> "go.Figure":
    """Horizontal bars: for each delegation, its statements and the distinct paragraphs it speaks in."""
    st = report.statements[report.statements["speaker_kind"] == "member_state"]
    t = (st.groupby("speaker").agg(statements=("statement_id", "size"), paragraphs=("para", "nunique"))
         .sort_values(["paragraphs", "statements"]).reset_index())
    long = t.melt(id_vars="speaker", var_name="count", value_name="number")
    fig = px.bar(long, x="number", y="speaker", color="count", barmode="group", orientation="h",
                 title="Statements and paragraphs per delegation",
                 labels={"speaker": "Delegation", "number": "Number", "count": ""})
    fig.update_layout(height=_height(2 * len(t)), legend_title_text="")
    return fig


def themes_by_meeting(report: "Report") -> "go.Figure":
    """Heatmap: for each theme (rows) and meeting (columns), the number of paragraphs tagged with it."""
    th = report.themes.merge(report.paragraphs[["para", "meeting_id"]], on="para")
    th = th[th["meeting_id"].notna()].drop_duplicates(["label", "para"])
    table = pd.crosstab(th["label"], th["meeting_id"])
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index]
    fig = px.imshow(table, text_auto=True, aspect="auto", color_continuous_scale="Blues",
                    labels={"x": "Meeting", "y": "Theme", "color": "Paragraphs"},
                    title="Themes by meeting (paragraphs tagged)")
    fig.update_xaxes(type="category", side="top")
    fig.update_layout(height=_height(len(table)))
    return fig


def missions_by_host(report: "Report") -> "go.Figure":
    """Bars: for each host country of a mission the report names, the paragraphs naming its missions."""
    from .gazetteer import load_gazetteer

    ref = pd.DataFrame(load_gazetteer().mission_rows)[["acronym", "host"]]
    m = report.mentions[report.mentions["kind"] == "mission"].merge(ref, left_on="key", right_on="acronym")
    t = (m.groupby(["host", "key"])["para"].nunique().rename("paragraphs").reset_index()
         .sort_values("paragraphs"))
    fig = px.bar(t, x="paragraphs", y="host", color="key", orientation="h",
                 title="Missions named, by host country (paragraphs)",
                 labels={"host": "Host country", "paragraphs": "Paragraphs", "key": "Mission"})
    fig.update_layout(height=_height(t["host"].nunique()), yaxis={"categoryorder": "total ascending"})
    return fig


def asks_by_speaker(report: "Report", lemmas: "list[str] | tuple[str, ...]") -> "go.Figure":
    """Bars: for each speaker, the asks (statements whose verb's lemma is in ``lemmas``), alone or in a group.

    The workshop passes ``kit.teaching.ASK_LEMMAS`` (core modules do not import the teaching layer).
    """
    asks = report.statements[report.statements["lemma"].isin(list(lemmas))].copy()
    asks["how"] = asks["joint"].map({True: "in a group", False: "alone"}).fillna("alone")
    t = asks.groupby(["speaker", "how"]).size().rename("asks").reset_index()
    fig = px.bar(t, x="asks", y="speaker", color="how", orientation="h", title="Asks by speaker",
                 labels={"speaker": "Speaker", "asks": "Asks", "how": ""})
    fig.update_layout(height=_height(t["speaker"].nunique()), yaxis={"categoryorder": "total ascending"})
    return fig
