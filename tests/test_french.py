"""French reports: every construction of the French grammar, generated variants over all Member States,
and English and French fixtures of the same content giving the same ids.

The French fixtures in tests/fixtures/ were written for this kit in the style of UN French reports; they
are not copies of any official text.
"""

from __future__ import annotations

import ast
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kit import load_bilingual, load_report, load_text
from kit.attribution import attribute
from kit.bilingual import align
from kit.errors import NotAReportError
from kit.gazetteer import load_gazetteer
from kit.language import LANGUAGES, detect_language
from kit.meetings import parse_date

from .conftest import SYNTHETIC, as_pdf_text, need_module
from .generators_kinds import de  # the one French « de » of the tests
from .test_properties import assert_exactly_their_speakers, numbered, with_page_breaks

FIXTURES = Path(__file__).resolve().parent / "fixtures"
KIT = Path(__file__).resolve().parents[1] / "kit"
G_FR = load_gazetteer(lang="fr")
MEMBERS = [row for row in G_FR.state_rows if row["status"] == "member"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def forms(row: dict) -> list[str]:
    return row["fr_running_names"].split("|")


def join_fr(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " et " + items[-1]


def speakers(report, para: int) -> list[str]:
    return report.statements.loc[report.statements["para"] == para, "speaker_id"].tolist()


def fr(text: str):
    return load_text(text, name="fr.md")


_OPENING = "1. Le représentant du Chili a dit que la paix comptait.\n"


def fr_after_a_statement(paragraph: str):
    """``paragraph`` as paragraph 2 of a French report whose paragraph 1 is a statement (a lone paragraph
    with no meeting and no statement is refused as not a report)."""
    return fr(_OPENING + "2. " + paragraph)


# ---------------------------------------------------------------- the constructions of the issue


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
    text = ("1. Les représentants de l'Australie, de la Chine, de la France, du Japon, du Kenya, du Mexique, du Maroc, "
            "de la Norvège, du Pakistan, de la Tunisie, du Royaume-Uni et des États-Unis d'Amérique ont demandé "
            "une meilleure connaissance de la situation.")
    r = fr(text)
    assert speakers(r, 1) == ["AUS", "CHN", "FRA", "JPN", "KEN", "MEX", "MAR", "NOR", "PAK", "TUN", "GBR", "USA"]
    assert r.statements["joint"].all() and r.statements["group"].nunique() == 1
    assert r.statements["lemma"].eq("call for").all()


def test_long_names_with_et_and_de_inside_stay_whole():
    text = ("1. Les représentants du Royaume-Uni de Grande-Bretagne et d'Irlande du Nord, de Saint-Vincent-et-les "
            "Grenadines, de la Bosnie-Herzégovine et de la République démocratique du Congo ont souligné ce point.")
    assert speakers(fr(text), 1) == ["GBR", "VCT", "BIH", "COD"]


def test_de_meme_statement_starts_with_its_sentence():
    r = fr("1. Le représentant de l'Indonésie a dit que la police était utile. De même, le représentant du Maroc a "
           "dit que la police jouait un rôle essentiel.")
    assert speakers(r, 1) == ["IDN", "MAR"]
    assert r.statements.iloc[1].text.startswith("De même, le représentant du Maroc")


def test_supported_by_celui_de_is_one_joint_group():
    r = fr("1. Le représentant de la Chine, appuyé par celui de l'Indonésie, a déclaré que ces pays, avec le Brésil "
           "et le Rwanda, travaillaient à la création d'un groupe des amis.")
    assert speakers(r, 1) == ["CHN", "IDN"]
    assert r.statements["joint"].all() and r.statements["group"].nunique() == 1
    # countries only mentioned are mentions, not speakers
    assert sorted(r.mentions.loc[r.mentions["kind"] == "country", "key"]) == ["BRA", "RWA"]


def test_adverb_after_the_auxiliary_and_reflexive_verbs():
    r = fr("1. Le représentant du Japon a également souligné ce point. Les représentants de l'Égypte et de l'Inde "
           "se sont félicités des progrès. La représentante de la Suède s'est dite préoccupée par les attaques.")
    st_ = r.statements
    assert st_["speaker_id"].tolist() == ["JPN", "EGY", "IND", "SWE"]
    assert st_["verb"].tolist() == ["a souligné", "se sont félicités", "se sont félicités", "s'est dite préoccupée"]
    assert st_["lemma"].tolist() == ["stress", "welcome", "welcome", "express concern"]


def test_chair_and_briefers():
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
    r = fr(f"1. Le 1er {name} 2022, le Groupe de travail a tenu une réunion par visioconférence.\n"
           f"2. Le représentant du Chili a dit que la réunion était utile.")
    m = r.meetings.iloc[0]
    assert (m.date.month, m.date.day, m.format) == (month, 1, "videoconference")
    assert r.paragraphs["meeting_id"].notna().all()
    assert parse_date(f"13 {name} 2021").month == month


def test_meeting_heard_a_briefing_and_quoted_title():
    r = fr("1. Le 12 octobre 2021, le Groupe de travail a entendu un exposé du Conseiller pour les questions de "
           "police, Luís Carrilho, sur le thème « Maximiser l'impact de la police ».\n"
           "2. M. Carrilho a dit que la police était essentielle.")
    assert r.meetings.iloc[0].title == "Maximiser l'impact de la police"
    assert speakers(r, 2) == ["person:carrilho"]
    assert r.speakers.set_index("speaker_id").loc["person:carrilho", "name"] == "Luís Carrilho"


def test_briefer_by_title_and_organizations_on_behalf_of_others():
    r = fr("1. Le 12 octobre 2021, le Groupe de travail a entendu un exposé de la Cheffe de la police de la MINUSS, "
           "Christine Fossen.\n"
           "2. La Cheffe de la police de la MINUSS a dit que la police était essentielle. Mme Fossen a souligné le rôle "
           "des femmes.\n"
           "3. Le représentant de l'Union européenne, s'exprimant au nom de ses États membres, a dit que le financement "
           "était crucial. Les représentants de l'Union africaine et de la CEDEAO ont salué ces efforts.")
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
    r = fr("1. Le représentant du Japon a dit que la MINUSS, la Force intérimaire des Nations Unies au Liban (FINUL), "
           "la FISNUA, la FNUOD, la MINUK et l'UNFICYP étaient déployées.")
    missions = r.mentions[r.mentions["kind"] == "mission"]
    assert missions["key"].tolist() == ["UNMISS", "UNIFIL", "UNISFA", "UNDOF", "UNMIK", "UNFICYP"]
    assert missions["surface"].iloc[1].endswith("(FINUL)")  # full name and acronym are one mention
    assert r.mentions[r.mentions["kind"] == "country"].empty  # « au Liban » belongs to the mission name


def test_resolutions_keep_their_symbol():
    r = fr("1. Le représentant du Kenya a rappelé la résolution 2594 (2021) du Conseil de sécurité, les résolutions "
           "2518 (2020) et 2589 (2021), la résolution 34/169 de l'Assemblée générale et le document S/PRST/2001/3.")
    keys = r.mentions.loc[r.mentions["kind"].isin(["resolution", "document"]), "key"].tolist()
    assert keys == ["S/RES/2594 (2021)", "S/RES/2518 (2020)", "S/RES/2589 (2021)", "A/RES/34/169", "S/PRST/2001/3"]


def test_au_aux_and_elision_do_not_break_names():
    r = fr_after_a_statement("Des soldats de la paix étaient déployés au Soudan du Sud, aux Comores, à Haïti, "
                             "en Afghanistan, dans l'État de Palestine et aux États-Unis d'Amérique.")
    assert r.mentions.query("para == 2")["key"].tolist() == ["SSD", "COM", "HTI", "AFG", "PSE", "USA"]


def test_language_is_detected_or_given():
    assert load_text(SYNTHETIC).metadata["lang"] == "en"
    assert load_report(FIXTURES / "synthetic_fr.md").metadata["lang"] == "fr"
    assert detect_language((FIXTURES / "wgpko_excerpt_fr.md").read_text(encoding="utf-8")) == "fr"
    forced = load_text("1. Le représentant du Chili a dit oui.", lang="fr")
    assert forced.metadata["lang"] == "fr" and speakers(forced, 1) == ["CHL"]
    with pytest.raises(ValueError, match="unsupported report language"):
        load_text("1. Le représentant du Chili a dit oui.", lang="de")


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
    for row in MEMBERS:
        for form in forms(row):
            lines.append(f"{len(lines) + 1}. Le représentant {de(form)} a dit que la formation était utile.")
            expected.append(row["iso3"])
    r = fr("\n".join(lines))
    assert r.statements["speaker_id"].tolist() == expected
    assert r.mentions[r.mentions["kind"] == "country"].empty


def test_every_member_state_is_found_as_a_mention_after_a_preposition():
    r = fr_after_a_statement("Les contingents venaient " + join_fr([de(forms(row)[0]) for row in MEMBERS]) + ".")
    m = r.mentions.query("para == 2")
    assert m.loc[m["kind"] == "country", "key"].tolist() == [row["iso3"] for row in MEMBERS]


@st.composite
def french_statements(draw):
    states = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=6, unique_by=lambda r: r["iso3"]))
    names = [de(draw(st.sampled_from(forms(r)))) for r in states]
    plural = len(states) > 1
    verb = draw(st.sampled_from(["a dit", "a déclaré", "a souligné", "a demandé", "a appelé à", "a recommandé",
                                 "a noté", "s'est félicité"]))
    if plural:
        verb = {"a dit": "ont dit", "a déclaré": "ont déclaré", "a souligné": "ont souligné", "a demandé": "ont demandé",
                "a appelé à": "ont appelé à", "a recommandé": "ont recommandé", "a noté": "ont noté",
                "s'est félicité": "se sont félicités"}[verb]
    lead = draw(st.sampled_from(["", "De même, ", "Dans ce contexte, ", "En outre, ", "S'agissant des mandats, "]))
    head = draw(st.sampled_from(["représentants", "représentantes"] if plural else ["représentant", "représentante"]))
    article = ("les" if plural else ("le" if head == "représentant" else "la"))
    if not lead:
        article = article.capitalize()
    text = f"{lead}{article} {head} {join_fr(names)} {verb} la nécessité de la formation."
    return text, [r["iso3"] for r in states], verb


