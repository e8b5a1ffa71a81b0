"""Property-based tests (hypothesis): generated and mangled reports."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import LayoutError, ReportError, load_text
from kit.gazetteer import load_gazetteer

G = load_gazetteer()
MEMBERS = [row for row in G.state_rows if row["status"] == "member"]
VERBS = ["said", "noted", "stressed", "emphasized", "called for", "underscored", "welcomed"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def running(row: dict) -> str:
    """A running-text name of a state, with its article."""
    name = row["running_names"].split("|")[0]
    return (f"the {name}" if row["article"] == "the" else name)


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@st.composite
def statements(draw):
    states = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=6, unique_by=lambda r: r["iso3"]))
    verb = draw(st.sampled_from(VERBS))
    lead = draw(st.sampled_from(["", "Likewise, ", "Similarly, ", "In that context, ", "On mandates, "]))
    noun = "representatives" if len(states) > 1 else "representative"
    the = "the" if lead else "The"
    text = f"{lead}{the} {noun} of {join_names([running(r) for r in states])} {verb} the need for training."
    return text, [r["iso3"] for r in states], verb


def assert_exactly_their_speakers(r, items) -> None:
    """Each generated paragraph ``i`` has exactly its speakers, its verb, and is joint when several speak."""
    for i, (_, isos, verb) in enumerate(items, start=1):
        st_ = r.statements[r.statements.para == i]
        assert st_["speaker_id"].tolist() == isos
        assert st_["verb"].eq(verb).all()
        assert st_["joint"].eq(len(isos) > 1).all()
    assert r.mentions[r.mentions.kind == "country"].empty  # speakers are not mentions


def with_page_breaks(paras: list[str], data) -> str:
    """The paragraphs with a page break (blank lines) drawn at a random word inside some of them."""
    mangled = []
    for p in paras:
        words = p.split(" ")
        cut = data.draw(st.integers(min_value=2, max_value=len(words) - 1))
        if data.draw(st.booleans()):
            p = " ".join(words[:cut]) + "\n\n" + " ".join(words[cut:])
        mangled.append(p)
    return "\n\n".join(mangled)


@given(st.lists(statements(), min_size=1, max_size=8))
@SETTINGS
def test_generated_statements_give_exactly_their_speakers(items):
    body = "\n".join(f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1))
    r = load_text(body, name="generated.md")
    r.validate()
    assert r.paragraphs["para"].tolist() == list(range(1, len(items) + 1))
    assert_exactly_their_speakers(r, items)


@given(st.lists(statements(), min_size=2, max_size=6), st.data())
@SETTINGS
def test_page_breaks_anywhere_do_not_change_the_paragraphs(items, data):
    paras = [f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1)]
    clean = load_text("\n".join(paras), name="clean.md")
    r = load_text(with_page_breaks(paras, data), name="mangled.md")
    assert r.paragraphs["text"].tolist() == clean.paragraphs["text"].tolist()
    assert r.statements["speaker_id"].tolist() == clean.statements["speaker_id"].tolist()


@given(st.text(max_size=400))
@SETTINGS
def test_any_text_parses_or_raises_a_report_error(text):
    try:
        r = load_text(text or " ", name="random.txt")
    except ReportError as exc:
        assert "random.txt" in str(exc)
        return
    assert len(r.paragraphs) >= 1  # never a silent empty result
    r.statements  # noqa: B018 - tables exist


@given(st.lists(statements(), min_size=2, max_size=6), st.floats(min_value=0.05, max_value=0.95))
@SETTINGS
def test_truncated_reports_are_refused_or_complete(items, fraction):
    body = "\n".join(f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1))
    cut = body[: int(len(body) * fraction)].rstrip()
    starts = len(re.findall(r"^\d+\. ", cut, flags=re.M))
    try:
        r = load_text(cut, name="cut.md")
    except LayoutError as exc:
        assert "cut.md" in str(exc)
        return
    assert cut.endswith(".")
    assert len(r.paragraphs) == starts


ONE_WORD_STATES = [r for r in MEMBERS if re.fullmatch(r"[A-Z][a-z]+", r["running_names"].split("|")[0])
                   and r["article"] != "the"]


@given(st.sampled_from(ONE_WORD_STATES), st.sampled_from(ONE_WORD_STATES))
@SETTINGS
def test_a_first_name_that_is_a_states_name_is_not_a_mention(first, speaker):
    """A briefer called "Jordan Kalondo" or "Chad Lomindo" is a person: their first name is not a mention of
    Jordan or Chad, wherever they are named in full; the State, when it speaks or is named alone, still is."""
    name = first["running_names"].split("|")[0]
    state = speaker["running_names"].split("|")[0]
    r = load_text("\n".join([
        "1. On 13 April 2021, the Working Group held a meeting on training.",
        f"2. Briefers included the Director of the Division for Training, {name} Kalondo.",
        "3. Mr. Kalondo said that training mattered.",
        f"4. The representative of {state} said that, as {name} Kalondo had said, training mattered in {name}.",
    ]), name="generated.md")
    assert "person:kalondo" in set(r.speakers["speaker_id"])
    mentions = r.mentions[r.mentions.kind == "country"]
    assert mentions[["para", "key"]].values.tolist() == [[4, first["iso3"]]]  # only "in Jordan"
    assert r.statements.loc[r.statements.para == 4, "speaker_id"].tolist() == [speaker["iso3"]]


FIRST_PREDICATES = ["took the floor", "opened the discussion", "visited the mission in May",
                    "made a statement, took questions", "had read the report"]


@st.composite
def linked_statements(draw):
    """ "The representative of A, supported by those of B and C, said ..." or "The representative(s) of ... took
    the floor and said ...": speakers and verb as for a plain statement."""
    states = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=4, unique_by=lambda r: r["iso3"]))
    verb = draw(st.sampled_from([v for v in VERBS if v != "welcomed"]))
    names = [running(r) for r in states]
    if len(states) > 1 and draw(st.booleans()):
        link = draw(st.sampled_from(["supported", "echoed", "joined"]))
        others = "that" if len(states) == 2 and draw(st.booleans()) else "those"
        text = f"The representative of {names[0]}, {link} by {others} of {join_names(names[1:])}, {verb} the need."
    else:
        noun = "representatives" if len(states) > 1 else "representative"
        first = draw(st.sampled_from(FIRST_PREDICATES))
        text = f"The {noun} of {join_names(names)} {first} and {verb} the need for training."
    return text, [r["iso3"] for r in states], verb


