"""The fixed prose of docs/benchmarks.md: how it is measured, and what was changed."""

METHOD = """## How it is measured

- **Data.** For each N, both systems get the same N questions (front ≈ 80 characters,
  back ≈ 20, 6 sections = 6 decks under one parent deck) and the same history
  (`bench/dataset.py`): 70% studied (98% of those in review, about one in eleven due,
  1% learning, 1% relearning) and 10 × N past reviews over the last year, in both
  systems' own tables (TradeQuiz: `cards` and `reviews`, its summaries built by its own
  migration; Anki: `cards` with FSRS memory states and `revlog`).  Anki uses FSRS, as
  TradeQuiz does.  Both databases use WAL with `synchronous=FULL` (Anki's default is
  the same), so every answer is on disk when it returns (one fsync per commit in both).
- **Fresh processes.** Every measurement runs in its own process (`bench/worker.py`);
  TradeQuiz and Anki alternate, and each repetition's ratio is taken within the pair.
  Timings start after the imports (shown separately for W2).
- **W1 import**: TradeQuiz builds a `Bank` in memory and calls
  `store.library.import_bank` on a new database; Anki calls `col.new_note` per note
  and one `col.add_notes` with `AddNoteRequest`s on a new collection.  Both include
  building the objects.
- **W2 open**: from before opening to the first question to study, inside the child.
  TradeQuiz: `open_store`, preferences, `StudySession.start` (loads and decodes the
  question); Anki: `Collection(path)`, `sched.get_queued_cards()`, `Card(...)`
  (the card, not its rendered HTML).  Default daily limits on both sides.
- **W3 study loop**: 1,000 times answer the question on screen and get the next one,
  committed, with the same seeded ratings (≈10% Again, 75% Good, 15% Easy), on a fresh
  copy of the history database.  TradeQuiz: `StudySession.reveal` + `grade` (which
  stores the review and picks and loads the next question), limits 10⁶ a day; Anki:
  `sched.build_answer` + `sched.answer_card` + `sched.get_queued_cards()` + `Card(...)`,
  limits at Anki's maximum (9,999 a day, far above the 1,000 answers).  The real clock
  on both sides (Anki reads it itself).  Median and p95 per answer.  Beside each pair,
  300 single-row commits with TradeQuiz's pragmas give the commit floor of that moment.
- **W4 stats**: per-section new / learning / due and overall true retention (reviews of
  learned cards in the last 30 days answered Hard or better).  TradeQuiz:
  `progress.sections.section_progress` + `progress_queries.section_window`; Anki:
  `sched.deck_due_tree()` (its counts are capped by the daily limits, TradeQuiz's are
  not) + one revlog query.  Median of 5 calls in the same process.  The whole progress
  page (`compute_progress`: also forecast, recall, heatmap, streak) is shown beside it.
- **W5 export**: everything to an Anki package.  TradeQuiz: the `export-bank` path
  (`bank.formats.export_to` with the apkg format) from the bank in memory; Anki:
  `col.export_anki_package` of the whole collection without scheduling or media (the
  current format, zstd).  Seconds and file size.
- **Peak RSS**: the largest `ru_maxrss` of the workload processes of each system at N.
  **Database size**: the files on disk after import, and with the review history.
- **App level**: the cold start runs `tradequiz --data-dir DIR --self-test` offscreen on
  a data folder holding the largest N's history (its document first) plus the shipped
  banks, timed from process start to the self-test's line printed after the first
  question was painted; 5 runs.  Answer → next question drives the real `MainWindow`
  offscreen with key presses (Space to reveal, 1/3/4 to rate, default limits) and
  times from the key press until the window has processed its events and repainted,
  200 answers.  Generation reads and generates the source document and a 1 MB
  document of its shape.
- **Repetitions**: 3 at every N unless the doc header says otherwise.
- **Not compared**: Anki renders a card's HTML only when shown; W2/W3 on Anki's side
  do not render, while TradeQuiz's load and decode the question (the conservative
  choice for TradeQuiz)."""

FIXES = """## What was changed to meet the targets

(see the before/after table above)"""
