"""The parser against the bundled report and against synthetic reports it has never seen, in English and French."""

from __future__ import annotations

import re
import shutil
import textwrap
from datetime import date, timedelta
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kit import load_report, load_text
from kit.attribution import attribute
from kit.bilingual import align
from kit.gazetteer import load_gazetteer
from kit.language import LANGUAGES
from kit.meetings import parse_date

from .conftest import examples
from .generators import G_FR, MEMBERS_FR, forms, fr, fr_after_a_statement, join_fr, speakers
from .generators_kinds import de

# ---------------------------------------------------------------- bundled report


def test_every_numbered_paragraph_is_accounted_for(report):
    assert report.paragraphs["para"].tolist() == list(range(1, 72))
    assert report.problems.empty
    report.validate()


def test_page_breaks_are_repaired(report):
    text = report.paragraphs.set_index("para")["text"]
    assert "featuring armed groups, terrorists" in text[8]
    assert "In 2018, the Secretary-General had launched" in text[43]
    assert "the Department of Peace Operations and the United Nations Office" in text[50]
    assert not any("**" in t or "](#)" in t or "\\(" in t for t in text)


def test_sections_and_meetings(report):
    p = report.paragraphs.set_index("para")
    assert p.loc[5, "section"] == "III" and p.loc[35, "section"] == "IV" and p.loc[71, "section"] == "V"
    assert p.loc[35, "section_title"].startswith("Maximizing the positive impact")
    m = report.meetings
    assert m["date"].dt.strftime("%Y-%m-%d").tolist() == ["2021-04-13", "2021-10-12"]
    assert m[["first_para", "last_para"]].values.tolist() == [[5, 34], [35, 70]]
    assert m.loc[0, "format"] == "videoconference"
    assert m.loc[1, "title"] == "Maximizing the positive impact of the United Nations police on global policing"
    assert pd.isna(p.loc[71, "meeting_id"]) and p.loc[20, "meeting_id"] == "2021-04-13"


def test_document_metadata(report):
    md = report.metadata
    assert str(md["date"]) == "2021-12-21"
    assert (str(md["period_start"]), str(md["period_end"])) == ("2021-01-01", "2021-12-31")
    assert md["chair"] == "Tarek Ladeb"
    assert md["body"] == "Security Council Working Group on Peacekeeping Operations"


def speakers_of(report, para):
    st = report.statements
    return st.loc[st["para"] == para, "speaker_id"].tolist()


def test_single_and_joint_statements(report):
    st = report.statements
    p62 = st[st["para"] == 62]
    assert p62["speaker_id"].tolist() == ["CHN", "EGY", "FRA", "IND", "IDN", "IRL", "GBR"]
    assert p62["joint"].all() and p62["verb"].eq("emphasized").all() and p62["group"].nunique() == 1
    p27 = st[(st["para"] == 27) & (st["group"] == "27.1")]
    assert p27["speaker_id"].tolist() == [
        "AUS",
        "CHN",
        "FRA",
        "JPN",
        "KEN",
        "MEX",
        "MAR",
        "NOR",
        "PAK",
        "TUN",
        "GBR",
        "USA",
    ]
    assert p27["verb"].eq("called for").all()
    assert speakers_of(report, 66) == ["IND"] and not st[st["para"] == 66]["joint"].any()


def test_likewise_similarly_and_echoed(report):
    st = report.statements
    assert speakers_of(report, 59) == ["IDN", "MAR"]
    assert st[(st.para == 59) & (st.speaker_id == "MAR")]["text"].iloc[0].startswith("Likewise, the representative")
    assert speakers_of(report, 65)[:3] == ["IND", "MAR", "GBR"]
    echoed = st[(st.para == 30) & st.speaker_id.isin(["CHN", "IDN"]) & st.joint]
    assert sorted(echoed["speaker_id"]) == ["CHN", "IDN"] and echoed["group"].nunique() == 1


def test_united_kingdom_long_and_short_name_are_one_speaker(report):
    assert "GBR" in speakers_of(report, 26) and "GBR" in speakers_of(report, 54)
    assert report.speakers.set_index("speaker_id").loc["GBR", "country_iso3"] == "GBR"


def test_chair_and_briefers(report):
    sp = report.speakers.set_index("speaker_id")
    assert sp.loc["person:ladeb", "kind"] == "chair" and sp.loc["person:ladeb", "name"] == "Tarek Ladeb"
    assert speakers_of(report, 71) == ["person:ladeb"]  # "The Chair of the Working Group recommended"
    menon = sp.loc["person:menon"]
    assert (menon["name"], menon["kind"], menon["honorific"]) == ("Jai Menon", "briefer", "Major General")
    assert menon["organization"] == "Office for the Peacekeeping Strategic Partnership"
    assert sp.loc["person:lennartz", "name"] == "Bernhard Lennartz"
    assert sp.loc["person:o-mullane", "name"] == "Anthony O'Mullane"
    assert sp.loc["person:carrilho", "title"] == "United Nations Police Adviser"
    assert speakers_of(report, 23) == ["person:o-mullane"]


def test_continued_paragraphs_are_attributed_to_the_briefer(report):
    st = report.statements.set_index("para")
    for para, who in [
        (11, "person:menon"),
        (22, "person:lennartz"),
        (46, "person:carrilho"),
        (47, "person:carrilho"),
        (48, "person:carrilho"),
    ]:
        assert st.loc[para, "speaker_id"] == who
        assert st.loc[para, "attribution"] == "continued"
    assert st.loc[10, "attribution"] == "explicit"
    # procedural paragraphs are nobody's statement
    # (a meeting that "heard a briefing by the Police Adviser, Luís Carrilho" reports no words of his: para 35)
    assert not set(report.statements["para"]) & {1, 2, 3, 4, 5, 6, 35}


def test_mentioned_is_not_a_speaker(report):
    ids = set(report.speakers["speaker_id"])
    assert not ids & {"BRA", "RWA", "CAF", "MLI"}
    assert not report.speakers["name"].str.contains("Cruz").any()
    m = report.mentions
    assert {"BRA", "RWA"} <= set(m[(m.para == 30) & (m.kind == "country")]["key"])
    assert "CAF" in set(m[(m.para == 31)]["key"])


def test_speaker_names_are_not_mentions(report):
    m = report.mentions
    p62 = m[(m.para == 62) & (m.kind == "country")]
    assert p62.empty
    # "The representative of Ireland recalled the contribution of Ireland": one mention, the second
    p53 = m[(m.para == 53) & (m.key == "IRL")]
    assert len(p53) == 1 and p53["start"].iloc[0] > 30


