"""The ``tradequiz`` command: no subcommand opens the app; subcommands work on files and data.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``; adding one is adding a module to ``COMMANDS``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from types import ModuleType

from tradequiz import __version__
from tradequiz.bank.problems import BankError
from tradequiz.cli import (
    add_cmd,
    class_report_cmd,
    desktop_cmd,
    export_bank_cmd,
    export_progress_cmd,
    generate_cmd,
    import_bank_cmd,
    list_cmd,
    progress_cmd,
    validate_cmd,
)
from tradequiz.document.reader import DocumentError
from tradequiz.paths import ENV_HOME, ENV_PROFILE
from tradequiz.store.connection import StoreError

COMMANDS: tuple[ModuleType, ...] = (
    add_cmd,
    list_cmd,
    generate_cmd,
    validate_cmd,
    export_bank_cmd,
    import_bank_cmd,
    progress_cmd,
    export_progress_cmd,
    class_report_cmd,
)

DESCRIPTION = """\
Study a document with generated questions and spaced repetition.

Run without a subcommand to open the app.  Your progress is kept in a data
folder (the platform's user data folder unless --data-dir or the
TRADEQUIZ_HOME environment variable says otherwise)."""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tradequiz", description=DESCRIPTION, formatter_class=_Formatter
    )
    parser.add_argument("--version", action="version", version=f"TradeQuiz {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="PATH",
        help=f"the data folder: profiles, databases, backups (default: ${ENV_HOME} or the user "
        "data folder)",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="open the app, start studying, print the first question and exit (for installers)",
    )
    parser.add_argument(
        "--profile",
        metavar="NAME",
        help=f"the learner profile to use, created if it does not exist (default: ${ENV_PROFILE} "
        "or the profile used last)",
    )
    desktop_cmd.add_arguments(parser)
    sub = parser.add_subparsers(dest="command", title="commands", metavar="COMMAND")
    for module in COMMANDS:
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    with _profile_from(args):
        return _dispatch(args)


@contextmanager
def _profile_from(args: argparse.Namespace) -> Iterator[None]:
    """``--profile`` reaches every subcommand through the environment, for this call only."""
    previous = os.environ.get(ENV_PROFILE)
    if args.profile:
        os.environ[ENV_PROFILE] = args.profile
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(ENV_PROFILE, None)
        else:
            os.environ[ENV_PROFILE] = previous


def _dispatch(args: argparse.Namespace) -> int:
    try:
        if desktop_cmd.requested(args):
            return desktop_cmd.run(args)
        if args.command is None:
            from tradequiz.ui.app import run_gui

            return run_gui(args)
        return int(args.run(args))
    except (BankError, DocumentError, StoreError) as exc:
        print(f"tradequiz: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`tradequiz progress | head`): stop quietly, as Unix tools do.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 141