@given(st.lists(french_statements(), min_size=1, max_size=8))
@SETTINGS
def test_generated_french_statements_give_exactly_their_speakers(items):
    body = numbered(items)
    r = load_text(body, name="genere.md")
    r.validate()
    assert r.metadata["lang"] == "fr"
    assert_exactly_their_speakers(r, items)


@given(st.lists(french_statements(), min_size=2, max_size=6), st.data())
@SETTINGS
def test_french_page_breaks_anywhere_do_not_change_the_statements(items, data):
    paras = [f"{i}. {text}" for i, (text, _, _) in enumerate(items, start=1)]
    clean = load_text("\n".join(paras), name="propre.md")
    r = load_text(with_page_breaks(paras, data), name="coupe.md")
    assert r.paragraphs["text"].tolist() == clean.paragraphs["text"].tolist()
    assert r.statements["speaker_id"].tolist() == clean.statements["speaker_id"].tolist()


@given(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=5, unique_by=lambda r: r["iso3"]))
@SETTINGS
def test_countries_only_mentioned_are_never_speakers(states):
    names = join_fr([("avec " if i == 0 else "") + forms(r)[0] for i, r in enumerate(states)])
    r = fr(f"1. Le représentant du Chili a dit que ces pays, {names}, avaient coopéré.")
    expected = [s["iso3"] for s in states]  # « du Chili » the speaker is not a mention; a later « le Chili » is
    assert speakers(r, 1) == ["CHL"]
    assert r.mentions.loc[r.mentions["kind"] == "country", "key"].tolist() == expected


