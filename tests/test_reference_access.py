"""One way to read the reference tables: one fallback rule for every table, one label for every caller."""

import os
import subprocess
import sys

import pytest

from kit import gazetteer
from kit.gazetteer import (
    LABEL_KINDS,
    load_gazetteer,
    read_table,
    reference_files,
    reference_path,
)
from kit.paths import SHIPPED_REFERENCE_DIR

SHIPPED = sorted(p.name for p in SHIPPED_REFERENCE_DIR.glob("*.csv"))


def _write_without_last_row(source, target):
    lines = source.read_text(encoding="utf-8").rstrip("\n").split("\n")
    assert len(lines) > 2, source  # a header and at least two rows
    target.write_text("\n".join(lines[:-1]) + "\n", encoding="utf-8")


@pytest.mark.parametrize("changed", SHIPPED)
def test_a_folder_with_one_changed_table_falls_back_for_every_other(changed, tmp_path, monkeypatch):
    """A trainer's KIT_REFERENCE_DIR holding only the table they changed: that table is theirs, every other one
    is the shipped one, whichever table it is and whoever reads it (read_table, the gazetteer, the cache key)."""
    _write_without_last_row(SHIPPED_REFERENCE_DIR / changed, tmp_path / changed)
    monkeypatch.setattr(gazetteer, "REFERENCE_DIR", tmp_path)
    shipped = {name: read_table(name, SHIPPED_REFERENCE_DIR) for name in SHIPPED}
    assert read_table(changed) == shipped[changed][:-1]
    assert reference_path(changed) == tmp_path / changed
    assert set(reference_files(tmp_path)) == set(SHIPPED)
    g = load_gazetteer(tmp_path)
    for name in SHIPPED:
        want = shipped[name][:-1] if name == changed else shipped[name]
        assert read_table(name) == want, name
        assert g.table(name) == want, name
        assert reference_files(tmp_path)[name] == (tmp_path if name == changed else SHIPPED_REFERENCE_DIR) / name


def test_an_empty_folder_reads_the_shipped_tables(tmp_path):
    g = load_gazetteer(tmp_path, lang="fr")
    shipped = load_gazetteer(SHIPPED_REFERENCE_DIR, lang="fr")
    assert g.state_rows == shipped.state_rows and g.place_rows == shipped.place_rows
    assert g.org_rows == shipped.org_rows and g.honorifics == shipped.honorifics
    assert g.mission_rows == shipped.mission_rows


def test_a_table_nowhere_is_a_clear_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError, match="no_such_table.csv"):
        read_table("no_such_table.csv", tmp_path)


def test_kit_reference_dir_with_one_table_changes_that_table_only(tmp_path):
    """The environment variable itself, in a fresh interpreter: a French theme label changed in the trainer's
    themes.csv is the label; the State names still come from the shipped member_states.csv."""
    rows = (SHIPPED_REFERENCE_DIR / "themes.csv").read_text(encoding="utf-8").split("\n")
    header = rows[0].split(",")
    first = rows[1].split(",")
    first[header.index("label_fr")] = "Étiquette du formateur"
    (tmp_path / "themes.csv").write_text("\n".join([rows[0], ",".join(first)]) + "\n", encoding="utf-8")
    code = (
        "from kit.gazetteer import load_gazetteer; g = load_gazetteer(); "
        f"print(g.label('theme', {first[0]!r}, 'fr')); print(g.label('state', 'MAR', 'fr'))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "KIT_REFERENCE_DIR": str(tmp_path)},
    ).stdout.split("\n")
    morocco = next(r for r in read_table("member_states.csv", SHIPPED_REFERENCE_DIR) if r["iso3"] == "MAR")
    assert out[:2] == ["Étiquette du formateur", morocco["fr_name"]]


@pytest.mark.parametrize("kind", sorted(LABEL_KINDS))
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_label_is_the_column_of_its_language(kind, lang):
    """Every key of a kind's table gets the cell of the language's column (or None for an empty cell)."""
    tables, key_column, column_of = LABEL_KINDS[kind]
    g = load_gazetteer()
    column = column_of(g.language if lang == "en" else load_gazetteer(lang="fr").language)
    seen = set()
    for name in tables:
        for row in read_table(name):
            if row[key_column] in seen:
                continue
            seen.add(row[key_column])
            if row.get(column):
                assert g.label(kind, row[key_column], lang) == row[column]
    assert seen


def test_a_theme_label_is_the_same_from_every_caller():
    """The apps, the charts and the gazetteer name each theme of the report alike, in each language."""
    from kit import load_report, plots
    from kit.views import app_report
    from kit.views.shell import localized

    r, report = app_report(), load_report()
    g = load_gazetteer()
    for lang in ("en", "fr"):
        from_apps = {t["theme"]: t["label"] for t in localized(r, lang).themes}
        from_plots = dict(zip(report.themes["theme"], plots._theme_labels(report.themes, lang)))
        assert from_apps == from_plots, lang
        assert all(from_apps[t] == (g.label("theme", t, lang) or from_apps[t]) for t in from_apps)
        if lang == "fr":
            assert any(g.label("theme", t, "fr") != g.label("theme", t, "en") for t in from_apps)


# --- every reader of a reference table goes through the one accessor ---------------------------------------------

#: The modules that read reference files themselves: the accessor (kit/gazetteer.py) and where the folder is named.
ACCESSOR = {"kit/gazetteer.py", "kit/paths.py"}


