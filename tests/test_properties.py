"""Property-based tests (hypothesis): generated and mangled reports, in English and French."""

from __future__ import annotations

import re
import textwrap
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from kit import LayoutError, ReportError, load_text
from kit.gazetteer import load_gazetteer
from kit.language import LANGUAGES

from .conftest import examples
from .generators import MEMBERS_FR, OPENING_FR, forms, fr, join_fr, running, speakers
from .generators_kinds import de

G = load_gazetteer()
MEMBERS = [row for row in G.state_rows if row["status"] == "member"]
VERBS = ["said", "noted", "stressed", "emphasized", "called for", "underscored", "welcomed"]
SETTINGS = settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])


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


@st.composite
def french_statements(draw):
    states = draw(st.lists(st.sampled_from(MEMBERS_FR), min_size=1, max_size=6, unique_by=lambda r: r["iso3"]))
    names = [de(draw(st.sampled_from(forms(r)))) for r in states]
    plural = len(states) > 1
    verb = draw(
        st.sampled_from(
            ["a dit", "a déclaré", "a souligné", "a demandé", "a appelé à", "a recommandé", "a noté", "s'est félicité"]
        )
    )
    if plural:
        verb = {
            "a dit": "ont dit",
            "a déclaré": "ont déclaré",
            "a souligné": "ont souligné",
            "a demandé": "ont demandé",
            "a appelé à": "ont appelé à",
            "a recommandé": "ont recommandé",
            "a noté": "ont noté",
            "s'est félicité": "se sont félicités",
        }[verb]
    lead = draw(st.sampled_from(["", "De même, ", "Dans ce contexte, ", "En outre, ", "S'agissant des mandats, "]))
    head = draw(st.sampled_from(["représentants", "représentantes"] if plural else ["représentant", "représentante"]))
    article = "les" if plural else ("le" if head == "représentant" else "la")
    if not lead:
        article = article.capitalize()
    text = f"{lead}{article} {head} {join_fr(names)} {verb} la nécessité de la formation."
    return text, [r["iso3"] for r in states], verb


#: The generated statements of each language: (text, speaker ids, verb).
STATEMENTS = {"en": statements, "fr": french_statements}


def numbered(items) -> str:
    """The generated ``(text, speakers, verb)`` items as numbered paragraphs 1, 2, ..."""
    return "\n".join(f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1))


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


@pytest.mark.parametrize("lang", sorted(STATEMENTS))
@given(data=st.data())
@SETTINGS
def test_generated_statements_give_exactly_their_speakers(lang, data):
    items = data.draw(st.lists(STATEMENTS[lang](), min_size=1, max_size=8))
    body = numbered(items)
    r = load_text(body, name="generated.md")
    r.validate()
    assert r.metadata["lang"] == lang
    assert r.paragraphs["para"].tolist() == list(range(1, len(items) + 1))
    assert_exactly_their_speakers(r, items)


@pytest.mark.parametrize("lang", sorted(STATEMENTS))
@given(data=st.data())
@SETTINGS
def test_page_breaks_anywhere_do_not_change_the_paragraphs(lang, data):
    items = data.draw(st.lists(STATEMENTS[lang](), min_size=2, max_size=6))
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
    body = numbered(items)
    cut = body[: int(len(body) * fraction)].rstrip()
    starts = len(re.findall(r"^\d+\. ", cut, flags=re.M))
    try:
        r = load_text(cut, name="cut.md")
    except LayoutError as exc:
        assert "cut.md" in str(exc)
        return
    assert cut.endswith(".")
    assert len(r.paragraphs) == starts


ONE_WORD_STATES = [
    r for r in MEMBERS if re.fullmatch(r"[A-Z][a-z]+", r["running_names"].split("|")[0]) and r["article"] != "the"
]