def test_missions_and_resolutions(report):
    m = report.mentions
    missions = m[m.kind == "mission"]
    assert {"UNMISS", "MONUSCO", "MINUSCA", "MINUSMA", "UNFICYP"} <= set(missions["key"])
    assert missions[missions.key == "UNFICYP"]["para"].tolist() == [53]  # named by full name only
    full = missions[(missions.para == 12) & (missions.key == "UNMISS")]["surface"].iloc[0]
    assert full == "United Nations Mission in South Sudan (UNMISS)"
    res = m[m.kind == "resolution"]
    assert {"S/RES/2518 (2020)", "S/RES/2436 (2018)", "S/RES/2594 (2021)", "A/RES/34/169"} <= set(res["key"])
    assert "S/PRST/2001/3" in set(m["key"])
    # a country inside a mission name is part of the mission
    assert m[(m.para == 12) & (m.kind == "country")].empty


def test_offsets_point_at_the_text(report):
    text = report.paragraphs.set_index("para")["text"]
    for row in report.mentions.itertuples():
        assert text[row.para][row.start : row.end] == row.surface
    for row in report.statements.itertuples():
        assert text[row.para][row.start : row.end] == row.text


def test_themes_are_explainable(report):
    th = report.themes
    covid = th[th.theme == "covid19"]
    assert {9, 16, 22, 32} <= set(covid["para"])
    text = report.paragraphs.set_index("para")["text"]
    for row in covid.itertuples():
        for term in row.terms.split("; "):
            assert term in text[row.para].lower()
    assert th["label"].notna().all()


# ------------------------------------------------------------- unseen reports


def test_synthetic_report_names_with_and_and_long_official_names(synthetic_text):
    r = load_text(synthetic_text, name="synthetic.md")
    r.validate()
    st = r.statements
    assert st[st.para == 7]["speaker_id"].tolist() == ["BIH", "TTO", "VCT", "VEN"]
    assert st[st.para == 7]["joint"].all()
    assert st[st.para == 8]["speaker_id"].tolist() == ["GBR", "CIV"]
    assert sorted(st[st.para == 9]["speaker_id"]) == ["TUR", "VNM"]
    assert st[st.para == 10]["speaker_id"].tolist() == ["LAO", "COD"]
    assert not {"BRA", "RWA"} & set(r.speakers["speaker_id"])
    m = r.mentions
    assert {"UNFICYP", "UNIFIL"} <= set(m[m.kind == "mission"]["key"])
    assert {"A/RES/75/250", "S/PRST/2001/3", "S/RES/2594 (2021)"} <= set(m["key"])
    assert "COD" in set(m[(m.para == 9) & (m.kind == "country")]["key"])


def test_synthetic_report_people_and_continuation(synthetic_text):
    r = load_text(synthetic_text, name="synthetic.md")
    sp = r.speakers.set_index("speaker_id")
    assert sp.loc["person:agyeman", "kind"] == "chair"
    assert sp.loc["person:lacroix", "name"] == "Jean-Pierre Lacroix"
    assert sp.loc["person:lacroix", "title"] == "Under-Secretary-General for Peace Operations"
    st = r.statements.set_index("para")
    assert st.loc[6, "speaker_id"] == "person:lacroix" and st.loc[6, "attribution"] == "continued"
    assert st.loc[11, "speaker_id"] == "person:agyeman"
    assert r.meetings["meeting_id"].tolist() == ["2022-03-03"]
    assert r.meetings["last_para"].tolist() == [10]


def test_unknown_speaker_is_kept_and_reported():
    r = load_text("1. The representative of Freedonia said that peace mattered.\n", name="x.md")
    assert r.statements["speaker_id"].tolist() == ["other:freedonia"]
    assert r.speakers["kind"].tolist() == ["other"]
    assert "Freedonia" in r.problems["message"].iloc[0]


def test_summary_record_style_names_with_delegation():
    r = load_text("1. Mr. Smith (United Kingdom) said that mandates mattered.\n", name="x.md")
    assert r.statements["speaker_id"].tolist() == ["GBR"]


def test_role_titles_and_other_list_separators():
    text = (
        "1. Briefers included the United Nations Police Adviser, Luís Carrilho.\n"
        "2. The Police Adviser said that police mattered.\n"
        "3. The representatives of Ghana, as well as Kenya, stressed training.\n"
    )
    r = load_text(text, name="roles.md")
    st = r.statements.set_index("para")
    assert st.loc[2, "speaker_id"] == "person:carrilho" and st.loc[2, "verb"] == "said"
    assert st.loc[3, "speaker_id"].tolist() == ["GHA", "KEN"]


# ---------------------------------------------------------------- coordinated verbs and "those of" (audit 7, 8)


def test_a_first_predicate_that_is_not_reporting_then_a_reporting_verb():
    """ "X opened the meeting and stated that ...": the statement is X's, with the reporting verb."""
    r = load_text(
        "\n".join(
            [
                "1. On 13 April 2021, the Working Group held a meeting on training.",
                "2. The Chair of the Working Group, Mr. Ladeb, opened the meeting and stated that training mattered.",
                "3. The representative of Kenya took the floor, thanked the briefers and called for more training.",
                "4. The representatives of Chile and Peru made a joint statement and underscored the role of women.",
                "5. The Chair adopted the programme of work and said that it was ambitious.",
            ]
        ),
        name="coordinated.md",
    )
    st = r.statements
    assert st[["para", "speaker_id"]].values.tolist() == [
        [2, "person:ladeb"],
        [3, "KEN"],
        [4, "CHL"],
        [4, "PER"],
        [5, "person:ladeb"],
    ]
    assert st["lemma"].tolist() == ["state", "call for", "underscore", "underscore", "say"]
    assert st.loc[st.para == 4, "joint"].all()


def test_an_object_named_before_a_coordinated_verb_does_not_speak():
    """ "thanked Mr. Menon for his briefing and said": the delegation speaks, Mr. Menon does not."""
    r = load_text(
        "\n".join(
            [
                "1. On 13 April 2021, the Working Group held a meeting on training.",
                "2. Major General Menon said that training mattered.",
                "3. The representative of Kenya asked Mr. Menon whether training was funded and said that it was not.",
                "4. The representative of Ghana invited Mr. Menon to visit and stated that it would help.",
            ]
        ),
        name="object.md",
    )
    assert r.statements[["para", "speaker_id"]].values.tolist() == [[2, "person:menon"], [3, "KEN"], [4, "GHA"]]


def test_supported_or_echoed_by_those_of_is_one_joint_group():
    """ "The representative of China, supported by those of Japan and Kenya, said": three speakers, one group,
    the main verb; Japan and Kenya are speakers, not mentions."""
    for link in ("supported by those of", "echoed by those of", "joined by those of", "supported by that of"):
        others = "Japan" if link.endswith("that of") else "Japan and Kenya"
        r = load_text(
            f"1. The representative of China, {link} {others}, said that mandates had to be clear.", name="those.md"
        )
        st = r.statements
        assert st["speaker_id"].tolist() == ["CHN", "JPN", "KEN"][: 2 if link.endswith("that of") else 3], link
        assert st["verb"].eq("said").all() and st["joint"].all() and st["group"].nunique() == 1, link
        assert r.mentions.loc[r.mentions.kind == "country"].empty, link


