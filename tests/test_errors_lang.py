"""The kit's error messages follow the language: ``kit validate`` with ``KIT_LANG=fr`` prints one French line
for every kind of bad input, and English stays exactly ``str(err)``.

Each error keeps its English template and parameters (:class:`kit.errors.ReportError`); ``err.localized(lang)``
renders it. The French line is checked against the English one: it differs, it says « ligne » where English says
"line", and none of the template's English words is left in it once the data it quotes (paths, numbers, the
user's text) is taken out.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from kit import ReportError, ReportWarning, load_report, load_text
from kit.cli import _validate_folder, main
from kit.errors import Message
from kit.i18n import translator
from kit.sources import MAX_REPORT_BYTES

from .conftest import SYNTHETIC

pytestmark = pytest.mark.usefixtures("english_by_default")  # tests/conftest.py

ROOT = Path(__file__).resolve().parent.parent
_fr = translator("fr").gettext
#: English words that would betray an untranslated message (French shares none of them).
ENGLISH = re.compile(
    r"\b(?:the|this|that|is|of|and|line|paragraphs?|file|folder|empty|binary|expected|such|"
    r"not|no|report|could|read|at|offset|byte|save|only|meeting|statement|representative|said|"
    r"where|was|larger|reads|most|right|seems|truncated|ends|with|text|usable|holds|object)\b",
    re.IGNORECASE,
)

#: Bad inputs, by name: what to write (bytes), or a callable making the path in a folder.
TEXTS = {
    "empty": b"",
    "blank": b"  \n\n",
    "not_a_report_en": b"1. Milk and bread.\n\n2. Eggs from the market.\n\n3. Tea for the office.\n",
    "not_a_report_fr": "1. Du lait et du pain.\n\n2. Des œufs du marché.\n\n3. Du thé pour le bureau.\n".encode(),
    "few_attributed": b"1. Milk.\n\n2. Eggs.\n\n3. The representative of France said bread.\n",
    "no_numbered_paragraphs": b"Dear colleagues,\n\nthank you for the lovely dinner.\n",
    "truncated_mid_sentence": b"1. The representative of Kenya said that\n2. The representative of Ghana noted that the",
    "truncated_fr": "1. Le représentant du Kenya a dit que la paix.\n\n2. La représentante du Ghana a".encode(),
    "truncated_number_only": b"1. On 3 March 2022, the Working Group held a meeting.\n\n2. It ended.\n\n3\n",
    "nul_bytes": SYNTHETIC.encode() + b"\nPadding\x00 line.\n",
    "not_utf8": b"1. Fine.\n2. Also fine.\n3. The representative of C\xf4te d'Ivoire said it.\n",
    "binary": b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR",
    "bad_pdf": b"%PDF-1.4\nnot really a pdf",
}


def _make(kind: str, folder: Path) -> Path:
    """The path of a bad input of this kind, written in ``folder``."""
    if kind in TEXTS:
        path = folder / f"{kind}.pdf" if kind == "bad_pdf" else folder / f"{kind}.md"
        path.write_bytes(TEXTS[kind])
    elif kind == "missing":
        path = folder / "nowhere.md"
    elif kind == "empty_folder":
        path = folder / "reports"
        path.mkdir()
    elif kind == "too_big":  # a sparse file: its size is refused before a byte is read
        path = folder / "huge.txt"
        with open(path, "wb") as f:
            f.truncate(MAX_REPORT_BYTES + 1)
    elif kind == "not_report_json":
        path = folder / "report.json"
        path.write_text(json.dumps({"format": "something else", "version": 1}), encoding="utf-8")
    elif kind == "broken_json":
        path = folder / "broken.json"
        path.write_text("{not json", encoding="utf-8")
    else:  # pragma: no cover - a kind the list below names but _make does not
        raise AssertionError(kind)
    return path


KINDS = [*TEXTS, "missing", "empty_folder", "too_big", "not_report_json", "broken_json"]


def _error_of(path: Path) -> ReportError:
    """The kit's error for ``path``, as ``kit validate`` meets it."""
    with pytest.raises(ReportError) as info:
        if path.is_dir():
            _validate_folder(path)
        else:
            load_report(path).validate()
    return info.value


def _data(err: ReportError | Message) -> list[str]:
    """What the message quotes: its parameters' values (as text and as repr), in nested messages too."""
    out = []
    for value in err.params.values():
        items = value if isinstance(value, (list, tuple)) else [value]
        for v in items:
            out += _data(v) if isinstance(v, Message) else [str(v), repr(v)]
    return sorted(set(out), key=len, reverse=True)


def _words(message: str, err: ReportError) -> str:
    """A message without its data: the file, the parameters' values, numbers, and the names of the kit's
    formats and columns (``report.json``, ``report_id``), the same in every language."""
    text = message.replace(str(err.source), "") if err.source else message
    for value in [*_data(err), "report.json", "report_id"]:
        text = text.replace(value, "")
    return re.sub(r"\d[\d\u202f,]*", "", text)


