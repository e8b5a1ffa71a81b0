"""Forms first met in real documents the kit had not seen, over every Member State, in both languages.

``tests/test_real_forms.py`` checks each form once on invented documents (``tests/fixtures/real_forms/mc_*_more.txt``).
These tests check the rules of ``docs/who-speaks.md`` beyond one example: a State by its adjective (every
adjective of ``member_states.csv``), States named as examples of a group (any States), a title before a name (any
surname), an official by a description (only when the next paragraph names one person), and that the statements
of the new forms are whole sentences of their paragraph.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kit import load_report
from kit.attribution import _slug, attribute
from kit.sentences import sentence_spans
from kit.subject_forms import adjectives

from .generators_kinds import de
from .test_attribution_kinds import MEMBERS, SETTINGS, SURNAMES, G, speakers_of
from .test_properties import running

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "real_forms"


def _column(lang: str) -> str:
    return "demonym" if lang == "en" else "fr_demonym"


def test_every_member_state_has_an_adjective_in_each_language():
    for lang in ("en", "fr"):
        missing = [row["iso3"] for row in MEMBERS if not row.get(_column(lang), "").strip()]
        assert not missing, (lang, missing)


def test_an_adjective_two_states_share_names_neither():
    for lang in ("en", "fr"):
        counts = Counter(a for row in G[lang].state_rows for a in row.get(_column(lang), "").split("|") if a)
        table = adjectives(G[lang])
        assert all(adj not in table for adj, n in counts.items() if n > 1)
        assert {adj for adj, n in counts.items() if n == 1} == set(table)


def test_every_adjective_names_its_state_in_both_languages():
    """ "The Argentine delegation strongly urged", « De l'avis de la délégation marocaine, »: every unambiguous
    adjective of the table, as the subject and as the holder of an opinion."""
    for lang, forms in {
        "en": [
            "The {adj} delegation strongly urged States to pay on time.",
            "In the view of the {adj} delegation, mandates had to be clear.",
        ],
        "fr": [
            "La délégation {adj} a estimé que les mandats devaient être clairs.",
            "De l'avis de la délégation {adj}, les mandats doivent être clairs.",
        ],
    }.items():
        table = adjectives(G[lang])
        paragraphs = [
            (i, form.format(adj=adj))
            for i, (adj, form) in enumerate(((adj, form) for adj in sorted(table) for form in forms), start=1)
        ]
        expected = [table[adj] for adj in sorted(table) for _ in forms]
        result = attribute(paragraphs, G[lang])
        for (para, text), iso3 in zip(paragraphs, expected):
            assert speakers_of(result, para) == [iso3], text


@SETTINGS
@given(rows=st.lists(st.sampled_from(MEMBERS), min_size=2, max_size=3, unique_by=lambda r: r["iso3"]))
def test_states_named_as_examples_of_a_group_each_speak(rows):
    names = [running(row) for row in rows]
    en = f"Several delegations, including those of {', '.join(names[:-1])} and {names[-1]}, said that it mattered."
    fr_names = [de(row["fr_running_names"].split("|")[0]) for row in rows]
    fr = (
        f"Plusieurs délégations, à l'instar de celles {', '.join(fr_names[:-1])} ou {fr_names[-1]}, "
        "ont rappelé ce rôle."
    )
    for lang, text in (("en", en), ("fr", fr)):
        result = attribute([(1, text)], G[lang])
        assert sorted(speakers_of(result, 1)) == sorted(row["iso3"] for row in rows), text
        assert all(s.joint for s in result.statements)


def test_an_unnamed_group_without_examples_still_names_no_one():
    result = attribute(
        [(1, "Several delegations, including the largest contributors, said that it mattered.")], G["en"]
    )
    assert result.statements == []


@SETTINGS
@given(
    surname=st.sampled_from(SURNAMES),
    title=st.sampled_from(
        [
            "Under-Secretary-General for Operational Support",
            "Special Envoy for the Great Lakes",
            "Director of the Office of Military Affairs",
        ]
    ),
)
def test_a_title_before_a_name_makes_the_person_speak(surname, title):
    text = f"Addressing the Committee, {title} Maria {surname} said that supply chains were shorter."
    result = attribute([(1, text)], G["en"])
    sid = f"person:{_slug(surname)}"
    assert speakers_of(result, 1) == [sid], text
    # the title, split from its organization as the kit does ("Director" of "Office of Military Affairs")
    assert result.speakers[sid].title and title.startswith(result.speakers[sid].title)


DESCRIBED = "Peacekeeping must adapt, the senior peace operations official told the Council."


def test_the_verbs_the_new_forms_give_are_rows_of_the_verb_table():
    """A statement of an opinion lead or of a participle ("saying" -> "said") gets a verb of
    ``reporting_verbs.csv``, so its ``lemma`` is known (and the same in both versions of a report)."""
    for lang in ("en", "fr"):
        verbs = {row["verb"] for row in G[lang].verb_rows}
        L = G[lang].language
        assert L.opinion_verb in verbs, lang
        assert {verb for _, verb in L.with_participles} <= verbs, lang


def test_a_description_is_the_person_the_next_paragraph_names():
    named = (2, "Claire Moreau, Under-Secretary-General for Peace Operations, said that missions changed.")
    result = attribute([(1, DESCRIBED), named], G["en"])
    assert speakers_of(result, 1) == speakers_of(result, 2) == ["person:moreau"]


def test_a_description_is_never_guessed():
    """A State next, no one next, or a statement already in the paragraph: the description stays no one's."""
    state = attribute([(1, DESCRIBED), (2, "The representative of Chile said that missions changed.")], G["en"])
    assert speakers_of(state, 1) == []
    nobody = attribute([(1, DESCRIBED), (2, "The meeting rose at 1 p.m.")], G["en"])
    assert speakers_of(nobody, 1) == []
    before = attribute(
        [(1, "Norway said that it agreed. " + DESCRIBED), (2, "Mr. Moreau (Under-Secretary-General) said so.")],
        G["en"],
    )
    assert speakers_of(before, 1) == ["NOR"]
    # and a description after another speaker's paragraph does not continue that speaker
    after = attribute([(1, "The representative of Chile said that it mattered."), (2, DESCRIBED)], G["en"])
    assert speakers_of(after, 2) == []


