"""The session spares the learner: no instant repeats, no giveaways, no lost answers."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.kinds_bank import load_kinds_bank, question_pk
from tradequiz.bank.model import Bank, BankSection, Question, SourceSpan
from tradequiz.scheduling import Rating, study_day
from tradequiz.store.cards import Scope, get_card
from tradequiz.store.library import import_bank
from tradequiz.store.opening import Store
from tradequiz.study.session import MAX_ANSWER_SECONDS, Phase, StudySession


def _session(store: Store, now: datetime, scope: Scope) -> StudySession:
    return StudySession(store, scope, study_day(now))


def test_time_on_a_question_is_capped(empty_store: Store, now: datetime) -> None:
    load_kinds_bank(empty_store, now)
    qpk = question_pk(empty_store, "k-card")
    session = _session(empty_store, now, Scope(question_ids=(qpk,)))
    session.start(now)
    later = now + timedelta(hours=9)
    session.answer(None, later)
    session.grade(Rating.GOOD, later)
    duration = empty_store.db.execute("SELECT duration_ms FROM reviews").fetchone()[0]
    assert duration == MAX_ANSWER_SECONDS * 1000
    assert session.summary.seconds == MAX_ANSWER_SECONDS


def test_the_question_just_answered_does_not_come_straight_back(
    empty_store: Store, now: datetime
) -> None:
    load_kinds_bank(empty_store, now)
    qpk = question_pk(empty_store, "k-card")
    session = _session(empty_store, now, Scope(question_ids=(qpk,)))
    session.start(now)
    session.answer(None, now)
    assert session.grade(Rating.GOOD, now) is None  # due in 10 minutes: not now
    assert session.phase is Phase.FINISHED
    assert session.counts(now).learning == 1  # it is within the learn-ahead window
    again = session.continue_learning(now)
    assert again is not None and again.card.question_id == qpk


def test_a_sibling_from_the_same_sentence_waits(empty_store: Store, now: datetime) -> None:
    text = "Doc\nTariffs are taxes on imports. Quotas limit imports.\n"
    sentence = "Tariffs are taxes on imports."
    other = "Quotas limit imports."
    questions = (
        Question(id="a", kind="flashcard", section="s", prompt="What are tariffs?",
                 answers=("taxes",), explanation=sentence, source=SourceSpan(4, 33)),
        Question(id="b", kind="cloze", section="s", prompt="____ are taxes on imports.",
                 answers=("Tariffs",), explanation=sentence, source=SourceSpan(4, 33)),
        Question(id="c", kind="flashcard", section="s", prompt="What limits imports?",
                 answers=("Quotas",), explanation=other, source=SourceSpan(34, 55)),
    )  # fmt: skip
    bank = Bank(id="sib", title="Doc", version=1, source="doc.txt",
                sections=(BankSection("s", "S"),), questions=questions)  # fmt: skip
    import_bank(empty_store.db, bank, source_text=text, bank_sha256="x", bank_path="x", now=now)
    session = _session(empty_store, now, Scope())
    first = session.start(now)
    assert first is not None and first.stored.question.id == "a"
    session.answer(None, now)
    second = session.grade(Rating.EASY, now)
    assert second is not None and second.stored.question.id == "c"  # "b" would give "a" away
    session.answer(None, now)
    third = session.grade(Rating.EASY, now)
    assert third is not None and third.stored.question.id == "b"  # nothing else is left


def test_bury_and_suspend_can_be_undone(empty_store: Store, now: datetime) -> None:
    load_kinds_bank(empty_store, now)
    session = _session(empty_store, now, Scope())
    first = session.start(now)
    assert first is not None
    session.suspend(now)
    assert get_card(empty_store.db, first.card.question_id).queue == -1
    back = session.undo(now)
    assert back is not None and back.card.question_id == first.card.question_id
    assert get_card(empty_store.db, first.card.question_id).queue == 0
    session.bury(now)
    assert get_card(empty_store.db, first.card.question_id).queue == -2
    session.undo(now)
    card = get_card(empty_store.db, first.card.question_id)
    assert card.queue == 0


def test_leaving_with_an_answer_on_screen_keeps_it(empty_store: Store, now: datetime) -> None:
    load_kinds_bank(empty_store, now)
    tf = question_pk(empty_store, "k-tf")
    session = _session(empty_store, now, Scope(question_ids=(tf,)))
    session.start(now)
    session.answer(True, now + timedelta(seconds=20))  # wrong: the statement is false
    assert session.finish_pending(now + timedelta(seconds=21)) is Rating.AGAIN
    row = empty_store.db.execute("SELECT rating, correct FROM reviews").fetchone()
    assert row == (1, 0)
    card = question_pk(empty_store, "k-card")
    flash = _session(empty_store, now, Scope(question_ids=(card,)))
    flash.start(now)
    flash.reveal(now)
    assert flash.finish_pending(now) is None  # never rated: nothing is made up
    assert empty_store.db.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
