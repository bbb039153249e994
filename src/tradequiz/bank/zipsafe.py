"""Open a zip file someone sent (an Anki ``.apkg``) without trusting anything in it.

Before a byte is decompressed, the whole archive is checked:

- the entry count from the end-of-central-directory record, then from the
  directory itself, against ``MAX_ENTRIES`` (many-entry bombs);
- every member name: no absolute path (``/x``, ``\\x``, ``C:x``), no ``..``
  part, no backslash, no NUL, no duplicates — a member that would land
  outside a target folder is refused even when it would not be extracted;
- no symbolic links (Unix mode bits in the external attributes);
- the sum of the declared uncompressed sizes against ``MAX_TOTAL_BYTES``,
  and the compression ratio of every member larger than 1 MiB against
  ``MAX_RATIO`` (zip bombs).

Reading a member then stops at ``limit`` bytes whatever its header claims,
so a lying header cannot get past the caps either.  Every refusal is a
BankError naming the file and the member.
"""

from __future__ import annotations

import io
import lzma
import stat
import struct
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from tradequiz.bank.problems import BankError, Problem

MAX_ENTRIES = 10_000
MAX_TOTAL_BYTES = 1024 * 1024 * 1024  # declared, all members together
MAX_RATIO = 200  # uncompressed : compressed, for members over RATIO_FROM bytes
RATIO_FROM = 1024 * 1024
_EOCD = b"PK\x05\x06"
_CHUNK = 1024 * 1024


def refuse(path: str, message: str) -> BankError:
    return BankError([Problem(path, 1, 1, message)])


def unsafe_name(name: str) -> str | None:
    """Why ``name`` could escape the folder it is extracted to, or None when it is safe."""
    if not name:
        return "an empty name"
    if "\x00" in name:
        return "a NUL character in the name"
    if "\\" in name:
        return "a backslash in the name"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "an absolute path"
    if any(part in ("..", ".") for part in name.split("/")):
        return "a '..' or '.' part"
    return None


def _declared_entries(data: bytes) -> int | None:
    """The entry count in the end-of-central-directory record, before zipfile parses anything."""
    at = data.rfind(_EOCD, max(0, len(data) - 65_557))
    if at == -1 or at + 22 > len(data):
        return None
    return int(struct.unpack_from("<H", data, at + 10)[0])


def _is_symlink(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    return info.create_system == 3 and stat.S_ISLNK(mode)


@dataclass
class SafeZip:
    """A checked archive; ``read`` gives one member, never more than ``limit`` bytes."""

    path: str
    archive: zipfile.ZipFile

    def names(self) -> list[str]:
        return [i.filename for i in self.archive.infolist() if not i.is_dir()]

    def read(self, name: str, limit: int) -> bytes:
        info = self.archive.getinfo(name)
        if info.file_size > limit:
            raise refuse(self.path, f"{name}: {info.file_size:,} bytes is over the {limit:,} cap")
        out = io.BytesIO()
        try:
            with self.archive.open(info) as member:
                while chunk := member.read(_CHUNK):
                    out.write(chunk)
                    if out.tell() > limit:
                        raise refuse(self.path, f"{name}: more than the {limit:,} byte cap")
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError,
                zlib.error, lzma.LZMAError) as exc:  # fmt: skip
            raise refuse(self.path, f"{name}: the package is damaged ({exc})") from exc
        except RuntimeError as exc:  # an encrypted member
            raise refuse(self.path, f"{name}: cannot be read ({exc})") from exc
        return out.getvalue()


def _check(path: str, archive: zipfile.ZipFile) -> None:
    infos = archive.infolist()
    if len(infos) > MAX_ENTRIES:
        raise refuse(path, f"{len(infos):,} files in the package; the cap is {MAX_ENTRIES:,}")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        reason = unsafe_name(name)
        if reason is not None:
            raise refuse(path, f"member {name!r} refused: {reason}")
        if _is_symlink(info):
            raise refuse(path, f"member {name!r} refused: a symbolic link")
        if name in seen:
            raise refuse(path, f"member {name!r} appears twice")
        seen.add(name)
        total += info.file_size
        if total > MAX_TOTAL_BYTES:
            raise refuse(
                path, f"the package unpacks to more than {MAX_TOTAL_BYTES // 2**20:,} MB (the cap)"
            )
        if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise refuse(
                path,
                f"member {name!r} refused: compressed more than {MAX_RATIO}:1 (a zip bomb?)",
            )


@contextmanager
def open_zip(data: bytes, path: str) -> Iterator[SafeZip]:
    """The archive in ``data``, checked as described above; BankError when it is refused."""
    declared = _declared_entries(data)
    if declared is None or not zipfile.is_zipfile(io.BytesIO(data)):
        raise refuse(path, "not a zip package (truncated, or another kind of file)")
    if declared > MAX_ENTRIES:
        raise refuse(path, f"{declared:,} files in the package; the cap is {MAX_ENTRIES:,}")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        raise refuse(path, f"not a readable zip package ({exc})") from exc
    except (struct.error, UnicodeDecodeError, IndexError) as exc:
        raise refuse(path, f"the zip directory is damaged ({exc})") from exc
    with archive:
        _check(path, archive)
        yield SafeZip(path, archive)