def test_the_statements_of_the_new_forms_are_whole_sentences_or_clauses():
    """Each statement is the paragraph's own text, from a sentence's start (or, when the sentence opens with
    someone else's words, from the clause after a comma: "..., with Indonesia's representative saying") to a
    sentence's end."""
    for name in ("mc_en_more.txt", "mc_fr_more.txt"):
        r = load_report(FIXTURES / name)
        texts = dict(zip(r.paragraphs["para"], r.paragraphs["text"], strict=True))
        assert len(r.statements) > 0
        for st_ in r.statements.itertuples():
            text = texts[st_.para]
            starts = {s + len(text[s:]) - len(text[s:].lstrip()) for s, _ in sentence_spans(text)}
            assert st_.text == text[st_.start : st_.end], (name, st_.para)
            assert st_.start in starts or text[: st_.start].rstrip().endswith(","), (name, st_.para, st_.text)
            assert st_.end == len(text.rstrip()) or text[st_.end - 1] in ".!?”»", (name, st_.para, st_.text)


# "Many delegates urged ...": delegates, like delegations, are an unnamed group: no one's statement, and not the
# previous speaker's continuation (a real press release, GA/SPD/740, gave the previous State the group's words).
UNNAMED_DELEGATES = {
    "en": (
        "{state} said that funding mattered.",
        [
            "Many delegates urged the international community to ensure funding.",
            "Noting that resources remain fundamental, several delegates called for more funding.",
        ],
    ),
    "fr": (
        "{state} a dit que le financement comptait.",
        [
            "De nombreux délégués ont exhorté la communauté internationale à assurer le financement.",
            "Notant que les ressources restent essentielles, plusieurs déléguées ont demandé davantage de fonds.",
        ],
    ),
}


@given(member=st.sampled_from(MEMBERS), lang=st.sampled_from(["en", "fr"]))
@SETTINGS
def test_delegates_are_an_unnamed_group_that_ends_the_previous_speaker(member, lang):
    first, groups = UNNAMED_DELEGATES[lang]
    state = (
        f"The representative of {running(member)}"
        if lang == "en"
        else f"Le représentant {de(member['fr_running_names'].split('|')[0])}"
    )
    for group in groups:
        result = attribute([(1, first.format(state=state)), (2, group)], G[lang])
        assert speakers_of(result, 1) == [member["iso3"]], (lang, state)
        assert speakers_of(result, 2) == [], (lang, group)