@given(st.sampled_from(ONE_WORD_STATES), st.sampled_from(ONE_WORD_STATES))
@SETTINGS
def test_a_first_name_that_is_a_states_name_is_not_a_mention(first, speaker):
    """A briefer called "Jordan Kalondo" or "Chad Lomindo" is a person: their first name is not a mention of
    Jordan or Chad, wherever they are named in full; the State, when it speaks or is named alone, still is."""
    name = first["running_names"].split("|")[0]
    state = speaker["running_names"].split("|")[0]
    r = load_text(
        "\n".join(
            [
                "1. On 13 April 2021, the Working Group held a meeting on training.",
                f"2. Briefers included the Director of the Division for Training, {name} Kalondo.",
                "3. Mr. Kalondo said that training mattered.",
                f"4. The representative of {state} said that, as {name} Kalondo had said, training mattered in {name}.",
            ]
        ),
        name="generated.md",
    )
    assert "person:kalondo" in set(r.speakers["speaker_id"])
    mentions = r.mentions[r.mentions.kind == "country"]
    assert mentions[["para", "key"]].values.tolist() == [[4, first["iso3"]]]  # only "in Jordan"
    assert r.statements.loc[r.statements.para == 4, "speaker_id"].tolist() == [speaker["iso3"]]


FIRST_PREDICATES = [
    "took the floor",
    "opened the discussion",
    "visited the mission in May",
    "made a statement, took questions",
    "had read the report",
]


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
    body = numbered(items)
    r = load_text(body, name="generated.md")
    r.validate()
    assert_exactly_their_speakers(r, items)


# ---------------------------------------------------------------- the subject's structure (audit 2, item 1)

CLAUSES = [
    "in her capacity as coordinator of the troop-contributing countries",
    "speaking as the concerned country",
    "as a troop-contributing country",
    "for his part",
    "speaking in her national capacity",
    "speaking also on behalf of the Group of African States (A3+1)",
    "who had chaired the previous meeting",
]
UNNAMED = [
    "Some delegations said",
    "Several members expressed concern",
    "Many speakers stressed",
    "A number of delegations noted",
    "Other members welcomed",
    "One delegation said",
    "The majority of members stressed",
]


def subject_forms(row: dict) -> list[str]:
    """Every way a generated paragraph may name one State as its subject."""
    name = running(row)
    bare = name[0].upper() + name[1:]
    return [
        f"The representative of {name}",
        f"The delegation of {name}",
        f"The Permanent Representative of {name}",
        f"The observer of {name}",
        bare,
    ]


def test_every_member_state_by_every_subject_form_and_clause():
    """Each State, named by each subject form, with and without a clause between subject and verb, speaks alone;
    the clause never loses the speaker nor hands the paragraph to the one before."""
    lines, expected = ["1. The representative of Ghana said that training mattered."], ["GHA"]
    for k, row in enumerate(MEMBERS):
        for j, subject in enumerate(subject_forms(row)):
            clause = CLAUSES[(k + j) % len(CLAUSES)]
            verb = VERBS[(k + j) % len(VERBS)]
            lines.append(f"{len(lines) + 1}. {subject}, {clause}, {verb} the need for training.")
            expected.append(row["iso3"])
            lines.append(f"{len(lines) + 1}. {subject} was of the view that training mattered.")
            expected.append(row["iso3"])
    r = load_text("\n".join(lines), name="generated.md")
    r.validate()
    st_ = r.statements
    assert st_["speaker_id"].tolist() == expected
    assert st_["attribution"].eq("explicit").all()
    assert st_.loc[st_["verb"].str.startswith("was of"), "lemma"].eq("consider").all()
    assert r.mentions[r.mentions.kind == "country"].empty  # speakers are not mentions


@st.composite
def paragraphs_with_other_subjects(draw):
    """A statement, then paragraphs that do or do not carry it on: (text, speakers, attribution) each."""
    first = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=3, unique_by=lambda r: r["iso3"]))
    noun = "representatives" if len(first) > 1 else "representative"
    items = [
        (
            f"The {noun} of {join_names([running(r) for r in first])} said that training mattered.",
            [r["iso3"] for r in first],
            "explicit",
        )
    ]
    for _ in range(draw(st.integers(min_value=1, max_value=5))):
        kind = draw(st.sampled_from(["continued", "pronoun", "unnamed", "other", "clause"]))
        previous = items[-1][1] if items[-1][2] != "none" else []
        if kind == "continued" and previous:
            items.append(("Further progress had been noted in the field.", previous, "continued"))
        elif kind == "pronoun" and previous:
            items.append(("She added that training mattered.", previous, "continued"))
        elif kind == "unnamed":
            items.append((f"{draw(st.sampled_from(UNNAMED))} that training mattered.", [], "none"))
        elif kind == "other":
            items.append(("The report noted that training mattered.", [], "none"))
        else:
            row = draw(st.sampled_from(MEMBERS))
            clause = draw(st.sampled_from(CLAUSES))
            items.append(
                (
                    f"The representative of {running(row)}, {clause}, said that training mattered.",
                    [row["iso3"]],
                    "explicit",
                )
            )
    return items


