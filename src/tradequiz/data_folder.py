"""Checks on the learner's data folder before the database is opened.

SQLite's locking and WAL need a local file system: on a network share the
locks may not hold, and a cloud-sync client can upload (or replace) the
database while the app writes it, which is how Anki profiles get corrupted.
Such a folder gets a warning.  A folder that cannot be written (read-only
mount, no permission, disk full) gets a clear error before anything starts,
instead of a failure in the middle of a study session.
"""

from __future__ import annotations

import errno
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Literal, NamedTuple

# Below this, a warning: a study session needs little, but backups need room.
LOW_SPACE_BYTES = 50 * 1024 * 1024

# Folder names used by sync clients (compared case-insensitively, by prefix where
# the client appends an account name, as in "OneDrive - Example Corp").
_CLOUD_EXACT = {
    "dropbox", "google drive", "googledrive", "my drive", "icloud drive", "icloudrive",
    "mobile documents", "com~apple~clouddocs", "cloudstorage", "box", "box sync",
    "pcloud drive", "nextcloud", "owncloud", "megasync", "mega", "sync", "seafile",
    "yandex.disk", "tresorit", "proton drive", "syncthing",
}  # fmt: skip
_CLOUD_PREFIXES = ("onedrive", "dropbox (", "dropbox-", "google drive", "nextcloud", "box-")

NETWORK_FILE_SYSTEMS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "9p", "afs", "coda",
    "ceph", "glusterfs", "lustre", "gpfs", "beegfs", "davfs", "webdav", "sshfs",
    "fuse.sshfs", "fuse.rclone", "fuse.s3fs", "fuse.gcsfuse", "fuse.glusterfs",
    "fuse.davfs2", "fuse.cephfs", "fuse.onedriver", "fuse.google-drive-ocamlfuse",
}  # fmt: skip


class FolderProblem(NamedTuple):
    severity: Literal["error", "warning"]
    message: str


@dataclass(frozen=True)
class Usage:
    total: int
    used: int
    free: int


DiskUsage = Callable[[Path], Usage]


def _disk_usage(path: Path) -> Usage:
    total, used, free = shutil.disk_usage(path)
    return Usage(total, used, free)


def cloud_sync_folder(path: PurePath) -> str | None:
    """The name of the sync folder ``path`` lies in, or None."""
    for part in path.parts:
        lowered = part.lower()
        if lowered in _CLOUD_EXACT or lowered.startswith(_CLOUD_PREFIXES):
            return part
    return None


def _unescape_mount(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def file_system_type(path: Path, mounts: str | None = None) -> str | None:
    """The file system type of the mount holding ``path`` (Linux /proc/mounts), or None."""
    if mounts is None:
        try:
            mounts = Path("/proc/self/mounts").read_text(encoding="utf-8", errors="replace")
        except OSError:
            return None
    best, best_type = "", None
    target = path.as_posix()
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        point = _unescape_mount(fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, best_type = point, fields[2]
    return best_type


def _windows_remote(path: Path) -> bool:
    if str(path).startswith("\\\\"):
        return True  # a UNC path: \\server\share
    if sys.platform != "win32":
        return False
    import ctypes

    drive_remote = 4
    root = os.path.splitdrive(str(path))[0] + "\\"
    windll = getattr(ctypes, "windll", None)
    return windll is not None and int(windll.kernel32.GetDriveTypeW(root)) == drive_remote


def network_file_system(path: Path, mounts: str | None = None) -> str | None:
    """The kind of network file system ``path`` is on, or None when it is local."""
    if _windows_remote(path):
        return "a network drive"
    kind = file_system_type(path, mounts)
    if kind is not None and kind.lower() in NETWORK_FILE_SYSTEMS:
        return kind
    return None


def _probe_write(root: Path) -> OSError | None:
    """Create, sync and remove a small file in ``root``; the error if that fails."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fd, name = tempfile.mkstemp(prefix=".write-test-", dir=root)
        try:
            os.write(fd, b"x" * 4096)
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(name)
    except OSError as exc:
        return exc
    return None


def _write_error(root: Path, exc: OSError) -> str:
    if exc.errno == errno.ENOSPC or exc.errno == getattr(errno, "EDQUOT", -1):
        return (
            f"The disk holding your TradeQuiz data ({root}) is full. Free some space "
            "and start TradeQuiz again; nothing has been changed."
        )
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            f"TradeQuiz cannot write to its data folder {root} (it is read-only or you "
            "lack permission). Choose another folder with --data-dir or the "
            "TRADEQUIZ_HOME setting, or fix the folder's permissions."
        )
    return f"TradeQuiz cannot write to its data folder {root}: {exc.strerror or exc}."


def check_data_folder(
    root: Path, *, mounts: str | None = None, disk_usage: DiskUsage = _disk_usage
) -> list[FolderProblem]:
    """Problems with ``root`` as a data folder: errors stop the app, warnings are shown.

    The folder is created if it is missing; nothing else in it is changed.
    """
    problems: list[FolderProblem] = []
    failure = _probe_write(root)
    if failure is not None:
        return [FolderProblem("error", _write_error(root, failure))]
    sync = cloud_sync_folder(root)
    if sync is not None:
        problems.append(
            FolderProblem(
                "warning",
                f"Your TradeQuiz data folder {root} is inside the sync folder “{sync}”. "
                "Sync programs can copy the database while TradeQuiz writes it and damage "
                "it. Keep the data folder outside synced folders (use --data-dir or "
                "TRADEQUIZ_HOME); TradeQuiz's own backups are in its backups folder.",
            )
        )
    network = network_file_system(root, mounts)
    if network is not None:
        problems.append(
            FolderProblem(
                "warning",
                f"Your TradeQuiz data folder {root} is on a network file system ({network}). "
                "The database's locks may not work there and answers could be lost. "
                "Use a folder on this computer's own disk.",
            )
        )
    free = disk_usage(root).free
    if free < LOW_SPACE_BYTES:
        problems.append(
            FolderProblem(
                "warning",
                f"Only {free // (1024 * 1024)} MB are free on the disk holding {root}. "
                "Answers and backups may fail to save; free some space soon.",
            )
        )
    return problems
