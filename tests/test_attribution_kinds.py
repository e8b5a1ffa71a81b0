"""Who speaks in summary records and meetings coverage (press releases), in English and French.

The fixtures in tests/fixtures/speech/ are invented paragraphs, one document kind and language per file, each
row with the speakers a reader marks on it (README there). These tests read them through ``attribute()`` and
check the speaker of every paragraph, continuation until the next speaker or a narrative paragraph, and the
invariants every attribution keeps; property tests name every Member State in every form.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import load_text
from kit.attribution import attribute
from kit.gazetteer import load_gazetteer, read_table

from .conftest import examples
from .generators import running
from .generators_kinds import de

SPEECH = Path(__file__).resolve().parent / "fixtures" / "speech"
FILES = sorted(SPEECH.glob("*.tsv"))
G = {"en": load_gazetteer(), "fr": load_gazetteer(lang="fr")}
MEMBERS = [row for row in G["en"].state_rows if row["status"] == "member"]
STATES = {row["iso3"] for row in G["en"].state_rows}  # Member States and observer States
SETTINGS = settings(max_examples=examples(15), deadline=None, suppress_health_check=[HealthCheck.too_slow])
SURNAMES = [
    "Okonjo",
    "Lindqvist",
    "De Groof",
    "Kőrösi",
    "N'Diaye",
    "O'Brien",
    "Sáenz",
    "Al-Hassan",
    "Nakamura",
    "Mbeki-Tsoka",
    "Ólafsdóttir",
    "Van den Berg",
    "Dubois",
]


def read_fixture(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def lang_of(path: Path) -> str:
    return path.stem.rsplit("_", 1)[1]


def attributed(path: Path):
    rows = read_fixture(path)
    paragraphs = [(i, row["text"]) for i, row in enumerate(rows, start=1)]
    return rows, paragraphs, attribute(paragraphs, G[lang_of(path)])


def speakers_of(result, para: int) -> list[str]:
    return [s.speaker_id for s in result.statements if s.para == para]


# ---------------------------------------------------------------- every form of the fixtures


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_paragraph_has_the_speakers_a_reader_marks(path):
    rows, _, result = attributed(path)
    for i, row in enumerate(rows, start=1):
        expected = [] if row["speakers"] == "-" else row["speakers"].split("+")
        got = [s for s in result.statements if s.para == i]
        assert [s.speaker_id for s in got] == expected, (i, row["text"])
        assert {s.attribution for s in got} == ({row["how"]} if expected else set()), (i, row["text"])


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_statements_are_spans_of_their_paragraph_and_speakers_are_known(path):
    _, paragraphs, result = attributed(path)
    text_of = dict(paragraphs)
    assert result.statements
    for s in result.statements:
        assert s.text == text_of[s.para][s.start : s.end] and s.text.strip(), s
        assert s.speaker_id in result.speakers, s.speaker_id
    for sid, speaker in result.speakers.items():
        if speaker.kind in ("member_state", "observer_state"):
            assert sid in STATES, sid
        assert not sid.startswith("other:"), sid


def test_fixtures_cover_every_kind_in_both_languages():
    assert {p.stem for p in FILES} >= {
        f"{kind}_{lang}" for kind in ("summary_record", "meetings_coverage", "verbatim_record") for lang in ("en", "fr")
    }


def test_a_person_keeps_one_id_however_named():
    """ "JEAN-PIERRE LACROIX, Under-Secretary-General ..." and "Mr. Lacroix" are one speaker, with the full name
    and the title of the introduction."""
    _, _, result = attributed(SPEECH / "meetings_coverage_en.tsv")
    lacroix = result.speakers["person:lacroix"]
    assert lacroix.name == "Jean-Pierre Lacroix"
    assert lacroix.title == "Under-Secretary-General for Peace Operations"
    assert result.speakers["person:pobee"].name == "Martha Pobee"


# ---------------------------------------------------------------- narrative paragraphs stop continuation

NARRATIVE = {
    "en": [
        "The meeting rose at 1 p.m.",
        "The Council then adopted resolution 2719 (2023).",
        "The draft resolution was adopted without a vote.",
        "Ms. Vega (Chile), Vice-Chair, took the Chair.",
        "The meeting was suspended at 4.10 p.m.",
    ],
    "fr": [
        "La séance est levée à 13 heures.",
        "Le Conseil a ensuite adopté la résolution 2719 (2023).",
        "Le projet de résolution est adopté sans vote.",
        "Mme Vega (Chili), Vice-Présidente, prend la présidence.",
        "La séance est suspendue à 16 h 10.",
    ],
}
OPENING = {
    "en": "The representative of Chile said that the mandate was clear.",
    "fr": "Le représentant du Chili dit que le mandat est clair.",
}
PRONOUN = {"en": "He added that troops needed rest.", "fr": "Il ajoute que les troupes ont besoin de repos."}


@pytest.mark.parametrize("lang,narrative", [(lang, n) for lang, ns in NARRATIVE.items() for n in ns])
def test_a_narrative_paragraph_belongs_to_no_one_and_stops_continuation(lang, narrative):
    result = attribute([(1, OPENING[lang]), (2, narrative), (3, PRONOUN[lang])], G[lang])
    assert speakers_of(result, 1) == ["CHL"]
    assert speakers_of(result, 2) == [] and speakers_of(result, 3) == []
    # without the narrative paragraph, the pronoun paragraph does continue
    assert speakers_of(attribute([(1, OPENING[lang]), (2, PRONOUN[lang])], G[lang]), 2) == ["CHL"]


# ---------------------------------------------------------------- organs are never people


@pytest.mark.parametrize(
    "lang,text",
    [
        ("en", "By its resolution 70/268, the General Assembly welcomed the report of the Special Committee."),
        ("en", "The President of the General Assembly said that the revitalization would continue."),
        ("en", "In 2015, the General Assembly decided and stated that the matter was urgent."),
        ("en", "Judge Assembly Hall noted that the room was full."),
    ],
)
def test_an_organ_is_never_a_person(lang, text):
    result = attribute([(1, text)], G[lang])
    assert not [sid for sid in result.speakers if sid.startswith("person:")], result.speakers


# ---------------------------------------------------------------- a verb that needs its reported clause

CLAUSE_VERBS = [
    (row["lang"], row["verb"]) for row in read_table("reporting_verbs.csv") if row.get("complement") == "clause"
]
SUBJECT = {"en": "The representative of Kenya", "fr": "Le représentant du Kenya"}
OBJECT = {"en": "its substantive session.", "fr": "sa session de fond."}
CLAUSE = {"en": "that its session had been useful.", "fr": "que sa session a été utile."}


def test_some_verbs_need_their_clause():
    assert ("en", "concluded") in CLAUSE_VERBS and any(lang == "fr" for lang, _ in CLAUSE_VERBS)


@pytest.mark.parametrize("lang,verb", CLAUSE_VERBS)
def test_a_verb_that_needs_a_clause_reports_speech_only_with_it(lang, verb):
    assert attribute([(1, f"{SUBJECT[lang]} {verb} {OBJECT[lang]}")], G[lang]).statements == []
    said = attribute([(1, f"{SUBJECT[lang]} {verb} {CLAUSE[lang]}")], G[lang]).statements
    assert [(s.speaker_id, s.verb) for s in said] == [("KEN", verb)]


def test_present_tense_verbs_are_rows_of_the_table():
    rows = read_table("reporting_verbs.csv")
    present = {row["verb"] for row in rows if row.get("tense") == "present" and row["lang"] == "fr"}
    assert {"dit", "fait observer", "souligne"} <= present
    for verb in sorted(present):
        result = attribute([(1, f"Mme Dubois (Belgique) {verb} que la formation est utile.")], G["fr"])
        assert [(s.speaker_id, s.verb) for s in result.statements] == [("BEL", verb)], verb


# ---------------------------------------------------------------- every Member State in every form


def french_bracket(row: dict) -> str:
    """A State as a French summary record writes it in brackets: its name without article (« Nigéria »)."""
    return row["fr_name"]


def assert_each_paragraph_is(result, expected: list[str], paragraphs) -> None:
    for (para, text), iso3 in zip(paragraphs, expected):
        assert speakers_of(result, para) == [iso3], text
    for s in result.statements:
        assert s.attribution == "explicit"


@SETTINGS
@given(
    surname=st.sampled_from(SURNAMES),
    hon=st.sampled_from(["Mr.", "Ms.", "Mrs."]),
    verb=st.sampled_from(["said", "stressed", "told the Committee", "cautioned", "noted"]),
    clause=st.sampled_from(
        ["", ", speaking on behalf of a group of States,", ", introducing draft resolution A/C.4/80/L.2,"]
    ),
)
def test_every_member_state_as_a_delegate_in_brackets(surname, hon, verb, clause):
    paragraphs = [
        (i, f"{hon} {surname} ({running(row).removeprefix('the ')}){clause} {verb} that mandates must be realistic.")
        for i, row in enumerate(MEMBERS, start=1)
    ]
    assert_each_paragraph_is(attribute(paragraphs, G["en"]), [row["iso3"] for row in MEMBERS], paragraphs)


@SETTINGS
@given(
    surname=st.sampled_from(SURNAMES),
    hon=st.sampled_from(["M.", "Mme"]),
    verb=st.sampled_from(["dit", "fait observer", "souligne", "rappelle", "estime", "a déclaré"]),
)
def test_every_member_state_as_a_delegate_in_brackets_in_french(surname, hon, verb):
    paragraphs = [
        (i, f"{hon} {surname} ({french_bracket(row)}) {verb} que les mandats doivent être réalistes.")
        for i, row in enumerate(MEMBERS, start=1)
    ]
    assert_each_paragraph_is(attribute(paragraphs, G["fr"]), [row["iso3"] for row in MEMBERS], paragraphs)


@SETTINGS
@given(
    noun=st.sampled_from(["representative", "delegate", "speaker"]),
    verb=st.sampled_from(["said", "stressed", "warned", "applauded"]),
)
def test_every_member_state_by_its_possessive(noun, verb):
    def possessive(row):
        name = running(row)
        name = name[0].upper() + name[1:]
        return f"{name}'" if name.endswith("s") else f"{name}'s"

    paragraphs = [
        (i, f"{possessive(row)} {noun} {verb} that the mission must stay.") for i, row in enumerate(MEMBERS, start=1)
    ]
    assert_each_paragraph_is(attribute(paragraphs, G["en"]), [row["iso3"] for row in MEMBERS], paragraphs)


@SETTINGS
@given(
    noun=st.sampled_from(["le représentant", "la représentante", "le délégué", "la déléguée"]),
    verb=st.sampled_from(["a déclaré", "a souligné", "a estimé", "a mis en garde"]),
    quoted=st.booleans(),
)
def test_every_member_state_named_after_the_verb_in_french(noun, verb, quoted):
    said = "« La mission doit rester »" if quoted else "La mission doit rester"
    paragraphs = [
        (i, f"{said}, {verb} {noun} {de(row['fr_running_names'].split('|')[0])}.")
        for i, row in enumerate(MEMBERS, start=1)
    ]
    assert_each_paragraph_is(attribute(paragraphs, G["fr"]), [row["iso3"] for row in MEMBERS], paragraphs)


@SETTINGS
@given(verb=st.sampled_from(["said", "added", "stressed"]))
def test_every_member_state_named_after_the_verb(verb):
    paragraphs = [
        (i, f"The mission must stay, {verb} the representative of {running(row)}.")
        for i, row in enumerate(MEMBERS, start=1)
    ]
    assert_each_paragraph_is(attribute(paragraphs, G["en"]), [row["iso3"] for row in MEMBERS], paragraphs)


# ---------------------------------------------------------------- through load_text, as the parser reads them

MEETING = {
    "en": "On 3 October 2023, the Special Committee held its 250th meeting.",
    "fr": "Le 3 octobre 2023, le Comité spécial a tenu sa 250e séance.",
}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_numbered_after_a_dated_meeting_the_tables_agree_with_the_text(path):
    """The fixture as numbered paragraphs after a meeting paragraph: the report validates, each paragraph has the
    speakers of ``attribute()``, and every row of the speakers table speaks (a delegate is no person as well)."""
    rows, _, result = attributed(path)
    lines = [MEETING[lang_of(path)]] + [row["text"] for row in rows]
    r = load_text("\n".join(f"{i}. {line}" for i, line in enumerate(lines, start=1)), name=path.stem + ".md")
    r.validate()
    for i in range(1, len(rows) + 1):
        assert r.statements.loc[r.statements["para"] == i + 1, "speaker_id"].tolist() == speakers_of(result, i)
    assert set(r.speakers["speaker_id"]) == set(r.statements["speaker_id"])


# ---------------------------------------------------------------- observers and names in capitals

OBSERVERS = [row for row in G["en"].state_rows if row["status"] != "member"]


# organizations whose French name takes « de l' » (« l'Union africaine », « l'Organisation ... »)
ORGS = [row for row in G["en"].org_rows if row.get("fr_name", "").startswith(("Union", "Organisation"))]


@pytest.mark.parametrize("row", OBSERVERS + ORGS, ids=lambda r: r.get("iso3") or r["key"])
def test_every_observer_state_and_organization_in_brackets(row):
    """ "(Observer for the State of Palestine)", « (Observatrice de l'État de Palestine) »: the State or the
    organization speaks, never the person."""
    key = row.get("iso3") or f"org:{row['key']}"
    en_name = running(row) if "iso3" in row else "the " + row["name"]
    fr_name = de(row["fr_running_names"].split("|")[0]) if "iso3" in row else "de l'" + row["fr_name"]
    en = attribute([(1, f"Ms. Abebe (Observer for {en_name}) said that the mandate was clear.")], G["en"])
    fr = attribute([(1, f"Mme Abebe (Observatrice {fr_name}) dit que le mandat est clair.")], G["fr"])
    assert [s.speaker_id for s in en.statements] == [key]
    assert [s.speaker_id for s in fr.statements] == [key]
    assert not any(sid.startswith("person:") for sid in {**en.speakers, **fr.speakers})


@SETTINGS
@given(
    given_name=st.sampled_from(["MARIA", "JEAN-PAUL", "Ana", "KOFI"]),
    surname=st.sampled_from(SURNAMES),
    verb=st.sampled_from(["said", "stressed", "told the Council"]),
)
def test_every_member_state_after_a_name_in_capitals(given_name, surname, verb):
    paragraphs = [
        (
            i,
            f"{given_name} {surname.upper()} ({running(row).removeprefix('the ')}) {verb} that the "
            "mission needed helicopters.",
        )
        for i, row in enumerate(MEMBERS, start=1)
    ]
    assert_each_paragraph_is(attribute(paragraphs, G["en"]), [row["iso3"] for row in MEMBERS], paragraphs)


@pytest.mark.parametrize(
    "lang,text,first,second",
    [
        (
            "en",
            "The representative of Sudan said that consent mattered. Regional bodies were better placed, he said, "
            "while the representative of Peru stressed the crisis.",
            "SDN",
            "PER",
        ),
        (
            "fr",
            "Le représentant du Soudan a dit que le consentement comptait. Les organismes régionaux sont mieux placés, "
            "a-t-il affirmé, alors que le représentant du Pérou a souligné la crise.",
            "SDN",
            "PER",
        ),
    ],
)
def test_a_pronouns_own_verb_keeps_its_words_with_the_speaker_before(lang, text, first, second):
    """ "..., he said, while the representative of Peru stressed", « ..., a-t-il affirmé, alors que le représentant
    du Pérou a souligné »: the words before the pronoun's verb are the first speaker's, the rest the second's."""
    result = attribute([(1, text)], G[lang])
    assert [s.speaker_id for s in result.statements] == [first, second]
    one, two = result.statements
    assert one.end <= two.start and ("placed" in one.text or "placés" in one.text)
    assert two.text.lower().startswith(("the representative of peru", "le représentant du pérou"))