# ---------------------------------------------------------------- themes (audit 10)


def test_a_word_in_another_sense_does_not_tag_a_theme():
    """Theme terms are phrases that fix their sense: "financial fraud" (a crime police investigate) is not
    conduct and discipline, "combating impunity" (the rule of law) is not accountability for crimes against
    peacekeepers, "the conviction that" is not a conviction; the same words in their sense still tag."""
    from kit.gazetteer import load_gazetteer
    from kit.themes import tagger_for

    tagger = tagger_for(load_gazetteer())

    def themes(text):
        return {h.theme for h in tagger.find(text)}

    assert "conduct_discipline" not in themes("Its police had expertise in serious crime and financial fraud.")
    assert "accountability_crimes" not in themes("Police built trust, combating impunity and upholding rights.")
    assert "accountability_crimes" not in themes("He expressed the conviction that training mattered.")
    assert "conduct_discipline" in themes("Allegations of fraud by personnel were investigated.")
    assert "accountability_crimes" in themes("There must be no impunity for crimes against peacekeepers.")
    assert "accountability_crimes" in themes("Two men had been convicted for the attack.")


#: A report's title page and first paragraphs in each language: the body its title names, and the text, whose
#: paragraph 1 starts with an ``{opening}``.
TITLE_PAGES = {
    "en": (
        "Security Council Working Group on Peacekeeping Operations",
        "**Security Council**\n\n**Report of the {body}**\n\n**I. Meeting**\n\n"
        "1. {opening}, the Working Group held a meeting on safety.\n"
        "2. The representative of Mexico said that training mattered.\n",
    ),
    "fr": (
        "Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix",
        "**Conseil de sécurité**\n\n**Rapport du {body}**\n\n**I. Réunion**\n\n"
        "1. {opening}, le Groupe de travail a tenu une réunion sur la sécurité.\n"
        "2. Le représentant du Mexique a dit que la formation comptait.\n",
    ),
}


@pytest.mark.parametrize(
    "lang,opening",
    [
        ("en", "On 13 April 2021"),
        ("en", "Then on 13 April 2021"),
        ("en", "During its meeting of 13 April 2021"),
        ("en", "In April 2021"),
        ("fr", "Le 13 avril 2021"),
        ("fr", "Lors de sa réunion du 13 avril 2021"),
        ("fr", "En avril 2021"),
    ],
)
def test_the_body_named_in_the_title_does_not_run_into_the_first_paragraph(lang, opening):
    body, page = TITLE_PAGES[lang]
    r = load_text(page.format(body=body, opening=opening), name="title.md")
    assert r.metadata["lang"] == lang
    assert r.metadata["body"] == body


# ---------------------------------------------------------------- meetings however their date is written (AUDIT2 #2, #6)


SETTINGS = settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
EN = LANGUAGES["en"]
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: how a meeting paragraph may say its format, and the format it says (None: it says none)
FORMATS = [
    ("by videoconference", "videoconference"),
    ("in person", "in person"),
    ("in a hybrid format", "hybrid"),
    ("", None),
]
#: a mission's name after the format: its "Hybrid" never makes the meeting hybrid
NAMES = ["", " on the closure of the African Union-United Nations Hybrid Operation in Darfur (UNAMID)"]


def en_day(d: date) -> str:
    return f"{d.day} {EN.months[d.month - 1].capitalize()}"


@st.composite
def en_meetings(draw):
    """One meeting paragraph as a report may write it: (text, first day, format)."""
    first = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 30)))
    second = first + timedelta(days=1)
    fmt, expected = draw(st.sampled_from(FORMATS))
    name = draw(st.sampled_from(NAMES))
    held = f"held a meeting {fmt}".rstrip() + name
    y = first.year
    if first.month == second.month:
        two_days = [
            f"{first.day} and {second.day} {EN.months[first.month - 1].capitalize()} {second.year}",
            f"{first.day}-{second.day} {EN.months[first.month - 1].capitalize()} {second.year}",
        ]
    else:  # 30 November and 1 December 2023; 31 December 2023 and 1 January 2024
        two_days = [f"{en_day(first)}{'' if first.year == second.year else f' {y}'} and {en_day(second)} {second.year}"]
    form = draw(
        st.sampled_from(
            [
                f"On {en_day(first)} {y}, the Working Group {held}.",
                f"On {WEEKDAYS[first.weekday()]}, {en_day(first)} {y}, the Working Group {held}.",
                f"On {draw(st.sampled_from(two_days))}, the Working Group {held}.",
                f"The Working Group met on {en_day(first)} {y}{' ' + fmt if fmt else ''} to discuss transitions{name}.",
                f"The Working Group held a meeting {fmt + ' ' if fmt else ''}on {en_day(first)} {y}{name}.",
                f"At its meeting on {en_day(first)} {y}, the Working Group considered a report{name}{' ' + fmt if fmt else ''}.",
            ]
        )
    )
    return form, first, expected


@given(st.lists(en_meetings(), min_size=1, max_size=5))
@SETTINGS
def test_generated_meetings_are_each_found_with_their_first_day_and_own_format(items):
    paras = []
    for text, _, _ in items:
        paras += [text, "The representative of Ghana said that the transitions mattered."]
    r = load_text("\n".join(f"{i}. {t}" for i, t in enumerate(paras, start=1)), name="meetings.md")
    r.validate()
    m = r.meetings
    assert m["first_para"].tolist() == list(range(1, 2 * len(items), 2))
    assert [d.date() for d in m["date"]] == [first for _, first, _ in items]
    assert [None if pd.isna(f) else f for f in m["format"]] == [fmt for _, _, fmt in items]
    assert m["meeting_id"].is_unique and all(
        mid.startswith(d.strftime("%Y-%m-%d")) for mid, d in zip(m["meeting_id"], m["date"])
    )
    st_ = r.statements
    assert (st_["attribution"] == "explicit").all() and st_["speaker_id"].eq("GHA").all()
    assert st_["meeting_id"].tolist() == m["meeting_id"].tolist()  # each statement in its own meeting


def _report_with(title: str, *paras: str, name: str = "year.md"):
    head = f"**Security Council**\n\n**{title}**\n\n**I. Meetings**\n\n" if title else ""
    return load_text(head + "\n".join(f"{i}. {t}" for i, t in enumerate(paras, start=1)) + "\n", name=name)


