"""``tradequiz --install-desktop-entry`` / ``--uninstall-desktop-entry`` (options, not commands,
because they act on the desktop rather than on the learner's data)."""

from __future__ import annotations

import argparse

from tradequiz import desktop_entry


def add_arguments(parser: argparse.ArgumentParser) -> None:
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add TradeQuiz and its icon to your desktop's application menu (this user only)",
    )
    group.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry added",
    )


def requested(args: argparse.Namespace) -> bool:
    return bool(args.install_desktop_entry or args.uninstall_desktop_entry)


def run(args: argparse.Namespace) -> int:
    if args.install_desktop_entry:
        installed = desktop_entry.install()
        print(f"Installed {installed.desktop_file}")
        print(f"  starts: {' '.join(installed.command)}")
        print(f"  icons:  {len(installed.icons)} sizes under {installed.icons[0].parents[2]}")
        return 0
    removed = desktop_entry.uninstall()
    if not removed:
        print("No TradeQuiz desktop entry was installed for this user.")
    for path in removed:
        print(f"Removed {path}")
    return 0
