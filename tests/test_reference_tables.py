"""Checks on the trainer-editable reference tables in data/reference/."""

import datetime
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd
import pycountry
import pytest

REF = Path(__file__).resolve().parents[1] / "data" / "reference"

# Codes that are deliberately not ISO 3166-1 (see data/reference/README.md).
NON_ISO_HOST_CODES = {"XKX"}  # Kosovo, user-assigned code; no status implied

COLUMNS = {
    "member_states.csv": [
        "iso3",
        "un_name",
        "article",
        "running_names",
        "demonym",
        "lat",
        "lon",
        "status",
        "fr_name",
        "fr_article",
        "fr_running_names",
    ],
    "other_places.csv": ["key", "name", "running_names", "kind", "lat", "lon", "fr_name", "fr_running_names"],
    "missions.csv": [
        "acronym",
        "name",
        "alt_names",
        "host_iso3",
        "host",
        "start_year",
        "end_year",
        "status",
        "lat",
        "lon",
        "fr_acronym",
        "fr_name",
        "fr_alt_names",
        "fr_host",
    ],
    "political_missions.csv": [
        "acronym",
        "name",
        "alt_names",
        "host_iso3",
        "host",
        "start_year",
        "end_year",
        "status",
        "lat",
        "lon",
        "fr_acronym",
        "fr_name",
        "fr_alt_names",
        "fr_host",
    ],
    "themes.csv": ["theme", "label", "term", "note", "lang", "label_fr"],
    "reporting_verbs.csv": ["verb", "lemma", "lang"],
    "organizations.csv": ["key", "name", "running_names", "kind", "fr_name", "fr_running_names"],
    "honorifics.csv": ["honorific", "note", "lang"],
    "asks.csv": ["phrase", "kind", "lang", "note"],
    "figures.csv": ["term", "kind", "lang", "note"],
    "bodies.csv": ["prefix", "name", "fr_name", "note"],
    "titles.csv": ["name", "kind", "fr_name", "note"],
}
LANGS = {"en", "fr"}
FR_ARTICLES = {"le", "la", "les", "l'"}
LATEST_YEAR = datetime.date.today().year + 1  # a mission may be planned for next year, not later


def load(name):
    return pd.read_csv(REF / name, dtype=str, keep_default_na=False, encoding="utf-8")


def split(cell):
    return [p.strip() for p in cell.split("|") if p.strip()]


@pytest.mark.parametrize("name", sorted(COLUMNS))
def test_required_columns_present(name):
    df = load(name)
    assert list(df.columns)[: len(COLUMNS[name])] == COLUMNS[name]
    assert len(df) > 0


def test_readme_present():
    assert (REF / "README.md").is_file()


def test_member_and_observer_counts():
    df = load("member_states.csv")
    counts = df["status"].value_counts().to_dict()
    assert counts == {"member": 193, "observer": 2}
    assert set(df.loc[df.status == "observer", "iso3"]) == {"VAT", "PSE"}


def test_iso3_unique_and_valid():
    df = load("member_states.csv")
    assert df["iso3"].is_unique
    bad = [c for c in df["iso3"] if pycountry.countries.get(alpha_3=c) is None]
    assert not bad, bad


def test_un_names_unique_and_articles_valid():
    df = load("member_states.csv")
    assert df["un_name"].is_unique
    assert set(df["article"]) <= {"", "the"}


def test_every_state_has_running_name_and_demonym():
    df = load("member_states.csv")
    for _, row in df.iterrows():
        assert split(row["running_names"]), row["iso3"]
        assert split(row["demonym"]), row["iso3"]


def test_no_running_name_maps_to_two_states():
    df = load("member_states.csv")
    owners = defaultdict(set)
    for _, row in df.iterrows():
        for n in split(row["running_names"]):
            owners[n.casefold()].add(row["iso3"])
    clashes = {n: s for n, s in owners.items() if len(s) > 1}
    assert not clashes, clashes


def test_no_ambiguous_bare_forms():
    df = load("member_states.csv")
    names = {n for cell in df["running_names"] for n in split(cell)}
    assert "Korea" not in names
    cod = split(df.set_index("iso3").loc["COD", "running_names"])
    assert "Congo" not in cod


def test_apostrophe_names_have_curly_variant():
    df = load("member_states.csv")
    for cell in df["running_names"]:
        names = split(cell)
        for n in names:
            if "'" in n:
                assert n.replace("'", "\u2019") in names, n