@given(st.integers(2015, 2030), st.integers(1, 12), st.integers(1, 28), st.booleans())
@SETTINGS
def test_a_meeting_date_without_its_year_takes_the_year_of_the_reports_period(year, month, day, split_year):
    """A period from 1 July to 30 June dates January-June in its second year, July-December in its first."""
    if split_year:
        title = (
            f"Report of the Security Council Working Group on Peacekeeping Operations for the period "
            f"from 1 July {year} to 30 June {year + 1}"
        )
        want = date(year + 1 if month < 7 else year, month, day)
    else:
        title = (
            f"Annual report of the Security Council Working Group on Peacekeeping Operations "
            f"(1 January to 31 December {year})"
        )
        want = date(year, month, day)
    r = _report_with(
        title,
        f"On {day} {EN.months[month - 1].capitalize()}, the Working Group held a meeting.",
        "The representative of Ghana said that the transitions mattered.",
    )
    assert [d.date() for d in r.meetings["date"]] == [want]
    assert r.statements["meeting_id"].tolist() == r.meetings["meeting_id"].tolist()


def test_a_meeting_date_without_a_year_the_report_cannot_give_is_a_problem():
    with pytest.warns(Warning):
        r = _report_with(
            "",
            "On 5 May, the Working Group held a meeting.",
            "The representative of Ghana said that the transitions mattered.",
        )
    assert r.meetings.empty
    problem = r.problems[r.problems["problem"] == "meeting_date"]
    assert problem["para"].tolist() == [1] and "5 May" in problem["message"].iloc[0]


@pytest.mark.parametrize(
    "text",
    [
        "The representative of Kenya said that the Working Group met on 5 May 2023 with the police.",
        "The Chair recalled that the Working Group held a meeting on 5 May 2023.",
        "On 5 May 2023, the representative of Kenya said that it mattered.",
    ],
)
def test_a_date_inside_a_statement_is_no_meeting(text):
    r = _report_with("", "On 3 March 2023, the Working Group held a meeting.", text)
    assert r.meetings["first_para"].tolist() == [1]
    assert r.statements.query("para == 2")["attribution"].eq("explicit").all()


# ---------------------------------------------------------------- metadata (AUDIT2 #8)

BODIES = [
    "Security Council Working Group on Peacekeeping Operations",
    "Security Council Working Group on Children and Armed Conflict",
    "Security Council Committee established pursuant to resolution 2127 (2013) concerning the Central African Republic",
    "Security Council Committee established pursuant to resolution 1533 (2004) concerning the Democratic "
    "Republic of the Congo",
    "Security Council Committee established pursuant to resolution 2206 (2015) concerning South Sudan",
]


@given(st.sampled_from(BODIES), st.integers(2015, 2030), st.integers(28, 70), st.booleans())
@SETTINGS
def test_a_title_wrapped_over_lines_gives_the_whole_title_body_and_period(body, year, width, brackets):
    """Plain text (as extracted from a PDF) wraps the title at any width: it is read whole."""
    period = (
        f"(1 January to 31 December {year})" if brackets else f"for the period from 1 January to 31 December {year}"
    )
    title = f"Report of the {body} {period}"
    lines = textwrap.wrap(title, width)
    # a line that is only a number is a page number to the layout ("2015" alone): not a wrapping to test here
    assume(not any(line.strip().isdigit() for line in lines))
    head = "\n".join(lines)
    head_word = "Committee" if "Committee" in body else "Working Group"
    text = (
        f"Security Council                                   Distr.: General\n"
        f"                                                   15 January {year + 1}\n\n"
        f"{head}\n\nI. Meetings\n\n"
        f"1. On 5 May {year}, the {head_word} held a meeting by videoconference.\n"
        f"2. The representative of Ghana said that the measures mattered.\n"
    )
    r = load_text(text, name="wrapped.txt")
    md = r.metadata
    assert md["title"] == title
    assert md["body"] == body
    assert (md["period_start"], md["period_end"]) == (date(year, 1, 1), date(year, 12, 31))
    assert r.meetings["body"].tolist() == [body]  # the meeting says "the Committee": it is the report's body


def test_a_meeting_held_by_another_body_keeps_its_own_name():
    r = _report_with(
        "Report of the Security Council Working Group on Peacekeeping Operations",
        "On 5 May 2023, the Security Council held a meeting.",
        "The representative of Ghana said that the transitions mattered.",
    )
    assert r.meetings["body"].tolist() == ["Security Council"]


@pytest.mark.parametrize(
    "later",
    [
        "Mr. Lacroix said that a hybrid model had worked.",
        "Gen. Menon recalled the videoconference of the previous year.",
        "Ms. Pobee said that the meetings would be held virtually.",
    ],
)
def test_the_format_is_read_from_the_meetings_own_sentence(later):
    r = _report_with(
        "",
        f"On 5 May 2023, the Working Group held a meeting in person. {later}",
        "On 6 May 2023, the Working Group held a meeting. " + later,
        "The representative of Ghana said that the transitions mattered.",
    )
    assert r.meetings["format"].tolist()[0] == "in person" and pd.isna(r.meetings["format"].tolist()[1])


# People: ids, titles and organizations read from structure (AUDIT2 #7, #9), with text written for these tests.
PEOPLE_EN = """\
Report of the Working Group (1 January to 31 December 2030)

1. On 3 March 2030, the Working Group held a meeting. Briefers included the Chief of Staff and Force Commander of \
UNMISS, Brigadier General Tomás Ñúñez Ibáñez, and the Rapporteur of the Group of Experts, Ms. Ana Van der Berg, \
and the Special Envoy of the Secretary-General for the Great Lakes Region, Øystein Hågensen.
2. Brigadier General Ñúñez Ibáñez said that patrols had been reduced.
3. Ms. Van der Berg said that the embargo had been violated. Mr. Hågensen noted progress.
4. From 1 to 5 May 2030, the Chair travelled to Juba and met with the Minister for Defence of South Sudan, \
Rebecca Nyandeng-Garang, and with the Director of the Office for the Peacekeeping Strategic Partnership, Dr. Ola Nilsen.
5. Ms. Nyandeng-Garang said that the Government welcomed the visit.
6. The representative of Kenya said that Mr. Kenya Brown agreed and that Palestine had spoken.
7. On 9 June 2030, the Working Group heard a briefing by the Head of Mission of UNIFIL, Ms. Ines Vidal, on mobility.
"""


def _people(text: str, lang: str = "en") -> pd.DataFrame:
    return load_text(text, lang=lang).speakers.set_index("speaker_id")


def test_person_ids_are_ascii_and_keep_surname_particles():
    sp = _people(PEOPLE_EN)
    people = [s for s in sp.index if s.startswith("person:")]
    assert all(re.fullmatch(r"person:[a-z0-9]+(?:-[a-z0-9]+)*", s) for s in people), people
    # the last word of a compound surname, accents folded; particles stay with the surname
    assert {"person:ibanez", "person:van-der-berg", "person:hagensen", "person:nyandeng-garang"} <= set(people)
    assert sp.loc["person:van-der-berg", "name"] == "Ana Van der Berg"
    assert sp.loc["person:ibanez", "name"] == "Tomás Ñúñez Ibáñez"


