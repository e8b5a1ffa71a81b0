"""One speaker-name resolver (kit.display): apps, charts and handout name a State alike, in the page's language."""

import html as htmllib

import pytest

from kit import load_report, plots
from kit.display import STATE_KINDS, display_names, speaker_names, state_display_name
from kit.gazetteer import load_gazetteer
from kit.teaching import handout
from kit.views import app_report, queries
from kit.views.overview import overview_html
from kit.views.shell import app_language, localized
from kit.views.speakers import speakers_html


@pytest.fixture(scope="module")
def r():
    return load_report()


@pytest.fixture(scope="module")
def view():
    return app_report()


def _states(speakers):
    return [s for s in speakers if s["kind"] in STATE_KINDS]


def test_a_state_display_name_is_a_name_of_its_row_in_that_language():
    """Every State gets a name from its own row: the UN short name or a running name without its article."""
    g = load_gazetteer()
    for lang in ("en", "fr"):
        prefix = g.language.column_prefix if lang == "en" else load_gazetteer(lang="fr").language.column_prefix
        for row in g.table("member_states.csv"):
            name = state_display_name(row["iso3"], lang)
            running = [n.strip() for n in row[prefix + "running_names"].split("|") if n.strip()]
            assert name == g.label("state", row["iso3"], lang) or any(n.endswith(name) for n in running), (lang, row)


def test_french_overview_and_speakers_pages_name_states_in_french(view):
    app_language("fr")
    try:
        fr = localized(view, "fr")
        overview = htmllib.unescape(str(overview_html(fr)))
        options = {sid: label for label, sid in queries.speaker_options(fr)}
        sid = next(s["speaker_id"] for s in _states(view.speakers) if s["speaker_id"] in options)
        speakers = htmllib.unescape(str(speakers_html(fr, sid)))
    finally:
        app_language("en")
    renamed = 0
    for s in _states(view.speakers):
        french = state_display_name(s["country_iso3"], "fr")
        assert french in overview, french
        if s["speaker_id"] in options:
            assert options[s["speaker_id"]].startswith(french), options[s["speaker_id"]]
        renamed += french != s["name"]
    assert renamed  # the bundled report is English: some State has another name in French
    assert fr.speaker[sid]["name"] in speakers


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_same_state_gets_the_same_name_from_apps_handout_and_charts(r, view, lang):
    from_apps = {s["speaker_id"]: s["name"] for s in _states(localized(view, lang).speakers)}
    named = handout._named(r.statements, r, lang)
    from_handout = dict(zip(named["speaker_id"], named["speaker"]))
    shown = {y for t in plots.statements_per_delegation(r, lang=lang).data for y in t.y}
    member = r.statements[r.statements["speaker_kind"] == "member_state"]["speaker_id"].unique()
    assert shown == {from_apps[sid] for sid in member}
    for sid, name in from_apps.items():
        if sid in from_handout:
            assert from_handout[sid] == name, sid
    if lang == "fr":
        assert from_apps == {k: v for k, v in display_names(r.speakers, "fr").items() if k in from_apps}


def test_persons_keep_their_names_and_the_own_language_keeps_the_report_names(r):
    assert speaker_names(r.speakers, "en") == {}
    french = speaker_names(r.speakers, "fr")
    for s in r.speakers.itertuples():
        if s.kind not in STATE_KINDS:
            assert french[s.speaker_id] == s.name
