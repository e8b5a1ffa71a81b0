"""The forms of real summary records and meetings coverage, generated over every Member State, in both languages.

``tests/test_real_forms.py`` checks each form once, on invented documents. These property tests name every
Member State in the forms whose rule is about the State (an officer of a committee named with a State, a
counterpart, a representative with a name and title in apposition, a list broken by "on behalf of"), and check
the conventions of ``docs/who-speaks.md``: the Chair named with a State is a person, who keeps that State as
``represents_iso3``; "The representative added" and a numbering gap continue the speaker before.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from kit.attribution import _slug, attribute, find_people

from .generators_kinds import de
from .test_attribution_kinds import MEMBERS, SETTINGS, SURNAMES, G, assert_each_paragraph_is, french_bracket
from .test_properties import running


def french(row: dict) -> str:
    return de(row["fr_running_names"].split("|")[0])


@SETTINGS
@given(surname=st.sampled_from(SURNAMES), title=st.sampled_from(["Rapporteur", "Vice-Chair"]))
def test_an_officer_named_with_a_state_speaks_for_the_delegation(surname, title):
    paragraphs = [
        (i, f"The {title}, Mr. {surname}, of {running(row)}, presented the draft report.")
        for i, row in enumerate(MEMBERS, start=1)
    ]
    assert_each_paragraph_is(attribute(paragraphs, G["en"]), [row["iso3"] for row in MEMBERS], paragraphs)


@SETTINGS
@given(surname=st.sampled_from(SURNAMES), title=st.sampled_from(["Rapporteur", "Vice-Président"]))
def test_an_officer_named_with_a_state_speaks_for_the_delegation_in_french(surname, title):
    paragraphs = [
        (i, f"Le {title}, M. {surname}, {french(row)}, a présenté le projet de rapport.")
        for i, row in enumerate(MEMBERS, start=1)
    ]
    assert_each_paragraph_is(attribute(paragraphs, G["fr"]), [row["iso3"] for row in MEMBERS], paragraphs)


@SETTINGS
@given(surname=st.sampled_from(SURNAMES), lang=st.sampled_from(["en", "fr"]))
def test_a_representative_with_a_name_and_title_in_apposition(surname, lang):
    if lang == "en":
        paragraphs = [
            (
                i,
                f"The representative of {running(row)}, Mr. {surname}, Rapporteur of the Special "
                "Committee, said that the Committee had grown.",
            )
            for i, row in enumerate(MEMBERS, start=1)
        ]
    else:
        paragraphs = [
            (
                i,
                f"Le représentant {french(row)}, M. {surname}, Rapporteur du Comité spécial, a indiqué "
                "que le Comité s'était élargi.",
            )
            for i, row in enumerate(MEMBERS, start=1)
        ]
    assert_each_paragraph_is(attribute(paragraphs, G[lang]), [row["iso3"] for row in MEMBERS], paragraphs)


@SETTINGS
@given(lang=st.sampled_from(["en", "fr"]))
def test_a_counterpart_who_speaks_for_a_group(lang):
    if lang == "en":
        paragraphs = [
            (
                i,
                f"His counterpart from {running(row)}, who spoke on behalf of the Group of 77 and China, "
                "introduced the draft resolution.",
            )
            for i, row in enumerate(MEMBERS, start=1)
        ]
    else:
        paragraphs = [
            (
                i,
                f"Son homologue {french(row)}, qui parlait au nom du Groupe des 77 et de la Chine, a "
                "présenté le projet de résolution.",
            )
            for i, row in enumerate(MEMBERS, start=1)
        ]
    assert_each_paragraph_is(attribute(paragraphs, G[lang]), [row["iso3"] for row in MEMBERS], paragraphs)


@SETTINGS
@given(
    a=st.sampled_from(MEMBERS),
    b=st.sampled_from(MEMBERS),
    c=st.sampled_from(MEMBERS),
    lang=st.sampled_from(["en", "fr"]),
)
def test_a_list_of_representatives_broken_by_on_behalf_of(a, b, c, lang):
    if len({a["iso3"], b["iso3"], c["iso3"]}) < 3:
        return
    if lang == "en":
        text = (
            f"The representatives of {running(a)}, on behalf of the Group of 77 and China, {running(b)} and "
            f"{running(c)}, who also spoke on behalf of a group of States, gave their views."
        )
    else:
        text = (
            f"Les représentants {french(a)}, au nom du Groupe des 77 et de la Chine, {french(b)} et "
            f"{french(c)}, qui intervenait également au nom d'un groupe d'États, ont donné leur avis."
        )
    result = attribute([(1, text)], G[lang])
    assert [s.speaker_id for s in result.statements] == [a["iso3"], b["iso3"], c["iso3"]], text
    assert all(s.joint for s in result.statements)


@SETTINGS
@given(row=st.sampled_from(MEMBERS), surname=st.sampled_from(SURNAMES), lang=st.sampled_from(["en", "fr"]))
def test_the_chair_named_with_a_state_is_a_person(row, surname, lang):
    """The Chair named with a State, in a record's header or where they speak, is one person, who represents that
    State; "The Chair said" later is the same person, and so is the Chair's name with the State in brackets."""
    if lang == "en":
        header = f"Chair: Ms. {surname} .......................... ({running(row).removeprefix('the ')})"
        texts = [
            f"The Chair of the Special Committee, Ms. {surname} ({running(row).removeprefix('the ')}), "
            "stressed that the debate had been rich.",
            "The Chair said that the group would meet again.",
            f"Ms. {surname} ({running(row).removeprefix('the ')}) said that the session was closed.",
        ]
    else:
        header = f"Présidente : Mme {surname} .......................... ({french_bracket(row)})"
        texts = [
            f"La Présidente du Comité spécial, Mme {surname} ({french_bracket(row)}), a souligné que le "
            "débat avait été riche.",
            "La Présidente a dit que le groupe se réunirait de nouveau.",
            f"Mme {surname} ({french_bracket(row)}) dit que la session est close.",
        ]
    paragraphs = list(enumerate(texts, start=1))
    for first in ([header], []):  # named in the header, or only where she speaks
        result = attribute(paragraphs, G[lang], people=find_people(first + texts, G[lang]))
        sid = f"person:{_slug(surname)}"  # the surname with its particles ("De Groof")
        assert [(s.para, s.speaker_id) for s in result.statements] == [(1, sid), (2, sid), (3, sid)], texts
        assert result.speakers[sid].kind == "chair"
        assert result.speakers[sid].represents_iso3 == row["iso3"]


@SETTINGS
@given(row=st.sampled_from(MEMBERS), gap=st.integers(min_value=1, max_value=5), lang=st.sampled_from(["en", "fr"]))
def test_the_representative_added_and_a_numbering_gap_continue_the_speaker(row, gap, lang):
    if lang == "en":
        texts = [
            f"The representative of {running(row)} said that mandates had to be realistic.",
            "The representative added that resources had to follow.",
            "Peacekeeping operations should rest on the consent of the parties.",
        ]
    else:
        texts = [
            f"Le représentant {french(row)} a dit que les mandats devaient être réalistes.",
            "Le représentant a ajouté que les ressources devaient suivre.",
            "Les opérations de maintien de la paix doivent reposer sur le consentement des parties.",
        ]
    paragraphs = [(1, texts[0]), (2, texts[1]), (2 + gap + 1, texts[2])]
    result = attribute(paragraphs, G[lang])
    assert [(s.para, s.speaker_id, s.attribution) for s in result.statements] == [
        (1, row["iso3"], "explicit"),
        (2, row["iso3"], "continued"),
        (3 + gap, row["iso3"], "continued"),
    ]