def test_titles_are_the_phrase_before_the_name_and_organizations_come_from_the_tables():
    sp = _people(PEOPLE_EN)
    assert tuple(sp.loc["person:ibanez", ["title", "organization"]]) == ("Chief of Staff and Force Commander", "UNMISS")
    assert tuple(sp.loc["person:van-der-berg", ["title", "organization"]]) == ("Rapporteur", "Group of Experts")
    # an office of the Secretary-General is one title
    assert sp.loc["person:hagensen", "title"] == "Special Envoy of the Secretary-General for the Great Lakes Region"
    assert pd.isna(sp.loc["person:hagensen", "organization"])
    # not "Chair travelled to Juba and met with the Minister ..."
    minister = sp.loc["person:nyandeng-garang"]
    assert (minister["title"], minister["organization"], minister["represents_iso3"]) == (
        "Minister for Defence",
        "South Sudan",
        "SSD",
    )
    for title in sp["title"].dropna():  # no verb of the narrative inside a title
        assert not re.search(r"\b(?:met|travelled|visited|said)\b", title), title


def test_a_name_inside_reported_speech_is_neither_a_speaker_nor_a_country():
    r = load_text(PEOPLE_EN, lang="en")
    assert "person:brown" not in set(r.speakers["speaker_id"])
    para6 = r.statements[r.statements["para"] == 6]
    assert list(para6["speaker_id"]) == ["KEN"]
    keys = set(r.mentions.loc[r.mentions["para"] == 6, "key"])
    assert "PSE" in keys  # "Palestine" alone is the State of Palestine
    assert "KEN" not in keys  # "Mr. Kenya Brown" is a person, and the speaker's own name is no mention


def test_bundled_person_ids_are_stable(report):
    # slugs of names without accents or particles are what they were (ids are keys other tables join on)
    for sid, name in report.speakers.set_index("speaker_id")["name"].items():
        if sid.startswith("person:"):
            assert sid == "person:" + re.sub(r"[^a-z0-9]+", "-", name.split()[-1].lower()).strip("-")


def test_a_person_called_by_one_part_of_a_compound_surname_is_the_person_introduced():
    text = (
        "1. On 3 March 2030, the Working Group held a meeting. Briefers included the Force Commander of UNIFIL, "
        "Major General Aroldo Lázaro Sáenz.\n2. Major General Lázaro said that patrols had been reduced.\n"
        "3. Major General Lázaro Sáenz added that the roads were closed.\n"
    )
    r = load_text(text, lang="en")
    assert set(r.statements["speaker_id"]) == {"person:saenz"}
    assert [s for s in r.speakers["speaker_id"] if s.startswith("person:")] == ["person:saenz"]


# ---------------------------------------------------------------- French (the same code, French text)

FIXTURES = Path(__file__).resolve().parent / "fixtures"


# ---------------------------------------------------------------- the constructions of the French grammar


def test_singular_representative_with_contracted_article():
    r = fr("1. Le représentant du Mexique a dit que les accidents étaient trop nombreux.")
    row = r.statements.iloc[0]
    assert (row.speaker_id, row.verb, row.lemma, row.joint) == ("MEX", "a dit", "say", False)
    assert r.metadata["lang"] == "fr"
    assert r.mentions[r.mentions["kind"] == "country"].empty  # the speaker is not a mention


def test_feminine_representative_and_la():
    r = fr("1. La représentante de la France a déclaré que la mobilité des troupes était essentielle.")
    assert speakers(r, 1) == ["FRA"] and r.statements.iloc[0].lemma == "state"


def test_joint_list_with_every_article():
    text = (
        "1. Les représentants de l'Australie, de la Chine, de la France, du Japon, du Kenya, du Mexique, du Maroc, "
        "de la Norvège, du Pakistan, de la Tunisie, du Royaume-Uni et des États-Unis d'Amérique ont demandé "
        "une meilleure connaissance de la situation."
    )
    r = fr(text)
    assert speakers(r, 1) == ["AUS", "CHN", "FRA", "JPN", "KEN", "MEX", "MAR", "NOR", "PAK", "TUN", "GBR", "USA"]
    assert r.statements["joint"].all() and r.statements["group"].nunique() == 1
    assert r.statements["lemma"].eq("call for").all()


def test_long_names_with_et_and_de_inside_stay_whole():
    text = (
        "1. Les représentants du Royaume-Uni de Grande-Bretagne et d'Irlande du Nord, de Saint-Vincent-et-les "
        "Grenadines, de la Bosnie-Herzégovine et de la République démocratique du Congo ont souligné ce point."
    )
    assert speakers(fr(text), 1) == ["GBR", "VCT", "BIH", "COD"]


def test_de_meme_statement_starts_with_its_sentence():
    r = fr(
        "1. Le représentant de l'Indonésie a dit que la police était utile. De même, le représentant du Maroc a "
        "dit que la police jouait un rôle essentiel."
    )
    assert speakers(r, 1) == ["IDN", "MAR"]
    assert r.statements.iloc[1].text.startswith("De même, le représentant du Maroc")


def test_supported_by_celui_de_is_one_joint_group():
    r = fr(
        "1. Le représentant de la Chine, appuyé par celui de l'Indonésie, a déclaré que ces pays, avec le Brésil "
        "et le Rwanda, travaillaient à la création d'un groupe des amis."
    )
    assert speakers(r, 1) == ["CHN", "IDN"]
    assert r.statements["joint"].all() and r.statements["group"].nunique() == 1
    # countries only mentioned are mentions, not speakers
    assert sorted(r.mentions.loc[r.mentions["kind"] == "country", "key"]) == ["BRA", "RWA"]


def test_adverb_after_the_auxiliary_and_reflexive_verbs():
    r = fr(
        "1. Le représentant du Japon a également souligné ce point. Les représentants de l'Égypte et de l'Inde "
        "se sont félicités des progrès. La représentante de la Suède s'est dite préoccupée par les attaques."
    )
    st_ = r.statements
    assert st_["speaker_id"].tolist() == ["JPN", "EGY", "IND", "SWE"]
    assert st_["verb"].tolist() == ["a souligné", "se sont félicités", "se sont félicités", "s'est dite préoccupée"]
    assert st_["lemma"].tolist() == ["stress", "welcome", "welcome", "express concern"]


def test_french_chair_and_briefers():
    r = load_report(FIXTURES / "wgpko_excerpt_fr.md")
    sp = r.speakers.set_index("speaker_id")
    assert sp.loc["person:ladeb", "kind"] == "chair" and sp.loc["person:ladeb", "name"] == "Tarek Ladeb"
    assert r.metadata["chair"] == "Tarek Ladeb"
    assert sp.loc["person:menon", "kind"] == "briefer" and sp.loc["person:menon", "name"] == "Jai Menon"
    assert sp.loc["person:menon", "honorific"] == "général de division"
    assert sp.loc["person:carrilho", "kind"] == "briefer"
    last = r.paragraphs["para"].max()
    assert speakers(r, last) == ["person:ladeb"]  # « Le Président du Groupe de travail a recommandé »
    menon = r.statements[r.statements["speaker_id"] == "person:menon"]
    assert menon.iloc[0].text.startswith("Le général de division Menon a dit")