@pytest.mark.parametrize("kind", KINDS)
def test_kit_validate_says_the_error_in_french_and_english_is_unchanged(kind, tmp_path, capsys, monkeypatch):
    path = _make(kind, tmp_path)
    err = _error_of(path)
    english = str(err)
    assert err.localized("en") == english
    assert re.search(r"\bline \d+", english) or err.line is None

    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr()
    assert out.err == f"kit: error: {english}\n"  # byte for byte what it was

    monkeypatch.setenv("KIT_LANG", "fr")
    assert main(["validate", str(path)]) == 2
    out = capsys.readouterr()
    lines = out.err.splitlines()
    assert len(lines) == 1 and out.err.endswith("\n"), out.err
    french = err.localized("fr")
    assert lines[0] == _fr("kit: error: {message}").format(message=french)
    assert err.localized() == french  # None: the current language ($KIT_LANG here)
    assert french != english
    assert ("line" in _words(english, err)) == ("ligne" in _words(french, err))
    assert "line" not in _words(french, err)
    if err.line is not None:
        assert f"ligne {err.line}" in french
    if err.para is not None:
        assert f"paragraphe {err.para}" in french
    left = ENGLISH.findall(_words(french, err))
    assert left == [], (french, left)


def test_a_text_that_is_no_report_gives_french_examples(tmp_path):
    for kind in ("not_a_report_en", "not_a_report_fr", "few_attributed"):
        french = _error_of(_make(kind, tmp_path)).localized("fr")
        assert "«\u00a0Le 13 avril 2021, le Groupe de travail a tenu une réunion" in french, french
        assert "«\u00a0Le représentant du Kenya a dit que" in french
        assert "On 13 April" not in french and "representative of Kenya" not in french
    few = _error_of(_make("few_attributed", tmp_path))
    assert "seuls 1 des 3 paragraphes attribuent une déclaration" in few.localized("fr")
    assert "no paragraph dates a meeting, and only 1 of 3 paragraphs attribute a statement" in str(few)


def test_a_real_run_with_kit_lang_fr_prints_french(tmp_path):
    path = _make("not_a_report_fr", tmp_path)
    env = {**os.environ, "KIT_LANG": "fr", "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [sys.executable, "-m", "kit.cli", "validate", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stderr == _fr("kit: error: {message}").format(message=_error_of(path).localized("fr")) + "\n"
    assert proc.stderr.startswith("kit\u00a0: erreur\u00a0: ")
    assert ", ligne 1\u00a0: aucun paragraphe ne date une réunion" in proc.stderr


def test_validation_lists_its_problems_in_the_language():
    text = "".join(
        f"{n}. The representative of {c} said it.\n\n"
        for n, c in [(1, "Chile"), (2, "Peru"), (4, "Ghana"), (4, "Kenya"), (5, "Nepal")]
    )
    with pytest.warns(ReportWarning):
        r = load_text(text, name="gaps.md")
    with pytest.raises(ReportError) as info:
        r.validate()
    err = info.value
    english, french = str(err), err.localized("fr")
    assert err.localized("en") == english and english.startswith("gaps.md: ")
    for p in r.problems[r.problems["problem"].isin(["gap", "duplicate"])].itertuples():
        assert f"line {p.line}: {p.message}" in english  # as before: the layout's own message
        assert f"ligne {p.line}\u00a0: paragraphe {p.para} là où le {p.expected} était attendu" in french
    assert french.startswith("gaps.md\u00a0: ") and english.count("; ") == french.count("\u00a0; ") > 0
    assert not ENGLISH.search(_words(french, err))


def test_old_style_messages_still_work():
    err = ReportError("something {odd} happened", source="x.md", para=2)  # no parameters: braces kept as they are
    assert str(err) == "x.md, paragraph 2: something {odd} happened" == err.localized("en")
    assert err.localized("fr") == "x.md, paragraphe 2\u00a0: something {odd} happened"
    assert ReportError("plain").localized("fr") == "plain"
    already = ReportError(_fr("the file is empty"))  # translated before it was raised: shown as it is
    assert already.localized("fr") == already.localized("en") == "le fichier est vide"


@pytest.mark.parametrize(
    "module, args",
    [("docx", ["note", "--out", "note.docx"]), ("pyarrow", ["export", "--format", "parquet", "--out", "tables"])],
)
def test_a_missing_optional_package_is_named_with_its_extra(module, args, tmp_path, monkeypatch, capsys):
    """Installed without the [export] extra: one line that says what to install, never a traceback."""
    monkeypatch.setitem(sys.modules, module, None)  # `import module` now raises ImportError
    monkeypatch.chdir(tmp_path)
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and module in err and "peacekeeping-briefing-kit[export]" in err
    assert not list(tmp_path.iterdir())  # nothing half-written