def test_place_and_org_names_do_not_collide_with_states():
    states = {n.casefold() for cell in load("member_states.csv")["running_names"] for n in split(cell)}
    fr_states = {
        re.sub(r"^(?:(?:les|le|la)\s+|l')", "", n).casefold()
        for cell in load("member_states.csv")["fr_running_names"]
        for n in split(cell)
    }
    for name in ("other_places.csv", "organizations.csv"):
        df = load(name)
        assert df["key"].is_unique
        for cell in df["running_names"]:
            for n in split(cell):
                assert n.casefold() not in states, (name, n)
        for cell in df["fr_running_names"]:
            for n in split(cell):
                assert n.casefold() not in fr_states, (name, n)


@pytest.mark.parametrize("name", ["member_states.csv", "other_places.csv", "missions.csv", "political_missions.csv"])
def test_lat_lon_in_range(name):
    df = load(name)
    lat = pd.to_numeric(df["lat"], errors="raise")
    lon = pd.to_numeric(df["lon"], errors="raise")
    assert lat.between(-90, 90).all()
    assert lon.between(-180, 180).all()


@pytest.mark.parametrize("name", ["missions.csv", "political_missions.csv"])
def test_missions_well_formed(name):
    df = load(name)
    assert df["acronym"].is_unique
    assert df["name"].is_unique
    assert (df["name"].str.len() > 0).all()
    for _, row in df.iterrows():
        codes = split(row["host_iso3"])
        assert codes, row["acronym"]
        for c in codes:
            assert c in NON_ISO_HOST_CODES or pycountry.countries.get(alpha_3=c), (row["acronym"], c)
        start = int(row["start_year"])
        assert 1948 <= start <= LATEST_YEAR, row["acronym"]
        if row["end_year"]:
            assert row["status"] == "closed"
            assert start <= int(row["end_year"]) <= LATEST_YEAR, row["acronym"]
        else:
            assert row["status"] == "current"


def test_mission_acronyms_unique_across_files():
    pk = set(load("missions.csv")["acronym"])
    spm = set(load("political_missions.csv")["acronym"])
    assert not pk & spm


def test_peacekeeping_list_anchors():
    df = load("missions.csv").set_index("acronym")
    assert len(df) == 71
    for acr in [
        "UNTSO",
        "UNMOGIP",
        "UNEF I",
        "ONUC",
        "MINUSMA",
        "MINUSCA",
        "MONUSCO",
        "UNMISS",
        "UNISFA",
        "UNIFIL",
        "UNFICYP",
        "UNDOF",
        "MINURSO",
        "UNMIK",
        "UNAMID",
        "MINUJUSTH",
    ]:
        assert acr in df.index, acr
    assert df.loc["UNAMID", "name"] == "African Union-United Nations Hybrid Operation in Darfur"
    assert df.loc["MINUSMA", "status"] == "closed"


def test_themes_have_labels_and_terms():
    df = load("themes.csv")
    assert (df["label"].str.strip() != "").all()
    assert (df["term"].str.strip() != "").all()
    assert (df["term"] == df["term"].str.lower()).all()
    # one label per theme id
    assert (df.groupby("theme")["label"].nunique() == 1).all()
    assert not df.duplicated(["theme", "term", "lang"]).any()
    assert 15 <= df["theme"].nunique() <= 25
    assert set(df["lang"]) <= LANGS
    assert (df.groupby("theme")["label_fr"].nunique() == 1).all() and (df["label_fr"].str.strip() != "").all()
    # every theme can be found in both languages
    assert (df.groupby("theme")["lang"].nunique() == len(LANGS)).all()


def test_reporting_verbs():
    df = load("reporting_verbs.csv")
    assert df["verb"].is_unique
    assert (df["verb"].str.strip() != "").all()
    assert (df["lemma"].str.strip() != "").all()
    for v in ["said", "noted", "called for", "drew attention", "expressed concern", "gave a briefing"]:
        assert v in set(df["verb"]), v
    assert set(df["lang"]) <= LANGS


def test_french_verbs_have_english_lemmas_and_both_numbers():
    """A French verb's lemma is an English lemma, so `lemma` compares across the two versions of a report."""
    df = load("reporting_verbs.csv")
    en, fr = df[df["lang"] == "en"], df[df["lang"] == "fr"]
    assert len(fr) > 0
    assert set(fr["lemma"]) <= set(en["lemma"]), sorted(set(fr["lemma"]) - set(en["lemma"]))
    verbs = set(fr["verb"])
    for v in verbs:
        assert v == " ".join(v.split()) and v == v.strip(), v
        if v.startswith("a "):  # singular "a dit" has its plural "ont dit" (agreeing where it must)
            assert any(u.startswith("ont ") and u.split()[1] == v.split()[1] for u in verbs), v
    for v in [
        "a dit",
        "a déclaré",
        "a souligné",
        "a demandé",
        "a appelé à",
        "a engagé",
        "a recommandé",
        "a noté",
        "s'est félicité",
        "ont demandé",
    ]:
        assert v in verbs, v