def test_chair_without_a_name_is_the_chair_role():
    r = fr("1. La Présidente du Groupe de travail a recommandé que les échanges se poursuivent.")
    assert speakers(r, 1) == ["role:chair"]


def test_president_of_the_council_is_not_the_chair():
    r = fr_after_a_statement("Le Président du Conseil de sécurité a publié une déclaration sur les opérations.")
    assert r.statements.query("para == 2").empty


@pytest.mark.parametrize("month", range(1, 13))
def test_meetings_in_every_french_month(month):
    name = LANGUAGES["fr"].months[month - 1]
    r = fr(
        f"1. Le 1er {name} 2022, le Groupe de travail a tenu une réunion par visioconférence.\n"
        f"2. Le représentant du Chili a dit que la réunion était utile."
    )
    m = r.meetings.iloc[0]
    assert (m.date.month, m.date.day, m.format) == (month, 1, "videoconference")
    assert r.paragraphs["meeting_id"].notna().all()
    assert parse_date(f"13 {name} 2021").month == month


def test_meeting_heard_a_briefing_and_quoted_title():
    r = fr(
        "1. Le 12 octobre 2021, le Groupe de travail a entendu un exposé du Conseiller pour les questions de "
        "police, Luís Carrilho, sur le thème « Maximiser l'impact de la police ».\n"
        "2. M. Carrilho a dit que la police était essentielle."
    )
    assert r.meetings.iloc[0].title == "Maximiser l'impact de la police"
    assert speakers(r, 2) == ["person:carrilho"]
    assert r.speakers.set_index("speaker_id").loc["person:carrilho", "name"] == "Luís Carrilho"


def test_briefer_by_title_and_organizations_on_behalf_of_others():
    r = fr(
        "1. Le 12 octobre 2021, le Groupe de travail a entendu un exposé de la Cheffe de la police de la MINUSS, "
        "Christine Fossen.\n"
        "2. La Cheffe de la police de la MINUSS a dit que la police était essentielle. Mme Fossen a souligné le rôle "
        "des femmes.\n"
        "3. Le représentant de l'Union européenne, s'exprimant au nom de ses États membres, a dit que le financement "
        "était crucial. Les représentants de l'Union africaine et de la CEDEAO ont salué ces efforts."
    )
    assert speakers(r, 2) == ["person:fossen", "person:fossen"]
    assert speakers(r, 3) == ["org:european_union", "org:african_union", "org:ecowas"]
    assert r.speakers.set_index("speaker_id").loc["org:ecowas", "name"].startswith("Communauté économique")


def test_continuation_paragraphs_stay_inside_their_meeting():
    r = load_report(FIXTURES / "synthetic_fr.md")
    cont = r.statements[r.statements["attribution"] == "continued"]
    assert not cont.empty
    for row in cont.itertuples():
        before = r.statements[r.statements["para"] == row.para - 1]
        assert row.speaker_id in set(before["speaker_id"])
        assert row.meeting_id == before["meeting_id"].iloc[0]


def test_missions_keep_their_english_key():
    r = fr(
        "1. Le représentant du Japon a dit que la MINUSS, la Force intérimaire des Nations Unies au Liban (FINUL), "
        "la FISNUA, la FNUOD, la MINUK et l'UNFICYP étaient déployées."
    )
    missions = r.mentions[r.mentions["kind"] == "mission"]
    assert missions["key"].tolist() == ["UNMISS", "UNIFIL", "UNISFA", "UNDOF", "UNMIK", "UNFICYP"]
    assert missions["surface"].iloc[1].endswith("(FINUL)")  # full name and acronym are one mention
    assert r.mentions[r.mentions["kind"] == "country"].empty  # « au Liban » belongs to the mission name


def test_resolutions_keep_their_symbol():
    r = fr(
        "1. Le représentant du Kenya a rappelé la résolution 2594 (2021) du Conseil de sécurité, les résolutions "
        "2518 (2020) et 2589 (2021), la résolution 34/169 de l'Assemblée générale et le document S/PRST/2001/3."
    )
    keys = r.mentions.loc[r.mentions["kind"].isin(["resolution", "document"]), "key"].tolist()
    assert keys == ["S/RES/2594 (2021)", "S/RES/2518 (2020)", "S/RES/2589 (2021)", "A/RES/34/169", "S/PRST/2001/3"]


def test_au_aux_and_elision_do_not_break_names():
    r = fr_after_a_statement(
        "Des soldats de la paix étaient déployés au Soudan du Sud, aux Comores, à Haïti, "
        "en Afghanistan, dans l'État de Palestine et aux États-Unis d'Amérique."
    )
    assert r.mentions.query("para == 2")["key"].tolist() == ["SSD", "COM", "HTI", "AFG", "PSE", "USA"]


def test_a_french_verb_added_to_the_table_is_read(tmp_path):
    """The grammar is reference data: a trainer's new row is enough, no code."""
    before, after = tmp_path / "before", tmp_path / "after"  # the gazetteer is cached per folder
    for folder in (before, after):
        folder.mkdir()
        for f in Path(G_FR.folder).glob("*.csv"):
            shutil.copy(f, folder / f.name)
    text = [(1, "Le représentant du Pérou a martelé que la sécurité primait.")]
    assert attribute(text, load_gazetteer(before, lang="fr")).statements == []
    with open(after / "reporting_verbs.csv", "a", encoding="utf-8") as f:
        f.write("a martelé,stress,fr\n")
    found = attribute(text, load_gazetteer(after, lang="fr")).statements
    assert [(s.speaker_id, s.verb, s.lemma) for s in found] == [("PER", "a martelé", "stress")]


# ---------------------------------------------------------------- all 193 Member States, with their articles


def test_every_member_state_by_every_french_form():
    lines, expected = [], []
    for row in MEMBERS_FR:
        for form in forms(row):
            lines.append(f"{len(lines) + 1}. Le représentant {de(form)} a dit que la formation était utile.")
            expected.append(row["iso3"])
    r = fr("\n".join(lines))
    assert r.statements["speaker_id"].tolist() == expected
    assert r.mentions[r.mentions["kind"] == "country"].empty


def test_every_member_state_is_found_as_a_mention_after_a_preposition():
    r = fr_after_a_statement("Les contingents venaient " + join_fr([de(forms(row)[0]) for row in MEMBERS_FR]) + ".")
    m = r.mentions.query("para == 2")
    assert m.loc[m["kind"] == "country", "key"].tolist() == [row["iso3"] for row in MEMBERS_FR]


# ---------------------------------------------------------------- coordinated verbs, « ceux de », the chair (audit 7, 8, 15)