@given(paragraphs_with_other_subjects())
@SETTINGS
def test_a_paragraph_with_a_subject_of_its_own_does_not_continue_the_previous_speaker(items):
    """Continuation only for a paragraph without a subject of its own (or with a pronoun); an unnamed group
    ("Several members", "Some delegations") is nobody's statement and no State's."""
    items = [("On 5 May 2023, the Working Group held a meeting on training.", [], "none")] + items
    r = load_text("\n".join(f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1)), name="generated.md")
    for i, (_, isos, attribution) in enumerate(items, start=1):
        st_ = r.statements[r.statements.para == i]
        assert st_["speaker_id"].tolist() == isos, (i, items[i - 1][0])
        if isos:
            assert st_["attribution"].eq(attribution).all()


@given(st.sampled_from(MEMBERS), st.sampled_from(UNNAMED))
@SETTINGS
def test_an_unnamed_group_ends_the_statement_before_it(row, group):
    r = load_text(
        f"1. The representative of {running(row)} said that training mattered. {group} that funding was key.",
        name="generated.md",
    )
    st_ = r.statements
    assert st_["speaker_id"].tolist() == [row["iso3"]]
    assert "funding" not in st_["text"].iloc[0]


def test_a_briefer_or_official_introduced_in_the_subject_speaks():
    r = load_text(
        "\n".join(
            [
                "1. On 5 May 2023, the Working Group held a meeting on transitions.",
                "2. The representative of Ghana said that X mattered.",
                "3. The Under-Secretary-General for Peace Operations, Jean-Pierre Lacroix, said that MONUSCO would stay.",
                "4. The African Union Commissioner for Political Affairs, Peace and Security, Bankole Adeoye, said that "
                "the African Union stood ready.",
                "5. The Chair, speaking in her national capacity, said that Malta agreed.",
                "6. The European Union representative said that funding was key.",
                "7. The observer of the State of Palestine said that UNDOF remained essential.",
            ]
        ),
        name="generated.md",
    )
    by_para = r.statements.groupby("para")["speaker_id"].apply(list).to_dict()
    assert by_para == {
        2: ["GHA"],
        3: ["person:lacroix"],
        4: ["person:adeoye"],
        5: ["role:chair"],
        6: ["org:european_union"],
        7: ["PSE"],
    }
    speakers = r.speakers.set_index("speaker_id")
    assert speakers.loc["person:lacroix", "name"] == "Jean-Pierre Lacroix"
    assert speakers.loc["person:lacroix", "title"].startswith("Under-Secretary-General")
    assert speakers.loc["PSE", "kind"] == "observer_state"


@given(st.sampled_from(MEMBERS), st.sampled_from(MEMBERS), st.sampled_from(["Similarly, ", "In that regard, ", ""]))
@SETTINGS
def test_a_state_named_alone_after_a_lead_in_speaks_unless_it_is_already_speaking(first, second, lead):
    """ "Similarly, Norway said" is Norway's statement; "In that regard, the United Kingdom welcomed" inside the
    United Kingdom's own statement is still that one statement."""

    def alone(row):
        name = running(row)
        return name if lead else name[0].upper() + name[1:]

    r = load_text(
        "\n".join(
            [
                "1. On 5 May 2023, the Working Group held a meeting on training.",
                f"2. The representative of {running(first)} said that training mattered. {lead}{alone(first)} welcomed "
                "the initiative.",
                f"3. The representative of {running(first)} said that training mattered. {lead}{alone(second)} noted "
                "the plan.",
                f"4. {lead}the report noted that training mattered."
                if lead
                else "4. The report noted that it mattered.",
            ]
        ),
        name="generated.md",
    )
    assert r.statements.loc[r.statements.para == 2, "speaker_id"].tolist() == [first["iso3"]]
    expected = [first["iso3"]] if second is first else [first["iso3"], second["iso3"]]
    assert r.statements.loc[r.statements.para == 3, "speaker_id"].tolist() == expected
    assert r.statements.loc[r.statements.para == 4].empty


