"""Data-folder checks: sync folders and network shares warn, unwritable folders stop."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path, PurePosixPath, PureWindowsPath

import pytest

from tradequiz import data_folder
from tradequiz.data_folder import (
    Usage,
    check_data_folder,
    cloud_sync_folder,
    file_system_type,
    network_file_system,
)

PLENTY = Usage(10**12, 0, 10**11)
MOUNTS = """\
sysfs /sys sysfs rw 0 0
/dev/sda1 / ext4 rw,relatime 0 0
server:/export /mnt/nfs nfs4 rw 0 0
//nas/share /mnt/my\\040share cifs rw 0 0
user@host:/ /home/u/remote fuse.sshfs rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def _usage(free: int) -> data_folder.DiskUsage:
    return lambda _path: Usage(10**12, 10**12 - free, free)


@pytest.mark.parametrize(
    ("path", "folder"),
    [
        (PurePosixPath("/home/ann/Dropbox/TradeQuiz"), "Dropbox"),
        (PurePosixPath("/Users/ann/Library/CloudStorage/OneDrive-Personal/tq"), "CloudStorage"),
        (PureWindowsPath(r"C:\Users\ann\OneDrive - Acme\TradeQuiz"), "OneDrive - Acme"),
        (PurePosixPath("/Users/a/Mobile Documents/com~apple~CloudDocs"), "Mobile Documents"),
        (PureWindowsPath(r"G:\My Drive\TradeQuiz"), "My Drive"),
        (PurePosixPath("/home/ann/Nextcloud/study"), "Nextcloud"),
    ],
)  # fmt: skip
def test_sync_folders_are_recognised(path: PurePosixPath, folder: str) -> None:
    assert cloud_sync_folder(path) == folder


@pytest.mark.parametrize(
    "path", ["/home/ann/.local/share/TradeQuiz", "/home/dropboxer/tq", "/srv/boxes/tq"]
)
def test_ordinary_folders_are_not_sync_folders(path: str) -> None:
    assert cloud_sync_folder(PurePosixPath(path)) is None


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("/mnt/nfs/ann/TradeQuiz", "nfs4"),
        ("/mnt/my share/tq", "cifs"),
        ("/home/u/remote/tq", "fuse.sshfs"),
        ("/home/u/local", None),
        ("/mnt/nfsother", None),
    ],
)
def test_network_file_systems_from_the_mount_table(path: str, kind: str | None) -> None:
    assert network_file_system(Path(path), MOUNTS) == kind


def test_unc_paths_are_network_drives() -> None:
    assert network_file_system(Path("\\\\server\\share\\tq"), "") == "a network drive"


def test_this_machines_temporary_folder_has_a_type(tmp_path: Path) -> None:
    if not Path("/proc/self/mounts").exists():
        pytest.skip("no /proc/self/mounts on this system")
    assert file_system_type(tmp_path) is not None


def test_a_good_local_folder_has_no_problems(tmp_path: Path) -> None:
    root = tmp_path / "new" / "TradeQuiz"
    assert check_data_folder(root, mounts=MOUNTS, disk_usage=_usage(10**10)) == []
    assert root.is_dir() and list(root.iterdir()) == []  # the probe cleaned up


def test_sync_folder_and_network_share_and_low_space_warn(tmp_path: Path) -> None:
    root = tmp_path / "Dropbox" / "TradeQuiz"
    mounts = f"server:/x {tmp_path} nfs rw 0 0\n"
    problems = check_data_folder(root, mounts=mounts, disk_usage=_usage(10 * 1024 * 1024))
    assert [p.severity for p in problems] == ["warning", "warning", "warning"]
    text = " ".join(p.message for p in problems)
    assert "sync folder “Dropbox”" in text
    assert "network file system (nfs)" in text
    assert "Only 10 MB are free" in text


@pytest.mark.parametrize(
    ("err", "words"),
    [
        (errno.EROFS, "read-only"),
        (errno.EACCES, "read-only or you lack permission"),
        (errno.ENOSPC, "is full"),
        (errno.EIO, "Input/output error"),
    ],
)
def test_unwritable_folder_is_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, err: int, words: str
) -> None:
    # Root ignores permission bits and this machine has no read-only mount to use,
    # so the operating system's refusal is simulated where the probe writes.
    def refuse(*_args: object, **_kwargs: object) -> tuple[int, str]:
        raise OSError(err, os.strerror(err))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    problems = check_data_folder(tmp_path, mounts="", disk_usage=_usage(10**10))
    assert len(problems) == 1 and problems[0].severity == "error"
    assert words in problems[0].message and str(tmp_path) in problems[0].message


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can write")
def test_read_only_folder_for_real(tmp_path: Path) -> None:
    tmp_path.chmod(0o555)
    try:
        problems = check_data_folder(tmp_path, mounts="", disk_usage=_usage(10**10))
    finally:
        tmp_path.chmod(0o755)
    assert problems and problems[0].severity == "error"