COORDINATED = [
    (
        "The Chair of the Working Group, Mr. Ladeb, opened the meeting and stated that training mattered.",
        "Le Président du Groupe de travail, M. Ladeb, a ouvert la séance et a déclaré que la formation comptait.",
    ),
    (
        "The representative of Kenya took the floor, thanked the briefers and called for more training.",
        "Le représentant du Kenya a pris la parole, a remercié les intervenants et a demandé davantage de formation.",
    ),
    (
        "The representatives of Chile and Peru made a joint statement and stressed the role of women.",
        "Les représentants du Chili et du Pérou ont fait une déclaration commune et ont souligné le rôle des femmes.",
    ),
    (
        "The representative of Kenya took the floor and stated that training mattered.",  # second auxiliary left out
        "Le représentant du Kenya a pris la parole et déclaré que la formation comptait.",
    ),
    (
        "Major General Menon visited the mission and noted that camps had improved.",
        "Le général de division Menon a visité la mission et a noté que les camps s'étaient améliorés.",
    ),
    (
        "The representative of South Africa, supported by those of Japan and Viet Nam, said that mandates mattered.",
        "Le représentant de l'Afrique du Sud, appuyé par ceux du Japon et du Viet Nam, a dit que les mandats comptaient.",
    ),
    (
        "The representative of China, echoed by those of Kenya and Ghana, stressed training.",
        "Le représentant de la Chine, suivi par ceux du Kenya et du Ghana, a souligné la formation.",
    ),
]


@pytest.mark.parametrize("en,fr_text", COORDINATED)
def test_english_and_french_read_the_same_speakers_and_lemma(en, fr_text):
    """ "X opened the meeting and stated that" (« a ouvert la séance et a déclaré que ») and "supported by those
    of" (« appuyé par ceux de ») give the same speakers, groups and lemma in both languages."""
    opening = (
        "1. On 3 March 2022, the Working Group held a meeting on training.\n",
        "1. Le 3 mars 2022, le Groupe de travail a tenu une réunion sur la formation.\n",
    )
    reports = [load_text(opening[0] + "2. " + en, lang="en"), load_text(opening[1] + "2. " + fr_text, lang="fr")]
    rows = [r.statements[["para", "speaker_id", "group", "joint", "lemma"]].values.tolist() for r in reports]
    assert rows[0] == rows[1] and rows[0], rows
    assert all(r.mentions.loc[r.mentions.kind == "country"].empty for r in reports)
    assert align(*reports).mismatches.empty


@pytest.mark.parametrize(
    "en,fr_text",
    [
        (
            "1. The Ambassador and Permanent Representative of Tunisia to the United Nations, Tarek Ladeb, chaired the "
            "Working Group.",
            "1. Le Représentant permanent de la Tunisie auprès de l'Organisation des Nations Unies, Tarek Ladeb, a présidé "
            "le Groupe de travail.",
        ),
        (
            "1. Tarek Ladeb presided over the Working Group in 2022.",
            "1. Tarek Ladeb a présidé le Groupe de travail en 2022.",
        ),
        (
            "1. The Permanent Representative of Tunisia, Tarek Ladeb, was elected Chair of the Working Group.",
            "1. Le Représentant permanent de la Tunisie, Tarek Ladeb, a été élu Président du Groupe de travail.",
        ),
        (
            "1. The Chair of the Working Group, Tarek Ladeb, welcomed the participants.",
            "1. Le Président du Groupe de travail, Tarek Ladeb, a souhaité la bienvenue aux participants.",
        ),
    ],
)
def test_the_chair_is_read_from_chaired_and_presided(en, fr_text):
    """ "X chaired the Working Group" / « a présidé » makes X the chair, as "was elected Chair" does: the chair of
    the report's metadata, of its meetings, and the kind of their statements."""
    tail = (
        "\n2. On 3 March 2022, the Working Group held a meeting on training.\n"
        "3. Mr. Ladeb said that training mattered.",
        "\n2. Le 3 mars 2022, le Groupe de travail a tenu une réunion sur la formation.\n"
        "3. M. Ladeb a dit que la formation comptait.",
    )
    for text, lang in ((en + tail[0], "en"), (fr_text + tail[1], "fr")):
        r = load_text(text, lang=lang)
        assert r.metadata["chair"] == "Tarek Ladeb", (lang, r.metadata["chair"])
        assert r.meetings["chair"].tolist() == ["Tarek Ladeb"], lang
        assert r.speakers.set_index("speaker_id").loc["person:ladeb", "kind"] == "chair", lang


# ---------------------------------------------------------------- themes of the same content in both languages (audit 16)