@given(
    st.sampled_from(MEMBERS),
    st.sampled_from(["Many countries lacked equipment.", "Several members had left.", "Some delegations were absent."]),
)
@SETTINGS
def test_an_unnamed_group_without_a_reporting_verb_stays_in_the_reported_speech(row, sentence):
    r = load_text(
        f"1. The representative of {running(row)} said that training mattered. {sentence}", name="generated.md"
    )
    assert r.statements["speaker_id"].tolist() == [row["iso3"]]
    assert r.statements["text"].iloc[0].endswith(sentence)


def test_an_unnamed_group_of_a_named_body_is_still_unnamed():
    r = load_text(
        "\n".join(
            [
                "1. On 5 May 2023, the Working Group held a meeting on transitions.",
                "2. The representative of Ghana said that X mattered.",
                "3. Several members of the Working Group expressed concern at the attacks.",
            ]
        ),
        name="generated.md",
    )
    assert r.statements["para"].tolist() == [2]


GIVEN = ["Ana", "Élodie", "Jürgen", "Søren", "Ñaki", "Tomás Ángel"]
PARTICLES = [("", ""), ("de ", "de-"), ("De ", "de-"), ("van der ", "van-der-"), ("da ", "da-"), ("bin ", "bin-")]
SURNAMES = [
    ("Sáenz", "saenz"),
    ("Baïpo-Temon", "baipo-temon"),
    ("Wałęsa", "walesa"),
    ("O'Neill", "o-neill"),
    ("Groof", "groof"),
    ("Øberg", "oberg"),
]
TITLES = [
    "Head of Mission and Force Commander",
    "Police Commissioner",
    "Chief of Staff",
    "Director",
    "Deputy Head of Mission",
]


@given(
    st.sampled_from(GIVEN),
    st.sampled_from(PARTICLES),
    st.sampled_from(SURNAMES),
    st.sampled_from(TITLES),
    st.sampled_from(["UNIFIL", "MINUSCA", "UNMISS", "MONUSCO", "UNFICYP"]),
    st.sampled_from(["Ms.", "Major General"]),
    st.booleans(),
)
@SETTINGS
def test_person_ids_are_ascii_surnames_with_their_particles(
    given_name, particle, surname, title, mission, hon, hon_in_intro
):
    """Whatever the accents and particles of a name, the briefer's id is ``person:`` and the ASCII surname with its
    particles, the title is the phrase before the name and the organization the mission named after "of"."""
    full = f"{given_name} {particle[0]}{surname[0]}"
    r = load_text(
        "\n".join(
            [
                "1. On 13 April 2021, the Working Group held a meeting on training.",
                f"2. Briefers included the {title} of {mission}, {hon + ' ' if hon_in_intro else ''}{full}.",
                f"3. {hon} {particle[0]}{surname[0]} said that training mattered.",
            ]
        ),
        name="generated.md",
    )
    sid = f"person:{particle[1]}{surname[1]}"
    assert r.statements.loc[r.statements.para == 3, "speaker_id"].tolist() == [sid]
    person = r.speakers.set_index("speaker_id").loc[sid]
    assert (person["name"], person["title"], person["organization"]) == (full, title, mission)


# ------------------------------------------------------------------ PDF text: page furniture, hyphens, footnotes

PAGE_ENDS = [  # a page's end and the next page's top, as text extracted from a UN document
    "\n\n21-19999                          3/12\n\nS/2021/1093\n\n",  # odd page: job number, page counter
    "\n\n4/12                          21-19999\n\nS/2021/1093\n\n",  # even page: page counter, job number
    "\n4/8     23-25678\nS/2023/1001\n",  # the running head directly after the footer
    "\n\n4/8\n\n",
    "\n\n23-25678\n\n",
    "\n\n23-25678 (E)    181223\n*2325678*\n\n",
]


def page_end(data) -> str:
    return data.draw(st.sampled_from(PAGE_ENDS))


