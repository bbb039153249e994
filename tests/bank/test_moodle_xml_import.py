"""Moodle XML import: our exports come back, Moodle's own files are read, hostile XML is refused."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from tests.bank.samples import every_kind
from tradequiz.bank.moodle_xml import export_moodle_xml
from tradequiz.bank.moodle_xml_import import import_moodle_xml
from tradequiz.bank.problems import BankError

MOODLE_FILE = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
<!-- question: 0  -->
  <question type="category">
    <category><text>$course$/top/Default for Trade 101/Week 1</text></category>
    <info format="html"><text></text></info>
  </question>
  <question type="multichoice">
    <name><text>Q1 dispute body</text></name>
    <questiontext format="html">
      <text><![CDATA[<p>Which body settles <b>trade</b> disputes?</p>]]></text>
    </questiontext>
    <generalfeedback format="html">
      <text><![CDATA[<p>The WTO&nbsp;does.</p>]]></text>
    </generalfeedback>
    <single>true</single>
    <answer fraction="100" format="html"><text>WTO</text>
      <feedback format="html"><text>Right.</text></feedback></answer>
    <answer fraction="0" format="html"><text>IMF</text><feedback><text></text></feedback></answer>
    <answer fraction="0" format="html"><text>OECD</text></answer>
  </question>
  <question type="multichoice">
    <name><text>Pick two</text></name>
    <questiontext format="html"><text>Pick two</text></questiontext>
    <single>false</single>
    <answer fraction="50"><text>a</text></answer>
    <answer fraction="50"><text>b</text></answer>
  </question>
  <question type="numerical">
    <name><text>Sum</text></name>
    <questiontext format="html"><text>2 + 2?</text></questiontext>
    <answer fraction="100"><text>4</text></answer>
  </question>
  <question type="description">
    <name><text>Intro</text></name>
    <questiontext format="html"><text>Read this first.</text></questiontext>
  </question>
  <question type="matching">
    <name><text>Capitals</text></name>
    <questiontext format="html"><text>Match the capital.</text></questiontext>
    <subquestion format="html"><text>Japan</text><answer><text>Tokyo</text></answer></subquestion>
    <subquestion format="html"><text>France</text><answer><text>Paris</text></answer></subquestion>
    <subquestion format="html"><text>Peru</text><answer><text>Lima</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>Oslo</text></answer></subquestion>
  </question>
  <question type="multianswer">
    <name><text>Gap</text></name>
    <questiontext format="html">
      <text><![CDATA[The yen is Japan's {1:SA:=currency~%100%money#fb~%0%coin}.]]></text>
    </questiontext>
  </question>
  <question type="shortanswer">
    <name><text>Short</text></name>
    <idnumber>sa-7</idnumber>
    <questiontext format="moodle_auto_format"><text>Japan's currency?</text></questiontext>
    <answer fraction="100"><text>yen</text></answer>
    <answer fraction="50"><text>JPY</text></answer>
    <tags><tag><text>money</text></tag></tags>
  </question>
</quiz>
"""


def test_round_trip_of_every_kind() -> None:
    bank = every_kind()
    imported = import_moodle_xml(export_moodle_xml(bank).data, "every.xml")
    again = {q.id: q for q in imported.bank.questions}
    assert set(again) == {q.id for q in bank.questions}
    for q in bank.questions:
        g = again[q.id]
        # Moodle has no "who argues what": a debate is a multiple-choice question there.
        assert g.kind == ("multiple_choice" if q.kind == "debate" else q.kind)
        assert (g.section, g.prompt, g.explanation, g.tags) == (
            q.section, q.prompt, q.explanation, q.tags)  # fmt: skip
        assert (g.choices, g.truth, g.answers, g.pairs, g.items) == (
            q.choices, q.truth, q.answers, q.pairs, q.items)  # fmt: skip
    assert (imported.bank.id, imported.bank.version, imported.bank.title) == (
        "every-kind", 2, "Every kind / demo")  # fmt: skip
    assert imported.versioned
    titles = {s.id: s.title for s in imported.bank.sections}
    assert titles["sectoral-highlights"] == "Sectoral highlights"