def _theme_pairs() -> list[dict[str, str]]:
    import csv

    lines = [
        line
        for line in (FIXTURES / "theme_pairs.tsv").read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    return list(csv.DictReader(lines, delimiter="\t"))


THEME_PAIRS = _theme_pairs()


@pytest.mark.parametrize("pair", THEME_PAIRS, ids=[p["en"][:40] for p in THEME_PAIRS])
def test_an_english_sentence_and_its_french_version_get_the_same_themes(pair):
    """Each English theme term in a sentence, and the sentence as UN French words it (« un meilleur partage de
    l'information » for "better information-sharing"), get the same, non-empty, set of themes."""
    from kit.themes import tagger_for

    en = {h.theme for h in tagger_for(load_gazetteer()).find(pair["en"])}
    fr_ = {h.theme for h in tagger_for(G_FR).find(pair["fr"])}
    assert en and en == fr_, (pair, en, fr_)


def test_theme_pairs_cover_every_theme():
    """The pairs were written one per English term of themes.csv; every theme keeps at least one (a trainer who
    adds a term is welcome to add its pair, but the suite does not require it)."""
    from kit.themes import tagger_for

    tagger = tagger_for(load_gazetteer())
    covered = {h.theme for p in THEME_PAIRS for h in tagger.find(p["en"])}
    assert covered == set(tagger.labels), sorted(set(tagger.labels) - covered)


def test_a_hyphenated_term_and_its_solid_spelling_both_match():
    """ "pre-deployment training" and "predeployment training" are two rows with one key: both spellings match
    (only the first row's spelling used to be searched)."""
    from kit.themes import ThemeTagger

    tagger = ThemeTagger(
        [
            {"theme": "t", "label": "T", "term": "predeployment training"},
            {"theme": "t", "label": "T", "term": "pre-deployment training"},
        ]
    )
    assert [h.theme for h in tagger.find("Pre-deployment training and predeployment training.")] == ["t", "t"]


def test_a_date_in_a_french_statement_is_no_meeting():
    r = fr(
        "1. Le 3 mars 2023, le Groupe de travail a tenu une réunion.\n"
        "2. Le Président a dit que le Groupe de travail s'est réuni le 5 mai 2023 avec la police.\n"
        "3. Le représentant du Kenya a dit que le Groupe de travail a tenu une réunion le 6 mai 2023.\n"
    )
    assert r.meetings["first_para"].tolist() == [1]


def test_french_observer_chair_and_unnamed_groups():
    r = fr(
        "\n".join(
            [
                "1. Le 5 mai 2023, le Groupe de travail a tenu une réunion sur les transitions.",
                "2. Le représentant du Ghana a dit que les transitions comptaient.",
                "3. L'observateur de l'État de Palestine a déclaré que la FNUOD restait essentielle.",
                "4. La Présidente, s'exprimant en sa qualité nationale, a dit que Malte accueillerait une conférence.",
                "5. Plusieurs délégations ont dit que le consentement était essentiel.",
                "6. Le représentant du Kenya a dit que le financement comptait. Certains membres ont estimé que la "
                "formation comptait.",
                "7. Le rapport a noté que la formation comptait.",
            ]
        )
    )
    assert speakers(r, 3) == ["PSE"]
    assert speakers(r, 4) == ["role:chair"]
    assert speakers(r, 5) == []  # an unnamed group: no State speaks, and the paragraph is not Palestine's
    assert speakers(r, 6) == ["KEN"]
    assert "formation" not in r.statements.loc[r.statements.para == 6, "text"].iloc[0]
    assert speakers(r, 7) == []  # a subject of its own: not the previous speaker's continuation


def test_french_briefer_introduced_in_the_subject_and_pronoun_continuation():
    r = fr(
        "\n".join(
            [
                "1. Le 5 mai 2023, le Groupe de travail a tenu une réunion sur les transitions.",
                "2. Le Secrétaire général adjoint aux opérations de paix, Jean-Pierre Lacroix, a déclaré que la MONUSCO "
                "resterait.",
                "3. Il a ajouté que le financement comptait.",
                "4. Le représentant permanent de l'Indonésie, pour sa part, a dit que le consentement comptait.",
                "5. De même, plusieurs délégations ont dit que le consentement comptait.",
                "6. Le Secrétariat a indiqué que le financement comptait.",
            ]
        )
    )
    assert speakers(r, 2) == ["person:lacroix"]
    assert r.statements.loc[r.statements.para == 3, ["speaker_id", "attribution"]].values.tolist() == [
        ["person:lacroix", "continued"]
    ]
    assert speakers(r, 4) == ["IDN"]
    assert speakers(r, 5) == [] and speakers(r, 6) == []


# People in French (AUDIT2 #7, #9): the same ids as in English, titles read from structure; text written for the test.
PEOPLE_FR = """\
Rapport du Groupe de travail (1er janvier au 31 décembre 2030)

1. Le 3 mars 2030, le Groupe de travail a tenu une séance. Figuraient parmi les intervenants le chef d'état-major et \
commandant de la force de la MINUSS, le général de brigade Tomás Ñúñez Ibáñez, et la Rapporteuse du Groupe d'experts, \
Mme Ana Van der Berg.
2. Le général de brigade Ñúñez Ibáñez a dit que les patrouilles avaient été réduites.
3. Mme Van der Berg a dit que l'embargo avait été violé.
4. Du 1er au 5 mai 2030, la Présidente s'est rendue à Djouba et s'est entretenue avec la Ministre de la défense du \
Soudan du Sud, Rebecca Nyandeng-Garang.
5. Mme Nyandeng-Garang a dit que le Gouvernement se félicitait de la visite.
6. Le représentant du Kenya a dit que M. Kenya Brown a convenu que la Palestine avait pris la parole.
7. Le 9 juin 2030, le Groupe de travail a entendu un exposé de la Cheffe de mission de la FINUL, Mme Ines Vidal, \
sur la mobilité.
"""


def test_people_in_french_have_ascii_ids_and_titles_read_from_structure():
    r = load_text(PEOPLE_FR, lang="fr")
    sp = r.speakers.set_index("speaker_id")
    assert {"person:ibanez", "person:van-der-berg", "person:nyandeng-garang"} <= set(sp.index)
    assert tuple(sp.loc["person:ibanez", ["title", "organization"]]) == (
        "chef d'état-major et commandant de la force",
        "MINUSS",
    )
    assert tuple(sp.loc["person:van-der-berg", ["title", "organization"]]) == ("Rapporteuse", "Groupe d'experts")
    minister = sp.loc["person:nyandeng-garang"]  # not « Présidente s'est rendue à Djouba et ... »
    assert (minister["title"], minister["organization"], minister["represents_iso3"]) == (
        "Ministre de la défense",
        "Soudan du Sud",
        "SSD",
    )
    for title in sp["title"].dropna():
        assert not re.search(r"\b(?:s'est|a|ont)\b", title), title


def test_reported_speech_in_french():
    r = load_text(PEOPLE_FR, lang="fr")
    assert "person:brown" not in set(r.speakers["speaker_id"])
    keys6 = set(r.mentions.loc[r.mentions["para"] == 6, "key"])
    assert "PSE" in keys6 and "KEN" not in keys6  # « la Palestine »; « M. Kenya Brown » is a person


def test_a_french_state_name_printed_without_its_capitals_accents_is_still_that_state():
    """French typography (and older releases) often print a capital without its accent: « Etats-Unis »,
    « l'Egypte ». Every Member State whose French name has an accented capital is found written either way."""
    import unicodedata

    def bare(text: str) -> str:
        return "".join(unicodedata.normalize("NFD", c)[0] if c.isupper() else c for c in text)

    rows = [r for r in MEMBERS_FR if any(bare(c) != c for f in forms(r) for c in f if c.isupper())]
    assert rows, "the table has French names with accented capitals (États-Unis, Égypte ...)"
    paras = [
        f"{i}. La délégation {de(bare(forms(r)[0]))} a souligné la nécessité de la formation."
        for i, r in enumerate(rows, start=1)
    ]
    r = load_text("\n\n".join(paras), name="sans_accents.md")
    assert r.statements.sort_values("para")["speaker_id"].tolist() == [row["iso3"] for row in rows]


@pytest.mark.parametrize(
    "text",
    [
        "1. Briefers included the Director of the Logistics Division, Ana Pires.\n"
        "2. The representative of Ghana said that the mandates were clear.\n"
        "3. The Director said that fuel was scarce.\n",
        "1. Le Groupe de travail a entendu un exposé de la Directrice de la Division de la logistique, Mme Ana Pires.\n"
        "2. Le représentant du Ghana a dit que les mandats étaient clairs.\n"
        "3. La Directrice a dit que le carburant manquait.\n",
    ],
    ids=["en", "fr"],
)
def test_a_one_word_title_names_the_one_person_who_holds_it_in_each_language(text):
    """« La Directrice a dit » like "The Director said": a one-word title names the person introduced with it,
    with the title words of the text's language (``Language.one_word_titles``, ``title_of``)."""
    r = load_text(text, name="title.md")
    assert dict(zip(r.statements["para"], r.statements["speaker_id"])) == {2: "GHA", 3: "person:pires"}
