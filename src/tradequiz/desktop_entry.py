"""Install TradeQuiz in the desktop's application menu for the current user (freedesktop).

``tradequiz --install-desktop-entry`` writes ``tradequiz.desktop`` into
``$XDG_DATA_HOME/applications`` and the icons into
``$XDG_DATA_HOME/icons/hicolor/<size>/apps``; ``--uninstall-desktop-entry``
removes exactly those files.  The entry starts the very command that
installed it (a pipx or virtual-environment script, or a bundle), by its
absolute path, because a menu launcher does not see the shell's PATH.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tradequiz.files import atomic_write_text
from tradequiz.resources import resource

DESKTOP_ID = "tradequiz"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Characters that the Desktop Entry spec says need the argument quoted.
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


@dataclass(frozen=True)
class Installed:
    desktop_file: Path
    icons: tuple[Path, ...]
    command: tuple[str, ...]


def data_home() -> Path:
    env = os.environ.get("XDG_DATA_HOME")
    return Path(env) if env and Path(env).is_absolute() else Path.home() / ".local" / "share"


def launcher_command() -> tuple[str, ...]:
    """The command that starts this TradeQuiz, with absolute paths."""
    if getattr(sys, "frozen", False):
        return (str(Path(sys.executable).resolve()),)
    script = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if script is not None and script.name.startswith("tradequiz") and script.is_file():
        return (str(script.resolve()),)
    found = shutil.which("tradequiz")
    if found:
        return (str(Path(found).resolve()),)
    return (str(Path(sys.executable).resolve()), "-m", "tradequiz")


def exec_value(command: tuple[str, ...]) -> str:
    """``command`` written as a Desktop Entry Exec value (quoted, then string-escaped)."""
    parts = []
    for arg in command:
        if any(c in _RESERVED for c in arg) or not arg:
            inner = "".join("\\" + c if c in '"`$\\' else c for c in arg)
            arg = f'"{inner}"'
        parts.append(arg.replace("%", "%%"))
    # The value is a "string": a backslash is itself escaped once more.
    return " ".join(parts).replace("\\", "\\\\")


def desktop_text(command: tuple[str, ...]) -> str:
    template = resource("desktop/tradequiz.desktop").read_text(encoding="utf-8")
    lines = [
        f"Exec={exec_value(command)}" if line.startswith("Exec=") else line
        for line in template.splitlines()
    ]
    return "\n".join(lines) + "\n"


def _targets(home: Path) -> tuple[Path, list[tuple[Path, Path]]]:
    desktop = home / "applications" / f"{DESKTOP_ID}.desktop"
    icons = [
        (
            resource(f"icons/hicolor/{n}x{n}/apps/{DESKTOP_ID}.png"),
            home / "icons" / "hicolor" / f"{n}x{n}" / "apps" / f"{DESKTOP_ID}.png",
        )
        for n in ICON_SIZES
    ]
    icons.append(
        (
            resource(f"icons/{DESKTOP_ID}.svg"),
            home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg",
        )
    )
    return desktop, icons


def _refresh_caches(home: Path) -> None:
    """Tell the desktop about the change, where its tools are installed (best effort)."""
    for tool, args in (
        ("update-desktop-database", ["-q", str(home / "applications")]),
        ("gtk-update-icon-cache", ["-q", "-t", "-f", str(home / "icons" / "hicolor")]),
    ):
        path = shutil.which(tool)
        if path:
            subprocess.run([path, *args], check=False, capture_output=True, timeout=30)


def install(home: Path | None = None, command: tuple[str, ...] | None = None) -> Installed:
    """Write the desktop entry and icons for the current user; return what was written."""
    base = home or data_home()
    cmd = command or launcher_command()
    desktop, icons = _targets(base)
    for source, target in icons:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    atomic_write_text(desktop, desktop_text(cmd))
    _refresh_caches(base)
    return Installed(desktop, tuple(t for _s, t in icons), cmd)


def uninstall(home: Path | None = None) -> list[Path]:
    """Remove the files ``install`` writes; return those that were there."""
    base = home or data_home()
    desktop, icons = _targets(base)
    removed = []
    for path in [desktop, *(t for _s, t in icons)]:
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh_caches(base)
    return removed
