"""``tradequiz list``: the documents in the learner's library with what is due."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from tradequiz.app_context import open_learner_store
from tradequiz.store import cards, library
from tradequiz.store.cards import Scope


def add_parser(sub: Any) -> None:
    p = sub.add_parser("list", help="list the documents in your library and what is due today")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    context = open_learner_store(args.data_dir, now)
    try:
        docs = library.documents(context.store.db)
        if not docs:
            print("No documents yet.")
        for doc in docs:
            counts = cards.queue_counts(
                context.store.db, Scope(document_id=doc.id), int(now.timestamp()), context.day.end
            )
            print(
                f"{doc.title}  ({doc.bank_id}, bank v{doc.bank_version}): "
                f"{counts.review + counts.learning} due, {counts.new} new"
            )
    finally:
        context.store.close()
    return 0
