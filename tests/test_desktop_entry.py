"""The freedesktop entry and icons, installed for the current user and removed again."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from tradequiz import desktop_entry
from tradequiz.cli import main
from tradequiz.resources import resource


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _entry(path: Path) -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


@pytest.mark.parametrize("size", desktop_entry.ICON_SIZES)
def test_icons_exist_at_every_size(size: int) -> None:
    png = resource(f"icons/hicolor/{size}x{size}/apps/tradequiz.png")
    assert _png_size(png) == (size, size)


def test_shipped_desktop_file_has_the_required_keys() -> None:
    entry = _entry(resource("desktop/tradequiz.desktop"))
    assert entry["Type"] == "Application"
    assert entry["Name"] == "TradeQuiz"
    assert entry["Icon"] == "tradequiz"
    assert entry["Categories"].endswith(";")


def test_exec_value_quotes_and_escapes() -> None:
    assert desktop_entry.exec_value(("/opt/tq/bin/tradequiz",)) == "/opt/tq/bin/tradequiz"
    value = desktop_entry.exec_value(("/home/a b/$x/python", "-m", "tradequiz"))
    # Quoted for the space, `$` escaped inside the quotes, then the backslash escaped again.
    assert value == '"/home/a b/\\\\$x/python" -m tradequiz'
    assert desktop_entry.exec_value(("/p/100%",)) == "/p/100%%"


def test_install_and_uninstall(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    home = tmp_path / "xdg-data"  # XDG_DATA_HOME, set by the autouse fixture
    assert main(["--install-desktop-entry"]) == 0
    desktop = home / "applications" / "tradequiz.desktop"
    entry = _entry(desktop)
    command = desktop_entry.launcher_command()
    assert entry["Exec"] == desktop_entry.exec_value(command)
    assert Path(command[0]).is_absolute() and Path(command[0]).exists()
    for size in desktop_entry.ICON_SIZES:
        icon = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "tradequiz.png"
        assert _png_size(icon) == (size, size)
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "tradequiz.svg").exists()
    assert str(desktop) in capsys.readouterr().out

    assert main(["--uninstall-desktop-entry"]) == 0
    assert not desktop.exists()
    assert not list((home / "icons").rglob("tradequiz.*"))
    assert "Removed" in capsys.readouterr().out
    assert main(["--uninstall-desktop-entry"]) == 0
    assert "No TradeQuiz desktop entry" in capsys.readouterr().out


def test_install_leaves_other_applications_alone(tmp_path: Path) -> None:
    other = tmp_path / "xdg-data" / "applications" / "other.desktop"
    other.parent.mkdir(parents=True)
    other.write_text("[Desktop Entry]\nName=Other\n")
    desktop_entry.install(command=("/usr/bin/true",))
    desktop_entry.uninstall()
    assert other.read_text() == "[Desktop Entry]\nName=Other\n"


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils")
def test_installed_entry_passes_desktop_file_validate(tmp_path: Path) -> None:
    installed = desktop_entry.install(command=("/opt/Trade Quiz/tradequiz",))
    result = subprocess.run(
        ["desktop-file-validate", str(installed.desktop_file)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
