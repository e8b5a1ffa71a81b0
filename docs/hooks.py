"""MkDocs hooks of the documentation site (``mkdocs.yml``: ``hooks``), so that reference pages cannot drift.

- The navigation keeps only the pages that exist (pages other engineers are writing can be listed first).
- ``<!-- generated: cli -->`` becomes the reference of every ``kit`` command, from :func:`kit.cli.build_parser`.
- ``<!-- generated: columns -->`` becomes the tables' columns, from :data:`kit.schema.COLUMNS`.
- ``<!-- generated: note-schema -->`` becomes the briefing note's JSON Schema, from the file the kit ships.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _existing(nav: list, docs: Path) -> list:
    """``nav`` without the entries whose Markdown file is not in ``docs`` (and sections left empty)."""
    kept = []
    for entry in nav:
        title, value = next(iter(entry.items())) if isinstance(entry, dict) else (None, entry)
        if isinstance(value, list):
            value = _existing(value, docs)
            if not value:
                continue
        elif isinstance(value, str) and not value.startswith(("http://", "https://")) and not (docs / value).is_file():
            continue
        kept.append({title: value} if title is not None else value)
    return kept


def on_config(config, **kwargs):
    config["nav"] = _existing(config["nav"], Path(config["docs_dir"]))
    return config


def _subcommands(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser, str]]:
    """``(name, parser, help)`` of each subcommand, in the order they are defined."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            return [(name, sub, helps.get(name, "")) for name, sub in action.choices.items()]
    return []


def _option(action: argparse.Action) -> str:
    names = ", ".join(f"`{name}`" for name in action.option_strings) or f"`{action.dest}`"
    if action.option_strings and action.nargs != 0:
        names += f" `{(action.metavar or action.dest).upper()}`"
    return names


def cli_reference() -> str:
    """Every ``kit`` command with its help, usage and options, as Markdown."""
    from kit.cli import build_parser

    out = []
    for name, sub, summary in _subcommands(build_parser()):
        out += [f"## kit {name}", "", summary[:1].upper() + summary[1:].rstrip(".") + ".", ""]
        out += ["```text", sub.format_usage().replace("usage: ", "").strip(), "```", ""]
        rows = [a for a in sub._actions if not isinstance(a, argparse._HelpAction)]
        if rows:
            out += ["| argument | meaning | default |", "| --- | --- | --- |"]
            for a in rows:
                default = "" if a.default in (None, argparse.SUPPRESS, False) else f"`{a.default}`"
                required = " (required)" if a.required else ""
                choices = f" One of {', '.join(f'`{c}`' for c in a.choices)}." if a.choices else ""
                text = (a.help or "").replace("|", "\\|") + required + choices
                out.append(f"| {_option(a)} | {text} | {default} |")
            out.append("")
    return "\n".join(out)


def columns_reference() -> str:
    from kit.schema import COLUMNS

    rows = ["| table | columns |", "| --- | --- |"]
    rows += [f"| `{table}` | {', '.join(f'`{c}`' for c in columns)} |" for table, columns in COLUMNS.items()]
    return "\n".join(rows)


def note_schema() -> str:
    schema = json.loads((ROOT / "kit" / "teaching" / "note.schema.json").read_text(encoding="utf-8"))
    return "```json\n" + json.dumps(schema, indent=2, ensure_ascii=False) + "\n```"


GENERATED = {"cli": cli_reference, "columns": columns_reference, "note-schema": note_schema}


def on_page_markdown(markdown: str, page, config, files, **kwargs) -> str:
    for key, make in GENERATED.items():
        marker = f"<!-- generated: {key} -->"
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown
