"""kit.plots in each language: titles, axis titles and legends from the catalogue; French names of States."""

from __future__ import annotations

import re

import pytest

from kit import load_report, plots
from kit.gazetteer import load_gazetteer
from kit.i18n import set_language, translator
from kit.teaching import ASK_LEMMAS


@pytest.fixture(scope="module")
def r():
    return load_report()


def _figures(r, **kw):
    return {
        "statements_per_delegation": plots.statements_per_delegation(r, **kw),
        "themes_by_meeting": plots.themes_by_meeting(r, **kw),
        "missions_by_host": plots.missions_by_host(r, **kw),
        "asks_by_speaker": plots.asks_by_speaker(r, ASK_LEMMAS, **kw),
    }


def _labels(fig) -> dict[str, str]:
    """What a chart says about itself: title, axis titles, legend title, colour bar title, legend values of the
    charts whose colours are categories the kit names (not data such as mission acronyms)."""
    lay = fig.layout
    out = {"title": lay.title.text, "x": lay.xaxis.title.text, "y": lay.yaxis.title.text}
    if lay.legend.title.text:
        out["legend"] = lay.legend.title.text
    if lay.coloraxis.colorbar.title.text:
        out["color"] = lay.coloraxis.colorbar.title.text
    for t in fig.data:
        # the hover text names each axis ("Délégation=%{y}") and a legend value ("=en groupe")
        for name in re.findall(r"(?:^|<br>)([^=:<%]+)[=:]", t.hovertemplate or ""):
            out[f"hover {name}"] = name
        for value in re.findall(r"(?:^|<br>)=([^<]+)", t.hovertemplate or ""):
            out[f"legend value {value}"] = value
    return out


def _catalogue(lang: str) -> dict[str, str]:
    """msgid -> msgstr of the compiled catalogue of ``lang``."""
    return {k: v for k, v in translator(lang)._catalog.items() if isinstance(k, str) and k}


def test_french_figures_say_everything_in_french(r):
    fr = _catalogue("fr")
    french_strings = set(fr.values())
    english_only = {k for k, v in fr.items() if k != v}
    for name, fig in _figures(r, lang="fr").items():
        labels = _labels(fig)
        for what in ("title", "x", "y"):
            assert labels[what] in french_strings, (name, what, labels[what])
        english = {what: text for what, text in labels.items() if text in english_only}
        assert not english, (name, english)
        for what, text in labels.items():
            if what.startswith("legend value"):
                assert text in french_strings, (name, text)


def test_english_figures_keep_their_english_labels(r):
    fr = _catalogue("fr")
    for name, fig in _figures(r, lang="en").items():
        labels = _labels(fig)
        for what in ("title", "x", "y"):
            assert labels[what] in fr, (name, what, labels[what])  # an English message of the catalogue
        assert labels["title"] != translator("fr").gettext(labels["title"])


def test_the_default_language_is_the_process_language(r):
    try:
        set_language("fr")
        default = _figures(r)
        set_language("en")
        english = _figures(r)
    finally:
        set_language(None)
    for name, fig in _figures(r, lang="fr").items():
        assert default[name].layout.title.text == fig.layout.title.text
    for name, fig in _figures(r, lang="en").items():
        assert english[name].to_json() == fig.to_json()


def test_french_delegations_are_the_french_names_of_the_reference_table(r):
    """A French chart names a State as every French page does (kit.display: « Royaume-Uni », « Maroc »)."""
    from kit.display import state_display_name

    states = r.speakers[r.speakers["kind"] == "member_state"]
    french = {state_display_name(i, "fr") or name for i, name in zip(states["country_iso3"], states["name"])}
    fig = plots.statements_per_delegation(r, lang="fr")
    shown = {y for t in fig.data for y in t.y}
    assert shown == french
    english = plots.statements_per_delegation(r, lang="en")
    assert {y for t in english.data for y in t.y} == set(states["name"])


def test_persons_keep_their_names_in_french(r):
    from kit.display import state_display_name

    fig = plots.asks_by_speaker(r, ASK_LEMMAS, lang="fr")
    shown = {y for t in fig.data for y in t.y}
    asks = r.statements[r.statements["lemma"].isin(ASK_LEMMAS)]
    persons = set(asks.loc[asks["speaker_id"].str.startswith("person:"), "speaker"])
    assert persons <= shown
    for iso in set(asks.loc[asks["speaker_kind"] == "member_state", "speaker_id"]):
        assert state_display_name(iso, "fr") in shown


def test_a_state_without_a_french_name_keeps_the_report_name(r, monkeypatch):
    import kit.display

    states = r.speakers[r.speakers["kind"] == "member_state"]
    iso, name = states.iloc[0]["country_iso3"], states.iloc[0]["name"]
    real = kit.display.state_display_name
    monkeypatch.setattr(
        kit.display, "state_display_name", lambda code, lang="en": None if code == iso else real(code, lang)
    )
    shown = {y for t in plots.statements_per_delegation(r, lang="fr").data for y in t.y}
    assert name in shown


def test_french_theme_labels_and_meeting_dates(r):
    from kit.i18n import format_date

    fr, en = plots.themes_by_meeting(r, lang="fr").data[0], plots.themes_by_meeting(r, lang="en").data[0]
    to_fr = {row["label"]: row["label_fr"] for row in load_gazetteer().theme_rows if row.get("label_fr")}
    assert {to_fr.get(label, label): list(z) for label, z in zip(en.y, en.z)} == {
        label: list(z) for label, z in zip(fr.y, fr.z)
    }
    assert list(fr.x) == [format_date(m, "fr") for m in en.x]


def test_french_hosts_and_missions_are_french_where_the_tables_say(r):
    g = load_gazetteer()
    fr, en = plots.missions_by_host(r, lang="fr"), plots.missions_by_host(r, lang="en")
    french_names = {row["fr_name"] for row in g.state_rows + g.place_rows if row.get("fr_name")}
    english_states = {row["un_name"]: row["fr_name"] for row in g.state_rows if row.get("fr_name")}
    hosts_en = {y for t in en.data for y in t.y}
    hosts_fr = {y for t in fr.data for y in t.y}
    for host in hosts_en:
        if host in english_states:  # a host that is one Member State is shown by its French name
            assert english_states[host] in hosts_fr and (host in french_names or host not in hosts_fr), host
    acronyms = {row["acronym"]: row.get("fr_acronym") or row["acronym"] for row in g.mission_rows}
    assert {t.name for t in fr.data} == {acronyms[t.name] for t in en.data}


def test_french_hosts_come_from_the_tables_french_column_and_fall_back_without_it(r):
    """Each mission's bar sits on its row's ``fr_host``; a trainer's row with no ``fr_host`` still gets a name."""
    import pandas as pd

    g = load_gazetteer()
    rows = {row["acronym"]: row for row in g.mission_rows}
    fr = plots.missions_by_host(r, lang="fr")
    french_acronym = {row.get("fr_acronym") or a: a for a, row in rows.items()}
    for trace in fr.data:
        row = rows[french_acronym[trace.name]]
        if row.get("fr_host"):
            assert set(trace.y) == {row["fr_host"]}, trace.name
    ref = pd.DataFrame(g.mission_rows)
    ref.loc[0, "fr_host"] = ""  # a row added without its French host
    assert plots._host_names(ref, "fr").iloc[0]  # a French name of its States or places, else the English host