def direct_reads(source: str) -> list[str]:
    """The places in ``source`` that read a CSV or make a reference table's path without the accessor.

    >>> direct_reads("import csv\\nrows = list(csv.DictReader(open(REFERENCE_DIR / 'asks.csv')))")
    ['2: csv.DictReader', "2: REFERENCE_DIR / 'asks.csv'"]
    >>> direct_reads("w = csv.writer(out)\\nrows = read_table('asks.csv', REFERENCE_DIR)")
    []
    """
    import ast

    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in {"reader", "DictReader", "read_csv"}:
            found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "glob":
            if any(isinstance(a, ast.Constant) and str(a.value).endswith(".csv") for a in node.args):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
        elif isinstance(node, ast.Name) and node.id == "read_csv":
            found.append(f"{node.lineno}: {node.id}")
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            left, right = ast.unparse(node.left), node.right
            name = right.value if isinstance(right, ast.Constant) and isinstance(right.value, str) else ""
            table = name.endswith(".csv") or not isinstance(right, ast.Constant)  # a table, or any name
            if (left.endswith("REFERENCE_DIR") and table) or name == "reference" or name.endswith(".csv"):
                found.append(f"{node.lineno}: {ast.unparse(node)}")
    return found


def test_the_check_finds_a_direct_read():
    assert direct_reads("from kit.paths import REFERENCE_DIR\npath = REFERENCE_DIR / name")
    assert direct_reads("import pandas as pd\nt = pd.read_csv(path)")
    assert direct_reads("folder = DATA_DIR / 'reference'")
    assert direct_reads("rows = open(folder / 'bodies.csv').read()")
    assert not direct_reads("catalogues = REFERENCE_DIR / 'locale'")  # not a table
    assert direct_reads("paths = sorted(folder.glob('*.csv'))")
    assert direct_reads("import csv\nfor row in csv.reader(f): pass")


def test_no_module_reads_a_reference_table_itself():
    """Every reference table is read by kit.gazetteer.read_table / Gazetteer.table (one fallback rule)."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    modules = sorted((root / "kit").rglob("*.py"))
    assert len(modules) > 30
    for path in modules:
        name = path.relative_to(root).as_posix()
        if name in ACCESSOR or name.startswith("kit/data/"):
            continue
        found = direct_reads(path.read_text(encoding="utf-8"))
        assert not found, f"{name} reads reference data itself ({found}): use kit.gazetteer.read_table"


def _with_row(table: str, folder, **cells) -> None:
    """Copy the shipped table ``table`` into ``folder`` with one more row (the trainer's)."""
    import csv

    with open(SHIPPED_REFERENCE_DIR / table, encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        header, rows = reader.fieldnames, list(reader)
    assert set(cells) <= set(header), (table, header)
    with open(folder / table, "w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, header)
        writer.writeheader()
        writer.writerows([*rows, {k: cells.get(k, "") for k in header}])


def test_kit_reference_dir_is_honoured_by_every_reader(tmp_path):
    """A trainer's row in asks.csv, figures.csv, bodies.csv and abbreviations.csv (and nothing else in the folder)
    is read by the asks, the key figures, the document readers, the sentence splitter and the hyphen mender; the
    tables the folder lacks still come from the kit (fresh interpreter, the environment variable itself)."""
    _with_row("asks.csv", tmp_path, phrase="zzurged", kind="verb", lang="en")
    _with_row("figures.csv", tmp_path, term="zzwardens", kind="personnel", lang="en")
    _with_row("bodies.csv", tmp_path, prefix="ZZ/", name="Trainer Council", fr_name="Conseil du formateur")
    _with_row("abbreviations.csv", tmp_path, abbreviation="Zzq.", kind="period", lang="en")
    code = "\n".join(
        [
            "from kit.teaching.asks import ask_phrases",
            "from kit.teaching.figures import figure_terms",
            "from kit.readers.base import body_of",
            "from kit.sentences import abbreviations",
            "from kit.layout import reference_vocabulary",
            "from kit.gazetteer import load_gazetteer",
            "print('zzurged' in ask_phrases('en')['verb'])",
            "print('zzwardens' in figure_terms('en')['personnel'])",
            "print(body_of('ZZ/1', 'fr'))",
            "print('zzq' in abbreviations('period'))",
            "print('zzwardens' in reference_vocabulary().words and 'mozambique' in reference_vocabulary().words)",
            "print(load_gazetteer().countries.match('Morocco said', 0))",
        ]
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "KIT_REFERENCE_DIR": str(tmp_path)},
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.split("\n")[:6] == ["True", "True", "Conseil du formateur", "True", "True", "('MAR', 7)"]


def test_a_reference_abbreviation_is_read_from_the_table_by_the_layout_and_the_sentences():
    """``reference`` rows of abbreviations.csv ("para.", "No.", « par. ») are the layout's "a number here is a
    reference, not a footnote marker after a sentence end", and periods that end no sentence: one list, the
    table's, in every language."""
    from kit.gazetteer import read_table
    from kit.layout.lines import reference_end as _reference_end
    from kit.sentences import abbreviations, sentence_spans

    rows = [r for r in read_table("abbreviations.csv") if r["kind"] == "reference"]
    assert {r["lang"] for r in rows} >= {"en", "fr"}
    for r in rows:
        word = r["abbreviation"]
        assert _reference_end().search(f"as the report says in {word} 12"), word
        assert word.lower().removesuffix(".") in abbreviations("period"), word
        text = f"It was set out in {word} 12 of the report. It was welcomed."
        assert len(sentence_spans(text)) == 2, (word, sentence_spans(text))
    assert not _reference_end().search("the mandate was renewed in 2021. 1")  # a sentence end, then a marker