def test_french_state_names():
    """Every State has a French name; running forms carry their article, which `fr_article` repeats."""
    df = load("member_states.csv")
    owners = defaultdict(set)
    for _, row in df.iterrows():
        assert row["fr_name"], row["iso3"]
        forms = split(row["fr_running_names"])
        assert forms, row["iso3"]
        first = re.match(r"(les|le|la)\s|(l')", forms[0])
        assert (first.group(1) or first.group(2) if first else "") == row["fr_article"], row["iso3"]
        assert row["fr_article"] in FR_ARTICLES | {""}
        for form in forms:
            bare = re.sub(r"^(?:(?:les|le|la)\s+|l')", "", form)
            assert bare[:1].isupper() or bare.startswith("ex-"), (row["iso3"], form)
            owners[bare.casefold()].add(row["iso3"])
    clashes = {n: s for n, s in owners.items() if len(s) > 1}
    assert not clashes, clashes


def test_french_mission_acronyms_unique_and_names_present():
    df = pd.concat([load("missions.csv"), load("political_missions.csv")])
    assert (df["fr_name"].str.len() > 0).all() and (df["fr_acronym"].str.len() > 0).all()
    assert df["fr_acronym"].is_unique and df["fr_name"].is_unique
    # a French acronym never names another mission's English key
    english = dict(zip(df["acronym"], df["acronym"]))
    for acr, fr in zip(df["acronym"], df["fr_acronym"]):
        assert english.get(fr, acr) == acr, (acr, fr)
    pairs = dict(zip(df["acronym"], df["fr_acronym"]))
    assert pairs["UNMISS"] == "MINUSS" and pairs["UNIFIL"] == "FINUL" and pairs["UNDOF"] == "FNUOD"


def test_honorifics_have_a_language():
    df = load("honorifics.csv")
    assert set(df["lang"]) == LANGS
    assert not df.duplicated(["honorific", "lang"]).any()


@pytest.mark.parametrize(
    "name, column, kinds",
    [
        ("asks.csv", "phrase", {"verb", "not", "modal", "welcome", "necessity", "need", "be", "actor"}),
        (
            "figures.csv",
            "term",
            {
                "number",
                "approx",
                "personnel",
                "people",
                "casualty_noun",
                "count",
                "time",
                "casualty_after",
                "casualty_before",
                "not_personnel",
                "currency",
                "scale",
                "percent",
            },
        ),
    ],
)
def test_ask_and_figure_vocabularies_have_known_kinds_in_both_languages(name, column, kinds):
    df = load(name)
    assert set(df["lang"]) == LANGS
    assert set(df["kind"]) <= kinds, set(df["kind"]) - kinds
    assert not df.duplicated([column, "kind", "lang"]).any(), df[df.duplicated([column, "kind", "lang"])]
    assert (df[column].str.strip() == df[column]).all() and (df[column] != "").all()
    # every kind the code reads exists in each language, so a French report is read as fully as an English one
    for lang in LANGS:
        assert set(df.loc[df["lang"] == lang, "kind"]) == set(df["kind"]), lang


def test_asking_verbs_are_asking_lemmas_of_the_reporting_verbs():
    """A French asking verb of asks.csv that is also a reporting verb has an asking English lemma (the statements'
    ``lemma`` and the note's asks agree)."""
    from kit.teaching import ASK_LEMMAS

    verbs = load("reporting_verbs.csv")
    lemma = dict(zip(zip(verbs["verb"], verbs["lang"]), verbs["lemma"]))
    asks = load("asks.csv")
    for row in asks[asks["kind"] == "verb"].itertuples():
        if (row.phrase, row.lang) in lemma:
            assert lemma[(row.phrase, row.lang)] in ASK_LEMMAS, (row.phrase, lemma[(row.phrase, row.lang)])


def test_titles_have_one_french_form_each():
    df = load("titles.csv")
    assert df["name"].is_unique
    assert set(df["kind"]) <= {"title", "office", "body"}
    assert (df["fr_name"].str.strip() != "").all()
