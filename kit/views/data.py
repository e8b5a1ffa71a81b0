"""The report the apps show, as plain rows (:class:`kit.rows.ViewReport`), cached on disk as ``report.json``.

Why not the pandas dataframes? 30 workshop participants open the apps at once on a 2-core machine, and every
Voilà page is its own kernel. Importing pandas costs about 0.5 s and 60 MB per kernel. So the first kernel to open
a report parses it with :func:`kit.parse.parse_rows` (no pandas) and writes the tables to a cache file in the
documented ``report.json`` format (``kit serve`` does this before the room arrives); every later kernel reads that
file (a few milliseconds) and never imports pandas.

The cache is keyed on what the parse depends on, by content: the SHA-256 of the report file's bytes, the kit's
version and code, and the reference tables. A cache file that is corrupt, truncated, of another shape or
half-written by a second kernel is checked on reading (:meth:`ViewReport.from_json`), thrown away and rebuilt.
Each report file keeps one cache file: writing a new one removes the ones its earlier versions left.

A folder (``KIT_REPORT=folder``, ``kit serve folder/``) is a corpus: every document in it, parsed one by one
and merged (:meth:`ViewReport.merge`), each row keeping its ``report_id``. Its cache file is keyed on the name
and content of every file, so changing, adding or removing one document re-parses.

Widgets never parse: :func:`app_report` is the only door.

Examples
--------
>>> r = app_report()
>>> r.report_id, len(r.paragraphs), r.cite([27, 26, 28, 31])
('wgpko-2021', 71, 'wgpko-2021, paras. 26-28, 31')
"""

from __future__ import annotations

import glob
import hashlib
import os
import shutil
from pathlib import Path

from ..citation import cite
from ..errors import ReportError
from ..gazetteer import reference_files
from ..i18n import N_
from ..language import language_files
from ..paths import DEFAULT_REPORT, PACKAGE_DIR, REFERENCE_DIR
from ..rows import ViewReport, read_json, write_json
from ..sources import corpus_files

__all__ = ["ViewReport", "app_report", "report_path", "cache_dir", "cache_key", "cache_file", "cite"]

APP_NAME = "peacekeeping-briefing-kit"
_MEMO: dict[tuple[str, str], ViewReport] = {}
_CODE_DIGEST: str | None = None


def report_path() -> Path:
    """The report the apps open: ``$KIT_REPORT`` (a report file, or a folder of documents) when set, else the
    bundled one."""
    env = os.environ.get("KIT_REPORT", "").strip()
    return Path(env).expanduser() if env else DEFAULT_REPORT


def cache_dir() -> Path:
    """``$KIT_CACHE_DIR``, else the user's cache folder as the platform defines it (platformdirs)."""
    env = os.environ.get("KIT_CACHE_DIR", "").strip()
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def _code_digest() -> str:
    """The kit's version and the content of its parsing code (a developer's edit re-parses, too)."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        from .. import __version__

        h = hashlib.sha256(f"kit {__version__}\n".encode())
        for dep in sorted(PACKAGE_DIR.glob("*.py")):
            h.update(dep.name.encode() + b"\0" + dep.read_bytes())
        _CODE_DIGEST = h.hexdigest()
    return _CODE_DIGEST


def cache_key(path: str | Path) -> str:
    """What the parse of ``path`` depends on, by content: the file's SHA-256 (a folder: the name and SHA-256
    of every document in it), the kit's version and code, and the reference tables (so editing a reference CSV
    re-parses), with the language files."""
    h = hashlib.sha256(_code_digest().encode())
    path = Path(path)
    if path.is_dir():
        for doc in corpus_files(path):
            h.update(doc.name.encode() + b"\0" + hashlib.sha256(doc.read_bytes()).digest())
    else:
        h.update(hashlib.sha256(path.read_bytes()).digest())
    for name, ref in reference_files(REFERENCE_DIR).items():  # the tables the parser reads, shipped ones too
        h.update(name.encode() + b"\0" + hashlib.sha256(ref.read_bytes()).digest())
    for ref in language_files(REFERENCE_DIR):  # and the languages defined by data (languages/*.toml)
        h.update(ref.name.encode() + b"\0" + hashlib.sha256(ref.read_bytes()).digest())
    return h.hexdigest()[:32]


def _prefix(path: Path) -> str:
    """The start of the names of a report's cache files: ``<name>-<where it is>-`` (then what it holds)."""
    where = hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:8]
    return f"{path.name if path.is_dir() else path.stem}-{where}-"


