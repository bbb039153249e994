from __future__ import annotations

from datetime import datetime

from tradequiz.progress import section_progress
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
