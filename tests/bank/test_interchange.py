"""Export → import round trips for every format, and what each format cannot express."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime

import pytest

from tests.bank.samples import every_kind
from tradequiz.bank.csv_io import export_csv, import_csv, neutralise
from tradequiz.bank.gift import escape, export_gift, import_gift, unescape
from tradequiz.bank.json_io import export_json, import_json
from tradequiz.bank.model import Bank, Choice, Question
from tradequiz.bank.moodle_xml import export_moodle_xml
from tradequiz.bank.problems import BankError

NOW = datetime(2026, 3, 2, tzinfo=UTC)


def _without(bank: Bank, *kinds: str) -> list[Question]:
    return [q for q in bank.questions if q.kind not in kinds]


def test_json_round_trip_is_exact() -> None:
    bank = every_kind()
    again = import_json(export_json(bank).encode(), "b.json").bank
    assert again == bank


def test_gift_round_trip_keeps_what_gift_expresses() -> None:
    bank = every_kind()
    exported = export_gift(bank)
    assert exported.exported == len(bank.questions) - 1
    assert any("ordering left out" in n for n in exported.notes)
    imported = import_gift(exported.data, "every-kind.gift").bank
    assert imported.title == "Every kind / demo"
    by_id = {q.id: q for q in imported.questions}
    for q in _without(bank, "ordering"):
        got = by_id[q.id]
        assert (got.kind, got.section, got.prompt, got.status) == (
            q.kind, q.section, q.prompt, q.status)  # fmt: skip
        assert (got.choices, got.truth, got.pairs) == (q.choices, q.truth, q.pairs)
        assert got.answers == q.answers
        if q.kind != "flashcard":
            assert got.explanation == q.explanation
    titles = {s.id: s.title for s in imported.sections}
    assert titles["sectoral-highlights"] == "Sectoral highlights"


@pytest.mark.parametrize("text", ["a ~ b = c # d { e } f : g \\ h", "line one\nline two", "50%"])
def test_gift_escaping_round_trips(text: str) -> None:
    escaped = escape(text)
    assert "\n" not in escaped
    assert unescape(escaped) == text


def test_gift_special_characters_survive_a_round_trip() -> None:
    tricky = Question(id="t-1", kind="multiple_choice", section="s",
                      prompt="What does {x} = ~y # z: mean?\nThink \\ twice.",
                      choices=(Choice("a = b", True, "yes: {right}"), Choice("c ~ d"),
                               Choice("e # f")))  # fmt: skip
    bank = Bank(id="t", title="T", version=1, source="", questions=(tricky,))
    again = import_gift(export_gift(bank).data, "t.gift").bank.questions[0]
    assert again.prompt == tricky.prompt
    assert again.choices == tricky.choices


def test_gift_written_by_hand_in_moodle_style() -> None:
    text = """// A teacher's file
$CATEGORY: $course$/top/Trade/Tariffs

::Q1:: Which body settles trade disputes? {
  =World Trade Organization#Correct.
  ~IMF#The IMF lends money.
  ~%50%World Bank
}

Tariffs are paid by importers.{TRUE}

The yen is Japan's {=currency =money} unit.

Match the country with its capital. {
  =Japan -> Tokyo
  =France -> Paris
  =Peru -> Lima
}