# ---------------------------------------------------------------- English and French versions of the same content


PAIRS = [
    ("synthetic", lambda: load_text(SYNTHETIC), lambda: load_report(FIXTURES / "synthetic_fr.md")),
    ("excerpt", lambda: load_report(FIXTURES / "wgpko_excerpt_en.md"),
     lambda: load_report(FIXTURES / "wgpko_excerpt_fr.md")),
]


@pytest.mark.parametrize("name,load_en,load_fr", PAIRS, ids=[p[0] for p in PAIRS])
def test_english_and_french_give_the_same_ids(name, load_en, load_fr):
    en, fr_ = load_en(), load_fr()
    assert (en.metadata["lang"], fr_.metadata["lang"]) == ("en", "fr")
    for r in (en, fr_):
        r.validate()
        assert len(r.meetings) > 0 and len(r.statements) > 0  # a real report, in either language
    assert sorted(en.speakers["speaker_id"]) == sorted(fr_.speakers["speaker_id"])
    assert list(zip(en.statements.para, en.statements.speaker_id)) == \
        list(zip(fr_.statements.para, fr_.statements.speaker_id))
    assert en.statements["attribution"].tolist() == fr_.statements["attribution"].tolist()
    assert en.statements["joint"].tolist() == fr_.statements["joint"].tolist()
    for kind in ("mission", "resolution", "document", "country", "organization", "place"):
        keys = [sorted(zip(r.mentions.loc[r.mentions.kind == kind, "para"], r.mentions.loc[r.mentions.kind == kind,
                                                                                         "key"])) for r in (en, fr_)]
        assert keys[0] == keys[1], kind
    assert en.meetings[["meeting_id", "first_para", "last_para", "format"]].fillna("").values.tolist() == \
        fr_.meetings[["meeting_id", "first_para", "last_para", "format"]].fillna("").values.tolist()
    for field in ("date", "period_start", "period_end", "chair"):
        assert en.metadata[field] == fr_.metadata[field], field
    kinds = [r.speakers.set_index("speaker_id")["kind"].sort_index().tolist() for r in (en, fr_)]
    assert kinds[0] == kinds[1]
    # themes use the same ids in both languages (the vocabularies cover the same content), labelled in the
    # report's language
    assert set(zip(en.themes.para, en.themes.theme)) == set(zip(fr_.themes.para, fr_.themes.theme))
    labels = {row["theme"]: row["label_fr"] for row in G_FR.theme_rows}
    assert all(fr_.themes["label"] == fr_.themes["theme"].map(labels))


