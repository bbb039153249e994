"""``tradequiz progress [--bank ID] [--json]``: the per-section progress table."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from typing import Any

from tradequiz.app_context import open_learner_store
from tradequiz.progress.export_json import learner_name, section_dict
from tradequiz.progress.figures import compute_progress
from tradequiz.progress.formatting import (
    SECTION_HEADERS,
    duration,
    percent,
    section_cells,
    text_table,
)
from tradequiz.progress.selection import SelectionError, choose_documents, learner_calendar


def add_parser(sub: Any) -> None:
    p = sub.add_parser(
        "progress",
        help="show your progress per section (new, learning, mastered, retention, ...)",
        description="Show your progress per section of each document in your library.",
    )
    p.add_argument("--bank", metavar="ID", help="only this bank (see `tradequiz list`)")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--learner", metavar="NAME", help="the learner's name to show")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    now = datetime.now(UTC)
    context = open_learner_store(args.data_dir, now)
    try:
        db = context.store.db
        try:
            documents = choose_documents(db, args.bank)
        except SelectionError as exc:
            print(f"tradequiz progress: {exc}", file=sys.stderr)
            return 1
        calendar = learner_calendar(db)
        reports = [compute_progress(db, d.id, now, calendar) for d in documents]
        learner = learner_name(db, args.learner)
    finally:
        context.store.close()
    if args.json:
        payload = {
            "learner": {"name": learner},
            "generated_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
            "documents": [
                {
                    "bank": {"id": r.bank_id, "title": r.title, "version": r.bank_version},
                    "today": r.today.isoformat(),
                    "streak_days": r.streak,
                    "overall": section_dict(r.overall),
                    "sections": [
                        {"key": s.key, "title": s.title, **section_dict(s)} for s in r.sections
                    ],
                }
                for r in reports
            ],
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
        return 0
    if not reports:
        print("No documents yet.")
    for report in reports:
        o = report.overall
        who = f"{learner} · " if learner else ""
        print(f"{who}{report.title} ({report.bank_id}, bank v{report.bank_version})")
        print(
            f"mastered {o.mastered}/{o.total} · retention {percent(o.retention)} · "
            f"accuracy {percent(o.accuracy)} · recall {percent(o.recall)} · "
            f"due today {o.due_today} · streak {report.streak} d · "
            f"studied {duration(o.time_studied_ms)}"
        )
        rows = [section_cells(s) for s in report.sections] + [section_cells(o)]
        print(text_table(SECTION_HEADERS, rows))
        print()
    return 0