What is 2 + 2? {#4}

Just a description without answers.
"""
    imported = import_gift(text.encode(), "teacher.gift")
    kinds = [q.kind for q in imported.bank.questions]
    assert kinds == ["true_false", "cloze", "matching"]
    warnings = [w.message for w in imported.warnings]
    assert any("partial-credit" in w for w in warnings)
    assert any("numerical" in w for w in warnings)
    assert any("description" in w for w in warnings)
    assert {w.line for w in imported.warnings} >= {4, 20, 22}
    cloze = imported.bank.questions[1]
    assert cloze.prompt == "The yen is Japan's ____ unit." and cloze.answers == (
        "currency",
        "money",
    )
    assert imported.bank.questions[0].section == "tariffs"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Q one {=a}\n\n::broken name {=b}\n", 3, "name"),
        ("Q one {=a}\n\nQ two {\n=b\n", 3, "never closed"),
        ("Q {=a ~b}\n\nQ {text =a}\n", 3, "start each answer"),
    ],
)
def test_broken_gift_is_an_error_with_the_line(text: str, line: int, message: str) -> None:
    with pytest.raises(BankError) as info:
        import_gift(text.encode(), "bad.gift")
    problem = info.value.errors[0]
    assert (problem.path, problem.line) == ("bad.gift", line)
    assert message in problem.message


def test_gift_question_that_fails_the_checks_is_refused() -> None:
    with pytest.raises(BankError, match="exactly one correct option, has 2"):
        import_gift(b"Pick {=a =b ~c}\n", "two.gift")


def test_moodle_xml_has_every_kind_mapped() -> None:
    bank = every_kind()
    exported = export_moodle_xml(bank)
    root = ET.fromstring(exported.data)
    types = [q.get("type", "") for q in root.findall("question")]
    assert types.count("category") == 4
    assert sorted(t for t in types if t != "category") == sorted(
        ["multichoice", "multichoice", "truefalse", "multianswer", "shortanswer", "matching",
         "ordering", "essay"])  # fmt: skip
    mc = next(q for q in root.findall("question") if q.findtext("name/text") == "mc-1")
    answers = mc.findall("answer")
    assert [a.get("fraction") for a in answers] == ["100", "0", "0"]
    assert answers[0].findtext("feedback/text") == "Right: chips are critical."
    cloze = next(q for q in root.findall("question") if q.get("type") == "multianswer")
    assert "{1:SHORTANSWER:=2010s~=2010's}" in (cloze.findtext("questiontext/text") or "")
    order = next(q for q in root.findall("question") if q.get("type") == "ordering")
    assert [a.findtext("text") for a in order.findall("answer")] == list(bank.questions[6].items)
    match = next(q for q in root.findall("question") if q.get("type") == "matching")
    assert len(match.findall("subquestion")) == 3
    category = root.find("question/category/text")
    assert category is not None
    assert category.text == "$course$/top/Every kind // demo/Introduction"
    assert any("debate" in n for n in exported.notes)


def test_csv_round_trip_of_flashcards_with_and_without_bom() -> None:
    bank = every_kind()
    exported = export_csv(bank)
    assert exported.exported == len(bank.questions) - 1 + 3  # matching → one row per pair
    for data in (exported.data, b"\xef\xbb\xbf" + exported.data):
        imported = import_csv(data, "cards.csv").bank
        fronts = {q.prompt: q for q in imported.questions}
        card = next(q for q in bank.questions if q.kind == "flashcard")
        assert fronts[card.prompt].answers == card.answers
        assert fronts["Automobiles and parts"].answers == ("a calibrated balance of vehicle trade",)
        assert all(q.kind == "flashcard" for q in imported.questions)


def test_csv_tags_column_keeps_sections() -> None:
    exported = export_csv(every_kind(), delimiter="\t", with_tags=True)
    imported = import_csv(exported.data, "cards.tsv").bank
    assert {q.section for q in imported.questions} >= {"sectoral-highlights", "introduction"}
    card = next(q for q in imported.questions if q.prompt.startswith("Digital trade"))
    assert card.section == "introduction"


def test_csv_formulas_are_neutralised_and_restored() -> None:
    bank = Bank(id="f", title="F", version=1, source="", questions=(
        Question(id="f1", kind="flashcard", section="s", prompt="=HYPERLINK(\"x\")",
                 answers=("+1 but -2",)),
        Question(id="f2", kind="flashcard", section="s", prompt="@SUM(A1)", answers=("ok",)),
    ))  # fmt: skip
    data = export_csv(bank).data.decode()
    for line in data.splitlines():
        assert not line.startswith(("=", "+", "-", "@", '"=', '"+', '"-', '"@'))
    assert "'=HYPERLINK" in data and "'+1 but -2" in data
    again = import_csv(data.encode(), "f.csv").bank.questions
    assert [(q.prompt, q.answers) for q in again] == [(q.prompt, q.answers) for q in bank.questions]
    assert neutralise("\tx") == "'\tx"


def test_csv_from_quizlet_and_anki() -> None:
    quizlet = "Tariff\tA tax on imports\nQuota\tA limit on quantity\n"
    assert len(import_csv(quizlet.encode(), "set.txt").bank.questions) == 2
    anki = "#separator:Semicolon\n#html:false\nfront;back\nYen;Japan's currency\n;empty front\n"
    imported = import_csv(anki.encode(), "deck.csv")
    assert [q.prompt for q in imported.bank.questions] == ["Yen"]
    assert imported.warnings[0].line == 5


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"a,b\n\xff\xfe,c\n", "UTF-8"),
        (b'a,"unclosed\n', "CSV"),
        (b"", "no front/back rows"),
        (b"a,b\x00\n", "NUL"),
    ],
)
def test_bad_csv_is_an_error(data: bytes, message: str) -> None:
    with pytest.raises(BankError, match=message):
        import_csv(data, "bad.csv")


@pytest.mark.parametrize(
    ("text", "line"),
    [('{\n  "format": "tradequiz-bank/1",\n  "bank": {,}\n}', 3), ("[1, 2", 1)],
)
def test_bad_json_names_the_line(text: str, line: int) -> None:
    with pytest.raises(BankError) as info:
        import_json(text.encode(), "bad.json")
    assert info.value.problems[0].line == line


def test_json_type_errors_name_the_line() -> None:
    text = export_json(every_kind()).replace('"truth": false', '"truth": "nope"')
    with pytest.raises(BankError) as info:
        import_json(text.encode(), "bad.json")
    line = next(i for i, ln in enumerate(text.splitlines(), 1) if '"truth": "nope"' in ln)
    assert info.value.problems[0].line == line