def cache_file(path: str | Path) -> Path:
    """The cache file of the report (or folder) ``path`` as it is now: ``<name>-<where it is>-<what it holds>.json``
    in :func:`cache_dir`. A corpus's shards are beside it (:mod:`kit.views.shards`)."""
    path = Path(path).expanduser()
    return cache_dir() / f"{_prefix(path)}{cache_key(path)}.json"


def app_report(path: str | Path | None = None, *, use_cache: bool = True) -> ViewReport:
    """The report for the apps: ``path``, else ``$KIT_REPORT``, else the bundled report. A ``report.json``
    (``kit export --format json``) is read as it is; a folder is a corpus of every document in it.

    Raises :class:`kit.ReportError` naming the file when it is missing or cannot be parsed (the apps turn that
    into a friendly panel), or, for a folder, the document that cannot (or the folder, when it holds none).
    """
    path = Path(path).expanduser() if path is not None else report_path()
    if not path.is_file() and not path.is_dir():
        if path.exists():
            raise ReportError(N_("this is not a regular file; give the path of a report file"), source=str(path))
        setting = os.environ.get("KIT_REPORT", "").strip()
        raise ReportError(
            N_("the report file does not exist (check the KIT_REPORT setting)")
            if setting
            else N_("the report file does not exist"),
            source=str(path),
        )
    try:
        key = cache_key(path)
    except OSError as exc:
        raise ReportError(
            N_("the report file cannot be read ({reason})"), source=str(path), reason=exc.strerror or exc
        ) from exc
    memo_key = (str(path.resolve()), key)
    if use_cache and memo_key in _MEMO:
        return _MEMO[memo_key]
    if path.suffix.lower() == ".json":  # a report.json (kit export --format json): already the apps' tables
        view = read_json(path)
        _MEMO[memo_key] = view
        return view
    # one cache file per report file: <name>-<where it is>-<what it holds>.json (cache_file)
    prefix = _prefix(path)
    file = cache_dir() / f"{prefix}{key}.json"
    if use_cache:
        view = _read_cache(file)
        if view is not None:
            _MEMO[memo_key] = view
            return view
    view = _parse(path)
    if use_cache:
        try:
            write_json(view, file)
            _write_digest(file)
            if path.is_dir():  # a corpus: its shards too, for the apps that show one choice at a time
                from .shards import write_shards

                keep = write_shards(view, file)
            else:
                keep = file
            for old in file.parent.glob(f"{glob.escape(prefix)}*"):  # earlier versions of this report
                if old not in (file, _digest_file(file), keep):
                    shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only cache folder: the apps still work, each kernel parses
        _MEMO[memo_key] = view
    return view


def _digest_file(file: Path) -> Path:
    """Where the SHA-256 of a cache file, as written, is kept: ``<name>.json.sha256``."""
    return file.with_name(file.name + ".sha256")


def _write_digest(file: Path) -> None:
    """Keep the digest of the cache file just written (atomically, like the file itself)."""
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    tmp = file.with_name(f".{file.name}.{os.getpid()}.sha256.tmp")
    tmp.write_text(digest, encoding="ascii")
    os.replace(tmp, _digest_file(file))


def _read_cache(file: Path) -> ViewReport | None:
    """The cached report, or None when there is none or it is unusable (which is then removed). A file whose
    bytes still have the digest kept when it was written is read without checking every row again."""
    try:
        digest = _digest_file(file).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        digest = None
    try:
        return read_json(file, sha256=digest)
    except FileNotFoundError:
        return None
    except (OSError, ReportError, ValueError, KeyError, TypeError):
        try:  # corrupt, truncated or of another shape: rebuild it
            file.unlink()
        except OSError:
            pass
        return None


def _parse(path: Path) -> ViewReport:
    """The report (or the corpus of a folder) as plain rows, parsed now."""
    if path.is_dir():
        return ViewReport.merge(
            (_parse(doc) for doc in corpus_files(path)), "corpus", {"source": str(path), "title": path.resolve().name}
        )
    from ..parse import parse_rows  # the parser only on a cache miss, and never pandas
    from ..sources import read_source

    try:
        rows, meta = parse_rows(read_source(path))
    except ReportError:
        raise
    except Exception as exc:  # a parser bug must still reach the user as a message naming the file
        raise ReportError(
            N_("the report could not be read ({kind}: {reason})"), source=str(path), kind=type(exc).__name__, reason=exc
        ) from exc
    return ViewReport.from_rows(rows, meta)