@given(st.lists(linked_statements(), min_size=1, max_size=6))
@SETTINGS
def test_supported_by_those_of_and_coordinated_verbs_give_exactly_their_speakers(items):
    body = "\n".join(f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1))
    r = load_text(body, name="generated.md")
    r.validate()
    assert_exactly_their_speakers(r, items)


GIVEN = ["Ana", "Élodie", "Jürgen", "Søren", "Ñaki", "Tomás Ángel"]
PARTICLES = [("", ""), ("de ", "de-"), ("De ", "de-"), ("van der ", "van-der-"), ("da ", "da-"), ("bin ", "bin-")]
SURNAMES = [("Sáenz", "saenz"), ("Baïpo-Temon", "baipo-temon"), ("Wałęsa", "walesa"), ("O'Neill", "o-neill"),
            ("Groof", "groof"), ("Øberg", "oberg")]
TITLES = ["Head of Mission and Force Commander", "Police Commissioner", "Chief of Staff", "Director",
          "Deputy Head of Mission"]


@given(st.sampled_from(GIVEN), st.sampled_from(PARTICLES), st.sampled_from(SURNAMES), st.sampled_from(TITLES),
       st.sampled_from(["UNIFIL", "MINUSCA", "UNMISS", "MONUSCO", "UNFICYP"]), st.sampled_from(["Ms.", "Major General"]),
       st.booleans())
@SETTINGS
def test_person_ids_are_ascii_surnames_with_their_particles(given_name, particle, surname, title, mission, hon,
                                                            hon_in_intro):
    """Whatever the accents and particles of a name, the briefer's id is ``person:`` and the ASCII surname with its
    particles, the title is the phrase before the name and the organization the mission named after "of"."""
    full = f"{given_name} {particle[0]}{surname[0]}"
    r = load_text("\n".join([
        "1. On 13 April 2021, the Working Group held a meeting on training.",
        f"2. Briefers included the {title} of {mission}, {hon + ' ' if hon_in_intro else ''}{full}.",
        f"3. {hon} {particle[0]}{surname[0]} said that training mattered.",
    ]), name="generated.md")
    sid = f"person:{particle[1]}{surname[1]}"
    assert r.statements.loc[r.statements.para == 3, "speaker_id"].tolist() == [sid]
    person = r.speakers.set_index("speaker_id").loc[sid]
    assert (person["name"], person["title"], person["organization"]) == (full, title, mission)