def test_a_file_written_by_moodle() -> None:
    imported = import_moodle_xml(MOODLE_FILE.encode(), "trade-101.xml")
    bank = imported.bank
    assert [q.kind for q in bank.questions] == ["multiple_choice", "matching", "cloze",
                                                "short_answer"]  # fmt: skip
    mc, match, gap, short = bank.questions
    assert mc.prompt == "Which body settles trade disputes?"
    assert mc.explanation == "The WTO does."
    assert mc.choices[0].correct and mc.choices[0].feedback == "Right."
    assert mc.id.startswith("xml-")  # "Q1 dispute body" is not an id
    assert [p.left for p in match.pairs] == ["Japan", "France", "Peru"]  # the decoy is dropped
    assert (gap.prompt, gap.answers) == ("The yen is Japan's ____.", ("currency", "money"))
    assert (short.id, short.answers, short.tags) == ("sa-7", ("yen",), ("money",))
    assert {q.section for q in bank.questions} == {"week-1"}
    assert bank.title == "Default for Trade 101" and not imported.versioned
    warnings = {w.line: w.message for w in imported.warnings if "skipped" in w.message}
    lines = MOODLE_FILE.splitlines()
    assert (
        "multiple-answer"
        in warnings[next(i for i, ln in enumerate(lines, 1) if "Pick two" in ln) - 1]
    )
    assert any("numerical" in m for m in warnings.values())
    assert any("description" in m for m in warnings.values())


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE quiz [
  <!ENTITY a "ha">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
  <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">
  <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">
  <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">
  <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">
  <!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">
  <!ENTITY i "&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;">
]>
<quiz><question type="shortanswer"><questiontext><text>&i;</text></questiontext>
<answer fraction="100"><text>x</text></answer></question></quiz>
"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<quiz><question type="shortanswer"><questiontext><text>&secret;</text></questiontext>
<answer fraction="100"><text>x</text></answer></question></quiz>
"""
PARAMETER = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY % remote SYSTEM "http://example.invalid/evil.dtd"> %remote;]>
<quiz/>
"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE quiz SYSTEM "http://example.invalid/quiz.dtd">
<quiz/>
"""


@pytest.mark.parametrize(
    "text", [BILLION_LAUGHS, EXTERNAL, PARAMETER, EXTERNAL_DTD],
    ids=["billion-laughs", "external-entity", "parameter-entity", "external-dtd"],
)  # fmt: skip
def test_hostile_xml_is_refused_quickly(text: str) -> None:
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(BankError) as info:
            import_moodle_xml(text.encode(), "evil.xml")
        elapsed = time.perf_counter() - started
        _now, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1 and peak < 5 * 1024 * 1024
    problem = info.value.problems[0]
    assert (problem.path, problem.line) == ("evil.xml", 1)
    assert "DTD or entities, which are refused" in problem.message
    assert "root:" not in str(info.value)  # nothing of /etc/passwd was read


@pytest.mark.parametrize(
    ("data", "line", "message"),
    [
        (b"<quiz>\n<question type='truefalse'>\n</quiz>", 3, "mismatched tag"),
        (b"", 1, "no element found"),
        (b"\xff\xfe<\x00q\x00", 1, "XML"),
        (b"<html><body/></html>", 1, "not a Moodle XML quiz"),
        (b"<quiz><question type='multichoice'><single>true</single></question></quiz>", 1,
         "needs at least 2 options"),
    ],
)  # fmt: skip
def test_broken_xml_names_the_line(data: bytes, line: int, message: str) -> None:
    with pytest.raises(BankError) as info:
        import_moodle_xml(data, "bad.xml")
    problem = info.value.errors[0]
    assert (problem.path, problem.line) == ("bad.xml", line)
    assert message in problem.message


def test_a_question_that_fails_the_checks_is_refused_with_its_line(tmp_path: Path) -> None:
    text = MOODLE_FILE.replace('<answer fraction="0" format="html"><text>IMF</text>',
                               '<answer fraction="100" format="html"><text>IMF</text>')  # fmt: skip
    with pytest.raises(BankError) as info:
        import_moodle_xml(text.encode(), "two.xml")
    problem = info.value.errors[0]
    assert "exactly one correct option, has 2" in problem.message
    assert text.splitlines()[problem.line - 1].strip() == '<question type="multichoice">'
