from __future__ import annotations

import random
from datetime import datetime

from tradequiz.progress import MASTERED_STABILITY_DAYS, section_progress
from tradequiz.store.opening import Store


def test_section_progress_counts_states(store: Store, now: datetime) -> None:
    db = store.db
    doc = db.execute("SELECT id FROM documents").fetchone()[0]
    section = db.execute(
        "SELECT section_id FROM cards GROUP BY section_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    ids = [
        r[0] for r in db.execute("SELECT question_id FROM cards WHERE section_id = ?", [section])
    ]
    t = int(now.timestamp())
    # learning, due now
    db.execute("UPDATE cards SET state=1, queue=1, due=? WHERE question_id=?", [t - 5, ids[0]])
    # review, young (stability 5), due tomorrow
    db.execute(
        "UPDATE cards SET state=2, queue=2, stability=5, due=? WHERE question_id=?",
        [t + 86400 * 2, ids[1]],
    )
    # review, mastered (stability 30), due in an hour
    db.execute(
        "UPDATE cards SET state=2, queue=2, stability=30, due=? WHERE question_id=?",
        [t + 3600, ids[2]],
    )
    # rejected: not counted at all
    db.execute("UPDATE cards SET queue=-3 WHERE question_id=?", [ids[3]])
    rows = {r.section_id: r for r in section_progress(db, doc, t, t + 7200)}
    row = rows[section]
    assert (row.total, row.new, row.learning, row.review, row.mastered, row.due_today) == (
        len(ids) - 1,
        len(ids) - 4,
        1,
        1,
        1,
        2,
    )
    assert row.started == 3


def test_section_progress_matches_a_count_by_hand_for_every_queue_and_state(
    store: Store, now: datetime
) -> None:
    """The counts come from index ranges; here every question is put in a random queue and
    state (suspended and buried ones keep their state, rejected ones are inactive) and the
    figures are checked against a plain count of the rows."""
    db = store.db
    doc = db.execute("SELECT id FROM documents").fetchone()[0]
    t = int(now.timestamp())
    day_end = t + 7200
    rng = random.Random(5)
    queues = {0: (0, -1, -2, -3), 1: (1, -1, -2, -3), 2: (2, -1, -2, -3), 3: (1, -1, -2, -3)}
    for (qid,) in db.execute("SELECT question_id FROM cards").fetchall():
        state = rng.choice((0, 1, 2, 3))
        queue = rng.choice(queues[state])
        stability = None if state == 0 else rng.choice((0.5, 20.9, 21.0, 60.0))
        due = t + rng.choice((-86400, -5, 5, 3600, 7200, 7201, 86400))
        db.execute(
            "UPDATE cards SET state=?, queue=?, stability=?, due=? WHERE question_id=?",
            [state, queue, stability, due, qid],
        )
    rows = db.execute("SELECT section_id, queue, state, stability, due FROM cards").fetchall()
    expected = {}
    sections = db.execute("SELECT id FROM sections WHERE document_id = ?", [doc]).fetchall()
    for (section,) in sections:
        mine = [r for r in rows if r[0] == section and r[1] != -3]
        expected[section] = (
            len(mine),
            sum(r[2] == 0 for r in mine),
            sum(r[2] in (1, 3) for r in mine),
            sum(r[2] == 2 and r[3] < MASTERED_STABILITY_DAYS for r in mine),
            sum(r[2] == 2 and r[3] >= MASTERED_STABILITY_DAYS for r in mine),
            sum((r[1] == 1 and r[4] <= t) or (r[1] == 2 and r[4] <= day_end) for r in mine),
        )
    got = {
        r.section_id: (r.total, r.new, r.learning, r.review, r.mastered, r.due_today)
        for r in section_progress(db, doc, t, day_end)
    }
    assert got == expected
    assert sum(v[0] for v in got.values()) > 0