@pytest.mark.parametrize("fixture", ["synthetic_fr.md", "wgpko_excerpt_fr.md"])
def test_typographic_apostrophes_read_like_straight_ones(tmp_path, fixture):
    """French typesetting writes « l’Australie », « s’est »: the same ids as with straight apostrophes."""
    text = (FIXTURES / fixture).read_text(encoding="utf-8")
    path = tmp_path / fixture
    path.write_text(text.replace("'", "’"), encoding="utf-8")
    curly, straight = load_report(path), load_report(FIXTURES / fixture)
    for table, columns in (("statements", ["para", "speaker_id", "lemma", "attribution"]),
                           ("mentions", ["para", "kind", "key"]), ("meetings", ["meeting_id", "first_para"])):
        assert getattr(curly, table)[columns].fillna("").values.tolist() == \
            getattr(straight, table)[columns].fillna("").values.tolist(), table
    curly.validate()


def test_french_pdf_text_parses_like_the_markdown(tmp_path):
    md = (FIXTURES / "synthetic_fr.md").read_text(encoding="utf-8")
    path = tmp_path / "rapport.txt"
    path.write_text(as_pdf_text(md), encoding="utf-8")
    txt, ref = load_report(path), load_report(FIXTURES / "synthetic_fr.md")
    assert txt.metadata["format"] == "plaintext" and txt.metadata["lang"] == "fr"
    # kit.layout joins a line that ends with a compound's hyphen ("Trinité-et-" / "Tobago") with a space;
    # the names are still read (the matchers allow it), the texts differ by that space only
    assert [re.sub(r"-\s", "-", t) for t in txt.paragraphs["text"]] == ref.paragraphs["text"].tolist()
    assert list(zip(txt.statements.para, txt.statements.speaker_id)) == \
        list(zip(ref.statements.para, ref.statements.speaker_id))


def test_french_pdf_itself(tmp_path):
    fpdf = need_module("fpdf")
    pdf = fpdf.FPDF()
    pdf.set_auto_page_break(True, margin=20)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)  # core font: Latin-1, enough for French
    for block in (FIXTURES / "synthetic_fr.md").read_text(encoding="utf-8").replace("**", "").split("\n\n"):
        for line in block.split("\n"):
            pdf.multi_cell(0, 5, line.replace("’", "'"), new_x="LMARGIN", new_y="NEXT")
        pdf.ln(4)
    path = tmp_path / "rapport.pdf"
    pdf.output(str(path))
    r = load_report(path)
    assert r.metadata["format"] == "pdf" and r.metadata["lang"] == "fr"
    assert r.paragraphs["para"].tolist() == list(range(1, 12))
    assert speakers(r, 7) == ["BIH", "TTO", "VCT", "VEN"]
    assert len(r.meetings) == 1
    r.validate()


def test_french_text_that_is_not_a_report_is_refused():
    """A French text with no meeting and no attributed statement is not a report of this kind."""
    with pytest.raises(NotAReportError, match="does not look like a report"):
        fr("1. La recette demande trois œufs et du sucre.\n2. Le four est chaud.")


# ---------------------------------------------------------------- side by side


def test_load_bilingual_aligns_paragraphs_and_statements():
    b = load_bilingual(FIXTURES / "wgpko_excerpt_en.md", FIXTURES / "wgpko_excerpt_fr.md")
    assert b.mismatches.empty
    assert b.paragraphs["para"].tolist() == b.en.paragraphs["para"].tolist()
    assert b.paragraphs[["text_en", "text_fr"]].notna().all().all()
    assert len(b.statements) == len(b.en.statements) == len(b.fr.statements)
    for row in b.statements.itertuples():  # each side's statement is a passage of its own paragraph
        assert row.text_en in b.paragraph(row.para)["en"] and row.text_fr in b.paragraph(row.para)["fr"]
        assert (row.lemma_en is None) == (row.lemma_fr is None) or row.verb_en is not None
    assert b.speaker("person:carrilho")["speaker_fr"].tolist() == ["Luís Carrilho"]


