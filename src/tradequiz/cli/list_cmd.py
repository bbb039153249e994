"""``tradequiz list``: the documents in the learner's library with what is due.

``tradequiz list --profiles`` lists the learner profiles instead.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from tradequiz.app_context import open_learner_store
from tradequiz.library import library_overview
from tradequiz.paths import DataFolder, resolve_data_dir
from tradequiz.profiles import last_profile, list_profiles, migrate_legacy


def add_parser(sub: Any) -> None:
    p = sub.add_parser("list", help="list the documents in your library and what is due today")
    p.add_argument("--profiles", action="store_true", help="list the learner profiles instead")
    p.set_defaults(run=run)


def _list_profiles(args: argparse.Namespace, now: datetime) -> int:
    folder = DataFolder(resolve_data_dir(args.data_dir))
    migrate_legacy(folder, now)
    names = list_profiles(folder)
    if not names:
        print("No profiles yet; one is made the first time you open TradeQuiz.")
    last = last_profile(folder)
    for name in names:
        print(f"{'*' if name == last else ' '} {name}")
    return 0


def run(args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    if getattr(args, "profiles", False):
        return _list_profiles(args, now)
    context = open_learner_store(args.data_dir, now)
    try:
        docs = library_overview(context.store.db, int(now.timestamp()), context.day.end)
        print(f"Profile: {context.profile}")
        if not docs:
            print("No documents yet. Add one with: tradequiz add DOCUMENT")
        for doc in docs:
            c = doc.counts
            print(
                f"{doc.title}  ({doc.bank_id}, bank v{doc.bank_version}): "
                f"{c.sections} sections, {c.total} questions; "
                f"{c.due_today} due, {c.new_available} new, {doc.mastery:.0%} mastered"
            )
    finally:
        context.store.close()
    return 0
