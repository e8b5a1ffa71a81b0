"""Charts for analysts, with plotly express: who spoke, on what, where, and what was asked.

Every function takes a :class:`~kit.Report` and returns a ``plotly.graph_objects.Figure``
(show it by leaving it last in a notebook cell, or ``fig.show()``). The figures are
drawn offline: plotly's JupyterLab renderer ships with the ``plotly`` package, and no
chart here needs a map outline from the internet (missions are counted per host
country in a bar chart, not drawn on a map).

Titles, axis titles and legends speak the language ``lang`` (default: the process's
language, :func:`kit.i18n.get_language`, which the French workshop notebooks set with
``set_language("fr")``). In French, Member States, theme labels, host countries and
mission acronyms are the French names of the reference tables (``fr_name``,
``label_fr``, ``fr_acronym``) where they have one; persons keep their names.

This module is for notebooks (the workshop, an analyst's own work). The Voilà apps
keep their light SVG charts and never import it.

Examples
--------
>>> from kit import load_report
>>> fig = statements_per_delegation(load_report())
>>> fig.data[0].type, fig.data[0].orientation
('bar', 'h')
>>> statements_per_delegation(load_report(), lang="fr").layout.title.text
'Déclarations et paragraphes par délégation'
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pandas as pd
import plotly.express as px

from .display import speaker_names
from .i18n import and_list, colon, format_date, normalize, translator
from .language import SUPPORTED, language

if TYPE_CHECKING:  # pragma: no cover
    import plotly.graph_objects as go

    from .report import Report

__all__ = ["statements_per_delegation", "themes_by_meeting", "missions_by_host", "asks_by_speaker"]

_HEIGHT_PER_BAR = 22


def _height(n: int) -> int:
    return max(300, 120 + _HEIGHT_PER_BAR * n)


def _gazetteer():
    from .gazetteer import load_gazetteer

    return load_gazetteer()


def _speakers(report: "Report", statements: pd.DataFrame, lang: str) -> pd.Series:
    """The ``speaker`` column as a chart shows it: the report's own names on a chart in the report's language,
    else the display names of :func:`kit.display.speaker_names` (a State's French name; persons keep theirs)."""
    labels = speaker_names(report.speakers, lang)
    if not labels:
        return statements["speaker"]
    return pd.Series(
        [labels.get(sid, name) for sid, name in zip(statements["speaker_id"], statements["speaker"])],
        index=statements.index,
        dtype=object,
    )


def statements_per_delegation(report: "Report", lang: str | None = None) -> "go.Figure":
    """Horizontal bars: for each delegation, its statements and the distinct paragraphs it speaks in."""
    lang = normalize(lang)
    _ = translator(lang).gettext
    st = report.statements[report.statements["speaker_kind"] == "member_state"]
    st = st.assign(speaker=_speakers(report, st, lang))
    # TRANSLATORS: legend values of the chart of statements and paragraphs per delegation.
    statements, paragraphs = _("statements"), _("paragraphs")
    t = (
        st.groupby("speaker")
        .agg(**{statements: ("statement_id", "size"), paragraphs: ("para", "nunique")})
        .sort_values([paragraphs, statements])
        .reset_index()
    )
    long = t.melt(id_vars="speaker", var_name="count", value_name="number")
    fig = px.bar(
        long,
        x="number",
        y="speaker",
        color="count",
        barmode="group",
        orientation="h",
        title=_("Statements and paragraphs per delegation"),
        labels={"speaker": _("Delegation"), "number": _("Number"), "count": ""},
    )
    fig.update_layout(height=_height(2 * len(t)), legend_title_text="")
    return fig


def _theme_labels(themes: pd.DataFrame, lang: str) -> list[str]:
    """The ``label`` column of ``themes`` in ``lang``: the vocabulary's label (:meth:`Gazetteer.label`), else the
    report's own."""
    g = _gazetteer()
    return [g.label("theme", t, lang) or lab for t, lab in zip(themes["theme"], themes["label"])]


def _meeting_labels(meeting_ids, lang: str) -> dict[str, str]:
    """Meeting id -> how a French reader writes its date ("13 avril 2021"); the ids themselves in the tables' own
    language (English), or where two meetings would share one label."""
    if language(lang).source:
        return {m: m for m in meeting_ids}
    labels = {m: format_date(m, lang) or str(m) for m in meeting_ids}
    return labels if len(set(labels.values())) == len(labels) else {m: m for m in meeting_ids}


def themes_by_meeting(report: "Report", lang: str | None = None) -> "go.Figure":
    """Heatmap: for each theme (rows) and meeting (columns), the number of paragraphs tagged with it."""
    lang = normalize(lang)
    _ = translator(lang).gettext
    th = report.themes.merge(report.paragraphs[["para", "meeting_id"]], on="para")
    th = th[th["meeting_id"].notna()].drop_duplicates(["label", "para"])
    th = th.assign(label=_theme_labels(th, lang))
    table = pd.crosstab(th["label"], th["meeting_id"])
    table = table.loc[table.sum(axis=1).sort_values(ascending=False).index]
    table = table.rename(columns=_meeting_labels(list(table.columns), lang))
    fig = px.imshow(
        table,
        text_auto=True,
        aspect="auto",
        color_continuous_scale="Blues",
        labels={"x": _("Meeting"), "y": _("Theme"), "color": _("Paragraphs")},
        title=_("Themes by meeting (paragraphs tagged)"),
    )
    fig.update_xaxes(type="category", side="top")
    fig.update_layout(height=_height(len(table)))
    if colon(lang) != ":":  # plotly writes "label: value" on hover; French puts a no-break space before the colon
        fig.for_each_trace(
            lambda t: t.update(hovertemplate=(t.hovertemplate or "").replace(": %{", colon(lang) + " %{"))
        )
    return fig


def _french_names(lang: str) -> dict[str, str]:
    """English name of a Member State or place (UN name, running names without "the") -> its name in ``lang``."""
    g = _gazetteer()
    out: dict[str, str] = {}
    column = language(lang).name_column
    for rows, english in ((g.state_rows, "un_name"), (g.place_rows, "name")):
        for row in rows:
            if column and row.get(column):
                for name in [row.get(english, ""), *str(row.get("running_names", "")).split("|")]:
                    if name:
                        out.setdefault(re.sub(rf"^(?:{language(SUPPORTED[0]).articles})", "", name), row[column])
    return out


def _host_names(ref: pd.DataFrame, lang: str) -> pd.Series:
    """Host country of each mission in ``lang``: the table's ``fr_host`` in French. Where a row has none (a
    trainer's new row): the French name of the Member State or place the English host names ("Mali", "Western
    Sahara"), of both parts of "Darfur (Sudan)", of the States it lists ("Ethiopia and Eritrea"); else the
    table's English host."""
    L = language(lang)
    if L.source:
        return ref["host"]
    names = _french_names(lang)
    host = f"{L.column_prefix}host"
    given = ref[host].fillna("") if host in ref else pd.Series("", index=ref.index)
    out = []
    for host, translated in zip(ref["host"].fillna(""), given):
        host = str(host)
        if str(translated).strip():
            out.append(str(translated).strip())
            continue
        part = re.fullmatch(r"(.+?) \((.+)\)", host)
        listed = re.split(rf", | {language(SUPPORTED[0]).and_word} ", host)  # the table's own language
        if host in names:
            out.append(names[host])
        elif part and part.group(1) in names and part.group(2) in names:
            first, second = names[part.group(1)], names[part.group(2)]  # "East Timor (Timor-Leste)": one name
            out.append(first if first == second else f"{first} ({second})")
        elif len(listed) > 1 and all(n in names for n in listed):
            out.append(and_list([names[n] for n in listed], lang))
        else:
            out.append(host)
    return pd.Series(out, index=ref.index, dtype=object)


def missions_by_host(report: "Report", lang: str | None = None) -> "go.Figure":
    """Bars: for each host country of a mission the report names, the paragraphs naming its missions."""
    lang = normalize(lang)
    _ = translator(lang).gettext
    g = _gazetteer()
    ref = pd.DataFrame(g.mission_rows)
    ref = ref.assign(
        host=_host_names(ref, lang), label=[g.label("mission_acronym", a, lang) or a for a in ref["acronym"]]
    )
    m = report.mentions[report.mentions["kind"] == "mission"].merge(
        ref[["acronym", "host", "label"]], left_on="key", right_on="acronym"
    )
    t = (
        m.groupby(["host", "label"])["para"]
        .nunique()
        .rename("paragraphs")
        .reset_index()
        .rename(columns={"label": "key"})
        .sort_values("paragraphs")
    )
    fig = px.bar(
        t,
        x="paragraphs",
        y="host",
        color="key",
        orientation="h",
        title=_("Missions named, by host country (paragraphs)"),
        labels={"host": _("Host country"), "paragraphs": _("Paragraphs"), "key": _("Mission")},
    )
    fig.update_layout(height=_height(t["host"].nunique()), yaxis={"categoryorder": "total ascending"})
    return fig


def asks_by_speaker(report: "Report", lemmas: "list[str] | tuple[str, ...]", lang: str | None = None) -> "go.Figure":
    """Bars: for each speaker, the asks (statements whose verb's lemma is in ``lemmas``), alone or in a group.

    The workshop passes ``kit.teaching.ASK_LEMMAS`` (core modules do not import the teaching layer).
    """
    lang = normalize(lang)
    _ = translator(lang).gettext
    asks = report.statements[report.statements["lemma"].isin(list(lemmas))].copy()
    asks["speaker"] = _speakers(report, asks, lang)
    # TRANSLATORS: legend values of the chart of asks: the speaker asked with other delegations, or alone.
    group, alone = _("in a group"), _("alone")
    asks["how"] = asks["joint"].map({True: group, False: alone}).fillna(alone)
    t = asks.groupby(["speaker", "how"]).size().rename("asks").reset_index()
    fig = px.bar(
        t,
        x="asks",
        y="speaker",
        color="how",
        orientation="h",
        title=_("Asks by speaker"),
        labels={"speaker": _("Speaker"), "asks": _("Asks"), "how": ""},
    )
    fig.update_layout(height=_height(t["speaker"].nunique()), yaxis={"categoryorder": "total ascending"})
    return fig