@given(st.lists(statements(), min_size=2, max_size=6), st.data())
@SETTINGS
def test_page_footers_and_heads_anywhere_do_not_change_the_tables(items, data):
    """A page may end inside any paragraph, with either page side's footer (page counter first or job number
    first), with or without the running head after it, and the text may end with a footer: the tables are the
    clean text's."""
    paras = [f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1)]
    mangled = []
    for p in paras:
        words = p.split(" ")
        if data.draw(st.booleans()):
            cut = data.draw(st.integers(min_value=2, max_value=len(words) - 1))
            p = " ".join(words[:cut]) + page_end(data) + " ".join(words[cut:])
        mangled.append(p)
    text = "\n".join(mangled) + (page_end(data).rstrip("\n").rsplit("\n", 1)[0] if data.draw(st.booleans()) else "")
    clean = load_text("\n".join(paras), name="clean.txt")
    r = load_text(text, name="mangled.txt")
    assert r.paragraphs["text"].tolist() == clean.paragraphs["text"].tolist()
    assert (
        r.statements[["para", "speaker_id", "verb"]].values.tolist()
        == clean.statements[["para", "speaker_id", "verb"]].values.tolist()
    )


@given(st.lists(statements(), min_size=1, max_size=6), st.data())
@SETTINGS
def test_a_states_name_hyphenated_at_any_line_end_is_mended(items, data):
    """Any word of a State's name split anywhere at a line end ("Mo-⏎zambique", "Russian Fed-⏎eration") is
    the State again: the reference tables' names are known words."""
    paras = [f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1)]
    mangled = []
    for p, (_, isos, _) in zip(paras, items):
        name = running(G.state(data.draw(st.sampled_from(isos))))
        words = [m for m in re.finditer(r"[^\W\d_]{2,}", name)]
        w = data.draw(st.sampled_from(words))
        at = data.draw(st.integers(min_value=1, max_value=len(w.group()) - 1))
        if not w.group()[at].islower():
            mangled.append(p)
            continue
        split = name[: w.start() + at] + "-\n" + name[w.start() + at :]
        mangled.append(p.replace(name, split, 1))
    clean = load_text("\n".join(paras), name="clean.txt")
    r = load_text("\n".join(mangled), name="mangled.txt")
    assert r.paragraphs["text"].tolist() == clean.paragraphs["text"].tolist()
    assert_exactly_their_speakers(r, items)


MARKERS = {  # how a footnote reference reaches the text: marker as printed, marker in the footnote
    "lowered superscript": (". 1", "1"),
    "glued digit": (".1", "1"),
    "superscript": (".\u00b9", "1"),
    "asterisk": (".*", "*"),
    "asterisk before the full stop": ("*.", "*"),
    "digit before the full stop": ("1.", "1"),
}


@given(st.lists(statements(), min_size=2, max_size=6), st.data())
@SETTINGS
def test_footnotes_anywhere_leave_the_tables_as_the_clean_text(items, data):
    """A footnote referenced from any paragraph, printed at the foot of the page (rule, footnote, footer), the page
    ending in the same or a later paragraph: the paragraphs, statements and mentions are the clean text's, the marker
    is gone, and the footnote is kept with the paragraph that carried its marker."""
    paras = [f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1)]
    k = data.draw(st.integers(min_value=0, max_value=len(paras) - 1))  # the paragraph with the marker
    j = data.draw(st.integers(min_value=k, max_value=len(paras) - 1))  # the paragraph the page ends in
    printed, marker = MARKERS[data.draw(st.sampled_from(sorted(MARKERS)))]
    words_of = [p.split(" ") for p in paras]
    words_of[k][-1] = words_of[k][-1][:-1] + printed  # "training." -> "training. 1": the marker stays on its line
    foot = (
        "\n__________________\n" + f"{marker}   See the report of the Secretary-General on MINUSMA and\n"
        "    the United Nations Interim Force in Lebanon (S/2023/688).\n" + page_end(data)
    )
    words = words_of[j]
    cut = data.draw(st.integers(min_value=2, max_value=len(words)))  # len(words): after the paragraph
    mangled = [" ".join(w) for w in words_of]
    mangled[j] = " ".join(words[:cut]) + foot + " ".join(words[cut:])
    clean = load_text("\n".join(paras), name="clean.txt")
    r = load_text("\n".join(mangled), name="mangled.txt")
    assert r.paragraphs["text"].tolist() == clean.paragraphs["text"].tolist()
    assert (
        r.statements[["para", "speaker_id", "start", "end"]].values.tolist()
        == clean.statements[["para", "speaker_id", "start", "end"]].values.tolist()
    )
    assert (
        r.mentions.drop(columns="report_id").values.tolist() == clean.mentions.drop(columns="report_id").values.tolist()
    )
    assert [(n["marker"], n["para"]) for n in r.metadata["footnotes"]] == [(marker, k + 1)]
    assert "MINUSMA" in r.metadata["footnotes"][0]["text"]