def test_bilingual_lists_what_only_one_side_has():
    en = load_text("1. The representative of Chile said yes.\n2. The representative of Peru said no.", lang="en")
    fr_ = load_text("1. Le représentant du Chili a dit oui.", lang="fr")
    b = align(en, fr_)
    assert b.mismatches.fillna("").values.tolist() == [["paragraphs", 2, "", "en"], ["statements", 2, "PER", "en"]]
    assert b.paragraphs.set_index("para").loc[2, "text_fr"] != b.paragraphs.set_index("para").loc[2, "text_fr"]  # NaN
    assert len(b.statements) == 2  # nothing dropped


# ---------------------------------------------------------------- structure


def _kit_imports(module: str) -> set[str]:
    tree = ast.parse((KIT / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            found.add(node.module or "")
    return found


def test_gazetteer_does_not_import_themes():
    """themes uses the gazetteer; the reverse import made a cycle (issue 10)."""
    assert "themes" in _kit_imports("themes") or "gazetteer" in _kit_imports("themes")
    assert "themes" not in _kit_imports("gazetteer")


def test_language_specific_words_live_in_the_language_table():
    """No French word is hard-coded in the grammar modules' code: they read kit.language and the reference tables."""
    for module in ("attribution", "meetings", "mentions", "gazetteer", "themes"):
        tree = ast.parse((KIT / f"{module}.py").read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        strings = [node.value for node in ast.walk(tree)
                   if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings]
        for word in ("représentant", "Président", "janvier", "a dit", "Assemblée"):
            assert not [s for s in strings if word in s], (module, word)


ONE_WORD_FR = [r for r in MEMBERS if r.get("fr_running_names") and re.fullmatch(r"[A-ZÉ][a-zéèëï]+", r["fr_name"])]


@given(st.sampled_from(ONE_WORD_FR))
@SETTINGS
def test_a_first_name_that_is_a_states_name_is_not_a_mention(first):
    """« Maurice Kalondo » (Maurice is Mauritius in French) or « Dominique Kalondo » is a person: named in full,
    never a mention of the State; the State named alone still is."""
    name = first["fr_name"]
    r = fr("\n".join([
        "1. Le 13 avril 2021, le Groupe de travail a tenu une réunion sur la formation.",
        f"2. Le Directeur de la Division de la formation, {name} Kalondo, a présenté un exposé.",
        "3. M. Kalondo a dit que la formation comptait.",
        f"4. Le représentant du Chili a dit que, comme l'avait dit {name} Kalondo, la formation comptait, "
        f"notamment pour {forms(first)[0]}.",
    ]))
    assert "person:kalondo" in set(r.speakers["speaker_id"])
    mentions = r.mentions[r.mentions.kind == "country"]
    assert mentions[["para", "key"]].values.tolist() == [[4, first["iso3"]]]  # only « pour le Mali »


# ---------------------------------------------------------------- coordinated verbs, « ceux de », the chair (audit 7, 8, 15)


COORDINATED = [
    ("The Chair of the Working Group, Mr. Ladeb, opened the meeting and stated that training mattered.",
     "Le Président du Groupe de travail, M. Ladeb, a ouvert la séance et a déclaré que la formation comptait."),
    ("The representative of Kenya took the floor, thanked the briefers and called for more training.",
     "Le représentant du Kenya a pris la parole, a remercié les intervenants et a demandé davantage de formation."),
    ("The representatives of Chile and Peru made a joint statement and stressed the role of women.",
     "Les représentants du Chili et du Pérou ont fait une déclaration commune et ont souligné le rôle des femmes."),
    ("The representative of Kenya took the floor and stated that training mattered.",  # second auxiliary left out
     "Le représentant du Kenya a pris la parole et déclaré que la formation comptait."),
    ("Major General Menon visited the mission and noted that camps had improved.",
     "Le général de division Menon a visité la mission et a noté que les camps s'étaient améliorés."),
    ("The representative of South Africa, supported by those of Japan and Viet Nam, said that mandates mattered.",
     "Le représentant de l'Afrique du Sud, appuyé par ceux du Japon et du Viet Nam, a dit que les mandats comptaient."),
    ("The representative of China, echoed by those of Kenya and Ghana, stressed training.",
     "Le représentant de la Chine, suivi par ceux du Kenya et du Ghana, a souligné la formation."),
]


@pytest.mark.parametrize("en,fr_text", COORDINATED)
def test_english_and_french_read_the_same_speakers_and_lemma(en, fr_text):
    """ "X opened the meeting and stated that" (« a ouvert la séance et a déclaré que ») and "supported by those
    of" (« appuyé par ceux de ») give the same speakers, groups and lemma in both languages."""
    opening = ("1. On 3 March 2022, the Working Group held a meeting on training.\n",
               "1. Le 3 mars 2022, le Groupe de travail a tenu une réunion sur la formation.\n")
    reports = [load_text(opening[0] + "2. " + en, lang="en"), load_text(opening[1] + "2. " + fr_text, lang="fr")]
    rows = [r.statements[["para", "speaker_id", "group", "joint", "lemma"]].values.tolist() for r in reports]
    assert rows[0] == rows[1] and rows[0], rows
    assert all(r.mentions.loc[r.mentions.kind == "country"].empty for r in reports)
    assert align(*reports).mismatches.empty


@pytest.mark.parametrize("en,fr_text", [
    ("1. The Ambassador and Permanent Representative of Tunisia to the United Nations, Tarek Ladeb, chaired the "
     "Working Group.",
     "1. Le Représentant permanent de la Tunisie auprès de l'Organisation des Nations Unies, Tarek Ladeb, a présidé "
     "le Groupe de travail."),
    ("1. Tarek Ladeb presided over the Working Group in 2022.", "1. Tarek Ladeb a présidé le Groupe de travail en 2022."),
    ("1. The Permanent Representative of Tunisia, Tarek Ladeb, was elected Chair of the Working Group.",
     "1. Le Représentant permanent de la Tunisie, Tarek Ladeb, a été élu Président du Groupe de travail."),
    ("1. The Chair of the Working Group, Tarek Ladeb, welcomed the participants.",
     "1. Le Président du Groupe de travail, Tarek Ladeb, a souhaité la bienvenue aux participants."),
])
def test_the_chair_is_read_from_chaired_and_presided(en, fr_text):
    """ "X chaired the Working Group" / « a présidé » makes X the chair, as "was elected Chair" does: the chair of
    the report's metadata, of its meetings, and the kind of their statements."""
    tail = ("\n2. On 3 March 2022, the Working Group held a meeting on training.\n"
            "3. Mr. Ladeb said that training mattered.",
            "\n2. Le 3 mars 2022, le Groupe de travail a tenu une réunion sur la formation.\n"
            "3. M. Ladeb a dit que la formation comptait.")
    for text, lang in ((en + tail[0], "en"), (fr_text + tail[1], "fr")):
        r = load_text(text, lang=lang)
        assert r.metadata["chair"] == "Tarek Ladeb", (lang, r.metadata["chair"])
        assert r.meetings["chair"].tolist() == ["Tarek Ladeb"], lang
        assert r.speakers.set_index("speaker_id").loc["person:ladeb", "kind"] == "chair", lang


# ---------------------------------------------------------------- themes of the same content in both languages (audit 16)


def _theme_pairs() -> list[dict[str, str]]:
    import csv

    lines = [line for line in (FIXTURES / "theme_pairs.tsv").read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
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

    tagger = ThemeTagger([{"theme": "t", "label": "T", "term": "predeployment training"},
                          {"theme": "t", "label": "T", "term": "pre-deployment training"}])
    assert [h.theme for h in tagger.find("Pre-deployment training and predeployment training.")] == ["t", "t"]


def test_bilingual_pair_with_coordinated_verbs_and_those_of_has_no_mismatch():
    """The audit's pair: « M. Ladeb a ouvert la séance et a déclaré » and "supported by those of Japan and Viet
    Nam" were read on one side only; both versions now give the same statements."""
    b = load_bilingual(FIXTURES / "coordinated_en.md", FIXTURES / "coordinated_fr.md")
    assert b.mismatches.empty, b.mismatches
    for r in (b.en, b.fr):
        assert speakers(r, 2) == ["person:ladeb"]
        p8 = r.statements[r.statements.para == 8]
        assert p8["speaker_id"].tolist() == ["ZAF", "JPN", "VNM"] and p8["joint"].all() and p8["group"].nunique() == 1
    assert b.en.statements.loc[b.en.statements.para == 2, "lemma"].tolist() == ["state"] == \
        b.fr.statements.loc[b.fr.statements.para == 2, "lemma"].tolist()


@st.composite
def french_linked_statements(draw):
    """« Le représentant de A, appuyé par ceux de B et de C, a dit … » or « Les représentants de … ont pris la
    parole et (ont) souligné … »: the speakers and verb of a plain statement."""
    states = draw(st.lists(st.sampled_from(MEMBERS), min_size=1, max_size=4, unique_by=lambda r: r["iso3"]))
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


@pytest.mark.parametrize("opening", ["Le 13 avril 2021", "Lors de sa réunion du 13 avril 2021", "En avril 2021"])
def test_the_body_named_in_the_title_does_not_run_into_the_first_paragraph_fr(opening):
    body = "Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix"
    r = fr(f"**Conseil de sécurité**\n\n**Rapport du {body}**\n\n**I. Réunion**\n\n"
           f"1. {opening}, le Groupe de travail a tenu une réunion sur la sécurité.\n"
           "2. Le représentant du Mexique a dit que la formation comptait.\n")
    assert r.metadata["body"] == body


# ---------------------------------------------------------------- meetings however their date is written (AUDIT2 #2, #6)

import textwrap  # noqa: E402 - the section keeps its imports until this file is split by language
from datetime import date, timedelta  # noqa: E402 - the same

from hypothesis import assume  # noqa: E402 - the same

FR_LANG = LANGUAGES["fr"]
JOURS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
#: how a French meeting paragraph may say its format, and the (English, canonical) format it says
FR_FORMATS = [("par visioconférence", "videoconference"), ("en personne", "in person"),
              ("sous forme hybride", "hybrid"), ("", None)]
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
    form = draw(st.sampled_from([
        f"Le {fr_day(first)} {y}, le Groupe de travail {held}.",
        f"Le {JOURS[first.weekday()]} {fr_day(first)} {y}, le Groupe de travail {held}.",
        f"Les {two_days}, le Groupe de travail {held.replace('une réunion', 'deux réunions')}.",
        f"Le Groupe de travail s'est réuni le {fr_day(first)} {y}{' ' + fmt if fmt else ''}{name}.",
        f"Le Groupe de travail a tenu une réunion {fmt + ' ' if fmt else ''}le {fr_day(first)} {y}{name}.",
        f"À sa réunion du {fr_day(first)} {y}, le Groupe de travail a examiné un rapport{name}"
        f"{', ' + fmt if fmt else ''}.",
    ]))
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
        title = (f"Rapport du Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix "
                 f"pour la période du 1er juillet {year} au 30 juin {year + 1}")
        want = date(year + 1 if month < 7 else year, month, day)
    else:
        title = (f"Rapport annuel du Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix "
                 f"(1er janvier-31 décembre {year})")
        want = date(year, month, day)
    r = fr(f"**Conseil de sécurité**\n\n**{title}**\n\n**I. Réunions**\n\n"
           f"1. Le {'1er' if day == 1 else day} {FR_LANG.months[month - 1]}, le Groupe de travail a tenu une réunion.\n"
           "2. Le représentant du Ghana a dit que les transitions étaient importantes.\n")
    assert [d.date() for d in r.meetings["date"]] == [want]
    assert r.statements["meeting_id"].tolist() == r.meetings["meeting_id"].tolist()


def test_a_date_in_a_french_statement_is_no_meeting():
    r = fr("1. Le 3 mars 2023, le Groupe de travail a tenu une réunion.\n"
           "2. Le Président a dit que le Groupe de travail s'est réuni le 5 mai 2023 avec la police.\n"
           "3. Le représentant du Kenya a dit que le Groupe de travail a tenu une réunion le 6 mai 2023.\n")
    assert r.meetings["first_para"].tolist() == [1]


# ---------------------------------------------------------------- metadata (AUDIT2 #8)

FR_BODIES = ["Groupe de travail du Conseil de sécurité sur les opérations de maintien de la paix",
             "Groupe de travail du Conseil de sécurité sur le sort des enfants en temps de conflit armé",
             "Comité du Conseil de sécurité créé par la résolution 2127 (2013) concernant la République centrafricaine",
             "Comité du Conseil de sécurité créé par la résolution 2206 (2015) concernant le Soudan du Sud"]


@given(st.sampled_from(FR_BODIES), st.integers(2015, 2030), st.integers(28, 70), st.booleans())
@SETTINGS
def test_a_french_title_wrapped_over_lines_gives_the_whole_title_body_and_period(body, year, width, brackets):
    period = f"(1er janvier-31 décembre {year})" if brackets else f"pour la période du 1er janvier au 31 décembre {year}"
    title = f"Rapport du {body} {period}"
    lines = textwrap.wrap(title, width, break_on_hyphens=False)
    assume(not any(line.strip().isdigit() for line in lines))  # a bare number is a page number to the layout
    head_word = "le Comité" if body.startswith("Comité") else "le Groupe de travail"
    text = (f"Conseil de sécurité                                Distribution générale\n"
            f"                                                   15 janvier {year + 1}\n\n"
            + "\n".join(lines) + "\n\nI. Réunions\n\n"
            f"1. Le 5 mai {year}, {head_word} a tenu une réunion par visioconférence.\n"
            f"2. Le représentant du Ghana a dit que les mesures étaient importantes.\n")
    r = load_text(text, name="titre.txt", lang="fr")
    md = r.metadata
    assert md["title"] == title
    assert md["body"] == body
    assert (md["period_start"], md["period_end"]) == (date(year, 1, 1), date(year, 12, 31))
    assert r.meetings["body"].tolist() == [body]

# ---------------------------------------------------------------- the subject's structure (audit 2, item 1)

CLAUSES_FR = ["parlant au nom du Groupe des États d'Afrique", "en sa qualité de coordonnatrice des pays fournisseurs "
              "de contingents", "s'exprimant en sa qualité nationale", "en tant que pays concerné",
              "parlant au nom des membres africains du Conseil de sécurité (A3+1)"]


def test_every_member_state_by_every_french_subject_form_and_clause():
    """Each State by each French form, as « représentant », « délégation » or alone (« Le Mexique a dit »), with a
    clause between subject and verb, speaks alone, like the English grammar."""
    lines, expected = [], []
    for k, row in enumerate(MEMBERS):
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


@given(st.lists(st.sampled_from(MEMBERS), min_size=2, max_size=4, unique_by=lambda r: r["iso3"]),
       st.sampled_from(CLAUSES_FR))
@SETTINGS
def test_a_clause_after_a_french_list_keeps_every_speaker(states, clause):
    """« Les représentants de A et de B, parlant au nom de …, ont demandé »: all of them, jointly; « parlant
    également au nom de C » gives C no statement (as in English)."""
    names = [de(forms(r)[0]) for r in states]
    other = forms(states[-1])[0]
    r = fr(_OPENING + f"2. Les représentants {join_fr(names[:-1])}, {clause}, ont demandé un financement.\n"
           f"3. Le représentant {names[0]}, parlant également au nom {de(other)}, a souligné la "
           "résolution.")
    assert speakers(r, 2) == [row["iso3"] for row in states[:-1]]
    assert r.statements.loc[r.statements.para == 2, "joint"].eq(len(states) > 2).all()
    assert speakers(r, 3) == [states[0]["iso3"]]


def test_french_observer_chair_and_unnamed_groups():
    r = fr("\n".join([
        "1. Le 5 mai 2023, le Groupe de travail a tenu une réunion sur les transitions.",
        "2. Le représentant du Ghana a dit que les transitions comptaient.",
        "3. L'observateur de l'État de Palestine a déclaré que la FNUOD restait essentielle.",
        "4. La Présidente, s'exprimant en sa qualité nationale, a dit que Malte accueillerait une conférence.",
        "5. Plusieurs délégations ont dit que le consentement était essentiel.",
        "6. Le représentant du Kenya a dit que le financement comptait. Certains membres ont estimé que la "
        "formation comptait.",
        "7. Le rapport a noté que la formation comptait.",
    ]))
    assert speakers(r, 3) == ["PSE"]
    assert speakers(r, 4) == ["role:chair"]
    assert speakers(r, 5) == []  # an unnamed group: no State speaks, and the paragraph is not Palestine's
    assert speakers(r, 6) == ["KEN"]
    assert "formation" not in r.statements.loc[r.statements.para == 6, "text"].iloc[0]
    assert speakers(r, 7) == []  # a subject of its own: not the previous speaker's continuation


def test_french_briefer_introduced_in_the_subject_and_pronoun_continuation():
    r = fr("\n".join([
        "1. Le 5 mai 2023, le Groupe de travail a tenu une réunion sur les transitions.",
        "2. Le Secrétaire général adjoint aux opérations de paix, Jean-Pierre Lacroix, a déclaré que la MONUSCO "
        "resterait.",
        "3. Il a ajouté que le financement comptait.",
        "4. Le représentant permanent de l'Indonésie, pour sa part, a dit que le consentement comptait.",
        "5. De même, plusieurs délégations ont dit que le consentement comptait.",
        "6. Le Secrétariat a indiqué que le financement comptait.",
    ]))
    assert speakers(r, 2) == ["person:lacroix"]
    assert r.statements.loc[r.statements.para == 3, ["speaker_id", "attribution"]].values.tolist() == [
        ["person:lacroix", "continued"]]
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
        "chef d'état-major et commandant de la force", "MINUSS")
    assert tuple(sp.loc["person:van-der-berg", ["title", "organization"]]) == ("Rapporteuse", "Groupe d'experts")
    minister = sp.loc["person:nyandeng-garang"]  # not « Présidente s'est rendue à Djouba et ... »
    assert (minister["title"], minister["organization"], minister["represents_iso3"]) == (
        "Ministre de la défense", "Soudan du Sud", "SSD")
    for title in sp["title"].dropna():
        assert not re.search(r"\b(?:s'est|a|ont)\b", title), title


def test_reported_speech_in_french():
    r = load_text(PEOPLE_FR, lang="fr")
    assert "person:brown" not in set(r.speakers["speaker_id"])
    keys6 = set(r.mentions.loc[r.mentions["para"] == 6, "key"])
    assert "PSE" in keys6 and "KEN" not in keys6  # « la Palestine »; « M. Kenya Brown » is a person
