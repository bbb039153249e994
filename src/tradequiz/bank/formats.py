"""Every interchange format by name and file extension, for ``export-bank``/``import-bank``.

The Anki and Moodle XML modules are imported when first used: genanki,
zstandard and defusedxml would otherwise add a tenth of a second to every
start of the app (the library imports this registry for its file types).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tradequiz.bank.csv_io import export_csv, import_csv
from tradequiz.bank.gift import export_gift, import_gift
from tradequiz.bank.interchange import MAX_IMPORT_BYTES, Exported, Format, Imported
from tradequiz.bank.json_io import export_json_bank, import_json
from tradequiz.bank.model import Bank
from tradequiz.bank.problems import BankError, Problem
from tradequiz.files import atomic_write_bytes


def _export_moodle_xml(bank: Bank, now: datetime) -> Exported:
    from tradequiz.bank.moodle_xml import export_moodle_xml

    return export_moodle_xml(bank)


def _import_moodle_xml(data: bytes, path: str) -> Imported:
    from tradequiz.bank.moodle_xml_import import import_moodle_xml

    return import_moodle_xml(data, path)


def _export_apkg(bank: Bank, now: datetime) -> Exported:
    # Imported here: genanki (with PyYAML and chevron) is not needed until an Anki
    # package is written, and this module is imported at every start of the app.
    from tradequiz.bank.apkg import export_apkg

    return export_apkg(bank, now.timestamp())


def _import_apkg(data: bytes, path: str) -> Imported:
    from tradequiz.bank.apkg_import import import_apkg

    return import_apkg(data, path)


FORMATS: dict[str, Format] = {
    "gift": Format(
        "gift", (".gift",), lambda bank, now: export_gift(bank), import_gift, "Moodle GIFT"
    ),
    "moodle-xml": Format(
        "moodle-xml",
        (".xml",),
        _export_moodle_xml,
        _import_moodle_xml,
        "Moodle XML",
    ),
    "apkg": Format(
        "apkg",
        (".apkg",),
        _export_apkg,
        _import_apkg,
        "Anki package",
    ),
    "csv": Format(
        "csv", (".csv",), lambda bank, now: export_csv(bank), import_csv, "CSV (Quizlet, Anki)"
    ),
    "tsv": Format(
        "tsv",
        (".tsv", ".txt"),
        lambda bank, now: export_csv(bank, delimiter="\t"),
        lambda data, path: import_csv(data, path, delimiter="\t"),
        "TSV (Quizlet, Anki)",
    ),
    "json": Format(
        "json",
        (".json",),
        lambda bank, now: export_json_bank(bank),
        import_json,
        "JSON (everything)",
    ),
}
EXPORT_FORMATS = tuple(FORMATS)
IMPORT_FORMATS = tuple(name for name, f in FORMATS.items() if f.read is not None)


def format_for(path: Path, given: str | None, importing: bool) -> Format:
    """The format named by ``given``, else by the file's extension; BankError when unknown."""
    names = IMPORT_FORMATS if importing else EXPORT_FORMATS
    if given:
        if given not in names:
            raise BankError(
                [Problem(str(path), 1, 1, f"unknown format {given!r} (one of: {', '.join(names)})")]
            )
        return FORMATS[given]
    suffix = path.suffix.lower()
    for name in names:
        if suffix in FORMATS[name].extensions:
            return FORMATS[name]
    raise BankError(
        [
            Problem(
                str(path),
                1,
                1,
                f"cannot tell the format from {suffix or 'no'} "
                f"extension; give --format ({', '.join(names)})",
            )
        ]
    )


def export_to(bank: Bank, fmt: Format, output: Path, now: datetime) -> Exported:
    """Export ``bank`` and write it atomically to ``output``; ``now`` stamps Anki notes."""
    result = fmt.export(bank, now)
    atomic_write_bytes(output, result.data)
    return result


def read_import_file(path: Path) -> bytes:
    """The bytes of a file to import; BankError for one over the 50 MB cap (checked first)."""
    try:
        if path.stat().st_size > MAX_IMPORT_BYTES:
            limit = MAX_IMPORT_BYTES // 2**20
            raise BankError([Problem(str(path), 1, 1, f"the file is larger than {limit} MB")])
        return path.read_bytes()
    except OSError as exc:
        raise BankError([Problem(str(path), 1, 1, f"cannot read: {exc.strerror}")]) from exc


def import_from(path: Path, fmt: Format) -> Imported:
    """The bank in ``path`` read as ``fmt``; BankError naming the file on any problem."""
    if fmt.read is None:
        raise BankError([Problem(str(path), 1, 1, f"{fmt.label} files can be exported, not read")])
    return fmt.read(read_import_file(path), str(path))