# ---------------------------------------------------------------- French (the same code, French text)


@given(st.lists(st.sampled_from(MEMBERS_FR), min_size=1, max_size=5, unique_by=lambda r: r["iso3"]))
@SETTINGS
def test_countries_only_mentioned_are_never_speakers(states):
    names = join_fr([("avec " if i == 0 else "") + forms(r)[0] for i, r in enumerate(states)])
    r = fr(f"1. Le représentant du Chili a dit que ces pays, {names}, avaient coopéré.")
    expected = [s["iso3"] for s in states]  # « du Chili » the speaker is not a mention; a later « le Chili » is
    assert speakers(r, 1) == ["CHL"]
    assert r.mentions.loc[r.mentions["kind"] == "country", "key"].tolist() == expected


ONE_WORD_FR = [r for r in MEMBERS_FR if r.get("fr_running_names") and re.fullmatch(r"[A-ZÉ][a-zéèëï]+", r["fr_name"])]


@given(st.sampled_from(ONE_WORD_FR))
@SETTINGS
def test_a_first_name_that_is_a_french_states_name_is_not_a_mention(first):
    """« Maurice Kalondo » (Maurice is Mauritius in French) or « Dominique Kalondo » is a person: named in full,
    never a mention of the State; the State named alone still is."""
    name = first["fr_name"]
    r = fr(
        "\n".join(
            [
                "1. Le 13 avril 2021, le Groupe de travail a tenu une réunion sur la formation.",
                f"2. Le Directeur de la Division de la formation, {name} Kalondo, a présenté un exposé.",
                "3. M. Kalondo a dit que la formation comptait.",
                f"4. Le représentant du Chili a dit que, comme l'avait dit {name} Kalondo, la formation comptait, "
                f"notamment pour {forms(first)[0]}.",
            ]
        )
    )
    assert "person:kalondo" in set(r.speakers["speaker_id"])
    mentions = r.mentions[r.mentions.kind == "country"]
    assert mentions[["para", "key"]].values.tolist() == [[4, first["iso3"]]]  # only « pour le Mali »


@st.composite
def french_linked_statements(draw):
    """« Le représentant de A, appuyé par ceux de B et de C, a dit … » or « Les représentants de … ont pris la
    parole et (ont) souligné … »: the speakers and verb of a plain statement."""
    states = draw(st.lists(st.sampled_from(MEMBERS_FR), min_size=1, max_size=4, unique_by=lambda r: r["iso3"]))
    names = [de(draw(st.sampled_from(forms(r)))) for r in states]
    if len(states) > 1 and draw(st.booleans()):
        link = draw(st.sampled_from(["appuyé par ceux", "soutenu par ceux", "suivi par ceux"]))
        if len(states) == 2 and draw(st.booleans()):
            link = link.replace("ceux", "celui")
        verb = draw(st.sampled_from(["a dit", "a souligné", "a demandé"]))
        text = f"Le représentant {names[0]}, {link} {join_fr(names[1:])}, {verb} la nécessité de la formation."
    else:
        plural = len(states) > 1
        aux = "ont" if plural else "a"
        first = draw(st.sampled_from(["pris la parole", "ouvert la discussion", "visité la mission en mai"]))
        participle = draw(st.sampled_from(["dit", "souligné", "demandé"]))
        second = draw(st.sampled_from([f"{aux} {participle}", participle]))  # the second auxiliary may be left out
        head = "Les représentants" if plural else "Le représentant"
        text = f"{head} {join_fr(names)} {aux} {first} et {second} la nécessité de la formation."
        verb = f"{aux} {participle}"
    return text, [r["iso3"] for r in states], verb


@given(st.lists(french_linked_statements(), min_size=1, max_size=6))
@SETTINGS
def test_generated_french_ceux_de_and_coordinated_verbs_give_exactly_their_speakers(items):
    body = numbered(items)
    r = load_text(body, name="genere.md")
    r.validate()
    assert_exactly_their_speakers(r, items)


# ---------------------------------------------------------------- meetings however their date is written (AUDIT2 #2, #6)
FR_LANG = LANGUAGES["fr"]


JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


