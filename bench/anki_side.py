"""The same workloads on Anki's own library (``anki`` from PyPI: the Rust engine of Anki).

Each ``w*`` function runs in a fresh child process (see ``worker.py``) and returns its
figures; timing starts and stops inside.  The collection uses FSRS (as TradeQuiz does),
one deck per section under a parent deck that is selected for study, and Anki's
default daily limits except in W3, where they are raised to Anki's maximum (9999 a day,
far more than the 1,000 answers of the loop).
"""

from __future__ import annotations

import json
import sqlite3
import time
from pathlib import Path
from typing import Any

# isort: off
from anki.collection import AddNoteRequest, Collection  # first: anki.cards needs it loaded
from anki.cards import Card

# isort: on
from anki.import_export_pb2 import ExportAnkiPackageOptions
from anki.scheduler_pb2 import CardAnswer
from dataset import SECTIONS, CardPlan, questions, reviews, section_title, studied_cards
from floor import CommitFloor

PARENT = "Benchmark bank"
MAX_PER_DAY = 9999  # Anki refuses larger daily limits
STATS_CALLS = 11  # W4: calls in one process, the median reported (the same for TradeQuiz)
_RATING = {1: CardAnswer.AGAIN, 2: CardAnswer.HARD, 3: CardAnswer.GOOD, 4: CardAnswer.EASY}
DAY = 86400


def _new_collection(path: str) -> tuple[Collection, list[int]]:
    col = Collection(path)
    col.set_config("fsrs", True)
    parent = col.decks.id(PARENT)
    assert parent is not None
    decks = []
    for s in range(SECTIONS):
        did = col.decks.id(f"{PARENT}::{section_title(s)}")
        assert did is not None
        decks.append(int(did))
    col.decks.select(parent)
    return col, decks


def import_n(path: str, n: int) -> float:
    """Create a collection at ``path`` and add N notes; seconds for building + adding."""
    col, decks = _new_collection(path)
    texts = list(questions(n))  # the same texts as TradeQuiz's, drawn before the clock starts
    started = time.perf_counter()
    notetype = col.models.by_name("Basic")
    assert notetype is not None
    requests = []
    for _i, s, front, back in texts:
        note = col.new_note(notetype)
        note["Front"] = front
        note["Back"] = back
        requests.append(AddNoteRequest(note, decks[s]))  # type: ignore[arg-type]
    col.add_notes(requests)
    seconds = time.perf_counter() - started
    col.close()
    return seconds


def w1_import(path: str, n: int) -> dict[str, Any]:
    seconds = import_n(path, n)
    return {"seconds": seconds, "per_second": n / seconds}


def _card_row(plan: CardPlan, cid: int, today: int, day_start: int) -> tuple[object, ...]:
    data = json.dumps({"s": plan.stability, "d": plan.difficulty, "dr": 0.9, "decay": 0.1542,
                       "lrt": plan.last_review})  # fmt: skip
    if plan.state == 2:
        due = today + (plan.due - day_start) // DAY
        return (2, 2, due, max(1, round(plan.stability)), 0, plan.reps, plan.lapses, data, cid)
    ctype = 1 if plan.state == 1 else 3
    return (ctype, 1, plan.due, 0, 1, plan.reps, plan.lapses, data, cid)


def prepare_history(path: str, n: int, now_epoch: int) -> dict[str, Any]:
    """Add N notes, then write the shared history: card states and 10 x N revlog entries.

    The rows are written with Python's sqlite3 while the collection is closed: the
    library's own ``col.db.executemany`` takes minutes for a million rows, and these
    tables (cards, revlog) use no Anki-specific collation.
    """
    import_n(path, n)
    started = time.perf_counter()
    col = Collection(path)
    cids = col.db.list("SELECT c.id FROM cards c JOIN notes n ON n.id = c.nid ORDER BY n.id")
    today, day_start = col.sched.today, col.sched.day_cutoff - DAY
    col.close()
    studied = studied_cards(n, now_epoch)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN")
    conn.executemany(
        "UPDATE cards SET type=?, queue=?, due=?, ivl=?, left=?, reps=?, lapses=?, data=?,"
        " factor=2500 WHERE id=?",
        (_card_row(p, cids[p.index], today, day_start) for p in studied),
    )
    conn.executemany(
        "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type)"
        " VALUES (?, ?, -1, ?, ?, ?, 2500, ?, ?)",
        (
            (r.at_ms, cids[r.index], r.rating, ivl, ivl, r.duration_ms, kind)
            for r in reviews(studied, 10 * n, now_epoch)
            for kind in (_REVLOG_TYPE[r.state_before],)
            for ivl in (10 if kind == 1 else -600,)
        ),
    )
    conn.execute("COMMIT")
    conn.close()
    # Opened once by Anki, so the benchmarks start from a collection Anki has seen as is.
    Collection(path).close()
    return {"seconds": time.perf_counter() - started}


_REVLOG_TYPE = {0: 0, 1: 0, 2: 1, 3: 2}  # learn, review, relearn


def _first(col: Collection) -> tuple[Card, Any]:
    queued = col.sched.get_queued_cards()
    if not queued.cards:
        raise RuntimeError("the queue ran dry")
    top = queued.cards[0]
    card = Card(col, backend_card=top.card)
    card.start_timer()
    return card, top


def w2_open(path: str) -> dict[str, Any]:
    """Open the collection and get the first card to study (the selected parent deck)."""
    started = time.perf_counter()
    col = Collection(path)
    card, _top = _first(col)
    ms = (time.perf_counter() - started) * 1000
    col.close()
    return {"ms": ms, "first": card.id}


def raise_limits(col: Collection) -> None:
    conf = col.decks.get_config(1)  # type: ignore[arg-type]
    assert conf is not None
    conf["new"]["perDay"] = MAX_PER_DAY
    conf["rev"]["perDay"] = MAX_PER_DAY
    col.decks.update_config(conf)


def w3_study(
    path: str, ratings: list[int], render: bool = False, floor_path: str | None = None
) -> dict[str, Any]:
    """Answer the card on screen and get the next one, committed, len(ratings) times.

    With ``render``, each next card's question is also rendered (``card.question()``), as
    Anki must before showing it; TradeQuiz's loop loads and decodes each question too.
    With ``floor_path``, one commit-floor write follows every other answer (not timed
    with it), exactly as on TradeQuiz's side.
    """
    floor = CommitFloor(floor_path) if floor_path else None
    col = Collection(path)
    raise_limits(col)
    card, top = _first(col)
    samples = []
    kinds = {"new": 0, "learning": 0, "review": 0}
    for rating in ratings:
        queue = top.queue
        kinds["new" if queue == 0 else "review" if queue == 2 else "learning"] += 1
        started = time.perf_counter()
        answer = col.sched.build_answer(card=card, states=top.states, rating=_RATING[rating])
        col.sched.answer_card(answer)
        card, top = _first(col)
        if render:
            card.question()
        samples.append((time.perf_counter() - started) * 1000)
        if floor is not None and len(samples) % 2 == 0:
            floor.write()
    col.close()
    if floor is not None:
        floor.close()
    return {"samples": samples, "kinds": kinds, "floor": floor.samples if floor else []}


def w4_stats(path: str) -> dict[str, Any]:
    """Per-deck new / learning / due (``deck_due_tree``) and true retention (revlog, 30 days)."""
    col = Collection(path)
    samples = []
    for _ in range(STATS_CALLS):
        started = time.perf_counter()
        tree = col.sched.deck_due_tree()
        counts = [(c.name, c.new_count, c.learn_count, c.review_count)
                  for top in tree.children for c in top.children]  # fmt: skip
        since = (col.sched.day_cutoff - 30 * DAY) * 1000
        reviewed, passed = col.db.first(
            "SELECT count(), coalesce(sum(ease > 1), 0) FROM revlog WHERE type = 1 AND id >= ?",
            since,
        )
        retention = passed / reviewed if reviewed else None
        samples.append((time.perf_counter() - started) * 1000)
    col.close()
    return {
        "samples": samples,
        "retention": retention,
        "new": sum(c[1] for c in counts),
        "learning": sum(c[2] for c in counts),
        "due": sum(c[3] for c in counts),
    }


def w5_export(path: str, out_path: str) -> dict[str, Any]:
    """Export every note to an .apkg (no scheduling, no media: what TradeQuiz exports)."""
    col = Collection(path)
    started = time.perf_counter()
    notes = col.export_anki_package(
        out_path=out_path,
        options=ExportAnkiPackageOptions(with_scheduling=False, with_deck_configs=False,
                                         with_media=False, legacy=False),
        limit=None,
    )  # fmt: skip
    seconds = time.perf_counter() - started
    col.close()
    return {"seconds": seconds, "bytes": Path(out_path).stat().st_size, "notes": notes}