#: how a French meeting paragraph may say its format, and the (English, canonical) format it says
FR_FORMATS = [
    ("par visioconférence", "videoconference"),
    ("en personne", "in person"),
    ("sous forme hybride", "hybrid"),
    ("", None),
]


#: a mission's name: « l'Opération hybride » never makes the meeting hybrid
FR_NAMES = ["", " consacrée à la fermeture de l'Opération hybride Union africaine/Nations Unies au Darfour (MINUAD)"]


def fr_day(d: date) -> str:
    return f"{'1er' if d.day == 1 else d.day} {FR_LANG.months[d.month - 1]}"


@st.composite
def fr_meetings(draw):
    """One French meeting paragraph as a report may write it: (text, first day, format)."""
    first = draw(st.dates(min_value=date(2015, 1, 1), max_value=date(2030, 12, 30)))
    second = first + timedelta(days=1)
    fmt, expected = draw(st.sampled_from(FR_FORMATS))
    name = draw(st.sampled_from(FR_NAMES))
    held = f"a tenu une réunion {fmt}".rstrip() + name
    y = first.year
    if first.month == second.month:
        two_days = f"{'1er' if first.day == 1 else first.day} et {second.day} {FR_LANG.months[first.month - 1]} {y}"
    else:  # « Les 30 novembre et 1er décembre 2023 »
        two_days = f"{fr_day(first)}{'' if first.year == second.year else f' {y}'} et {fr_day(second)} {second.year}"
    form = draw(
        st.sampled_from(
            [
                f"Le {fr_day(first)} {y}, le Groupe de travail {held}.",
                f"Le {JOURS[first.weekday()]} {fr_day(first)} {y}, le Groupe de travail {held}.",
                f"Les {two_days}, le Groupe de travail {held.replace('une réunion', 'deux réunions')}.",
                f"Le Groupe de travail s'est réuni le {fr_day(first)} {y}{' ' + fmt if fmt else ''}{name}.",
                f"Le Groupe de travail a tenu une réunion {fmt + ' ' if fmt else ''}le {fr_day(first)} {y}{name}.",
                f"À sa réunion du {fr_day(first)} {y}, le Groupe de travail a examiné un rapport{name}"
                f"{', ' + fmt if fmt else ''}.",
            ]
        )
    )
    return form, first, expected


@given(st.lists(fr_meetings(), min_size=1, max_size=5))
@SETTINGS
def test_generated_french_meetings_are_each_found_with_their_first_day_and_own_format(items):
    paras = []
    for text, _, _ in items:
        paras += [text, "Le représentant du Ghana a dit que les transitions étaient importantes."]
    r = load_text("\n".join(f"{i}. {t}" for i, t in enumerate(paras, start=1)), name="reunions.md", lang="fr")
    r.validate()
    m = r.meetings
    assert m["first_para"].tolist() == list(range(1, 2 * len(items), 2))
    assert [d.date() for d in m["date"]] == [first for _, first, _ in items]
    assert [None if f is None or f != f else f for f in m["format"]] == [fmt for _, _, fmt in items]
    assert m["meeting_id"].is_unique
    assert r.statements["speaker_id"].eq("GHA").all() and r.statements["attribution"].eq("explicit").all()
    assert r.statements["meeting_id"].tolist() == m["meeting_id"].tolist()


@given(st.integers(2015, 2030), st.integers(1, 12), st.integers(1, 28), st.booleans())
@SETTINGS
def test_a_french_meeting_date_without_its_year_takes_the_year_of_the_period(year, month, day, split_year):
    if split_year:
        title = (
            f"Rapport du Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix "
            f"pour la période du 1er juillet {year} au 30 juin {year + 1}"
        )
        want = date(year + 1 if month < 7 else year, month, day)
    else:
        title = (
            f"Rapport annuel du Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix "
            f"(1er janvier-31 décembre {year})"
        )
        want = date(year, month, day)
    r = fr(
        f"**Conseil de sécurité**\n\n**{title}**\n\n**I. Réunions**\n\n"
        f"1. Le {'1er' if day == 1 else day} {FR_LANG.months[month - 1]}, le Groupe de travail a tenu une réunion.\n"
        "2. Le représentant du Ghana a dit que les transitions étaient importantes.\n"
    )
    assert [d.date() for d in r.meetings["date"]] == [want]
    assert r.statements["meeting_id"].tolist() == r.meetings["meeting_id"].tolist()


# ---------------------------------------------------------------- metadata (AUDIT2 #8)

FR_BODIES = [
    "Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix",
    "Groupe de travail du Conseil de sécurité sur le sort des enfants en temps de conflit armé",
    "Comité du Conseil de sécurité créé par la résolution 2127 (2013) concernant la République centrafricaine",
    "Comité du Conseil de sécurité créé par la résolution 2206 (2015) concernant le Soudan du Sud",
]


@given(st.sampled_from(FR_BODIES), st.integers(2015, 2030), st.integers(28, 70), st.booleans())
@SETTINGS
def test_a_french_title_wrapped_over_lines_gives_the_whole_title_body_and_period(body, year, width, brackets):
    period = (
        f"(1er janvier-31 décembre {year})" if brackets else f"pour la période du 1er janvier au 31 décembre {year}"
    )
    title = f"Rapport du {body} {period}"
    lines = textwrap.wrap(title, width, break_on_hyphens=False)
    assume(not any(line.strip().isdigit() for line in lines))  # a bare number is a page number to the layout
    head_word = "le Comité" if body.startswith("Comité") else "le Groupe de travail"
    text = (
        f"Conseil de sécurité                                Distribution générale\n"
        f"                                                   15 janvier {year + 1}\n\n"
        + "\n".join(lines)
        + "\n\nI. Réunions\n\n"
        f"1. Le 5 mai {year}, {head_word} a tenu une réunion par visioconférence.\n"
        f"2. Le représentant du Ghana a dit que les mesures étaient importantes.\n"
    )
    r = load_text(text, name="titre.txt", lang="fr")
    md = r.metadata
    assert md["title"] == title
    assert md["body"] == body
    assert (md["period_start"], md["period_end"]) == (date(year, 1, 1), date(year, 12, 31))
    assert r.meetings["body"].tolist() == [body]


# ---------------------------------------------------------------- the subject's structure (audit 2, item 1)

CLAUSES_FR = [
    "parlant au nom du Groupe des États d'Afrique",
    "en sa qualité de coordonnatrice des pays fournisseurs de contingents",
    "s'exprimant en sa qualité nationale",
    "en tant que pays concerné",
    "parlant au nom des membres africains du Conseil de sécurité (A3+1)",
]


def test_every_member_state_by_every_french_subject_form_and_clause():
    """Each State by each French form, as « représentant », « délégation » or alone (« Le Mexique a dit »), with a
    clause between subject and verb, speaks alone, like the English grammar."""
    lines, expected = [], []
    for k, row in enumerate(MEMBERS_FR):
        for j, form in enumerate(forms(row)):
            clause = CLAUSES_FR[(k + j) % len(CLAUSES_FR)]
            head = ["Le représentant", "La délégation", "La représentante permanente"][(k + j) % 3]
            lines.append(f"{len(lines) + 1}. {head} {de(form)}, {clause}, a dit que la formation était utile.")
            lines.append(f"{len(lines) + 1}. {form[0].upper() + form[1:]} était d'avis que la formation était utile.")
            expected += [row["iso3"], row["iso3"]]
    r = fr("\n".join(lines))
    r.validate()
    assert r.statements["speaker_id"].tolist() == expected
    assert r.statements["attribution"].eq("explicit").all()
    assert r.mentions[r.mentions["kind"] == "country"].empty


@given(
    st.lists(st.sampled_from(MEMBERS_FR), min_size=2, max_size=4, unique_by=lambda r: r["iso3"]),
    st.sampled_from(CLAUSES_FR),
)
@SETTINGS
def test_a_clause_after_a_french_list_keeps_every_speaker(states, clause):
    """« Les représentants de A et de B, parlant au nom de …, ont demandé »: all of them, jointly; « parlant
    également au nom de C » gives C no statement (as in English)."""
    names = [de(forms(r)[0]) for r in states]
    other = forms(states[-1])[0]
    r = fr(
        OPENING_FR + f"2. Les représentants {join_fr(names[:-1])}, {clause}, ont demandé un financement.\n"
        f"3. Le représentant {names[0]}, parlant également au nom {de(other)}, a souligné la "
        "résolution."
    )
    assert speakers(r, 2) == [row["iso3"] for row in states[:-1]]
    assert r.statements.loc[r.statements.para == 2, "joint"].eq(len(states) > 2).all()
    assert speakers(r, 3) == [states[0]["iso3"]]
