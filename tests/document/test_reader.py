from __future__ import annotations

from pathlib import Path

import pytest

from tradequiz.document import DocumentError, read_document, read_text
from tradequiz.document.repair import repair_title

SOURCE = Path(__file__).resolve().parents[2] / "question_bank" / "japan-us-trade.txt"


def test_source_title_is_repaired() -> None:
    doc = read_document(SOURCE)
    assert doc.title == "Japan–United States trade"


@pytest.mark.parametrize(
    ("raw", "body", "expected"),
    [
        (
            "Franceitaly RelationsEdit",
            "France–Italy relations have deep roots.",
            "France–Italy relations",
        ),
        ("Canadamexico TradeEdit", "Trade between Canada and Mexico grew.", "Canada–Mexico Trade"),
        ("Solar power", "Solar power is energy from the sun.", "Solar power"),
    ],
)
def test_title_repair_is_derived_not_hard_coded(raw: str, body: str, expected: str) -> None:
    assert repair_title(raw, body) == expected


def test_sections_of_the_source() -> None:
    doc = read_document(SOURCE)
    assert [s.title for s in doc.sections] == [
        "Introduction",
        "Historical overview",
        "Economic framework and policy tools",
        "Sectoral highlights",
        "Controversies and debates",
        "Security and diplomatic context",
    ]
    framework = doc.section("economic-framework-and-policy-tools")
    assert [b.term for b in framework.list_items] == [
        "Market access and reciprocal commitments",
        "Intellectual property and innovation",
        "Digital trade and services",
        "Standards and regulatory cooperation",
        "Supply chain resilience and security",
        "Multilateral and bilateral governance",
    ]
    assert framework.list_items[0].lead_in is not None
    assert framework.list_items[0].lead_in.endswith("Key elements include:")


def test_offsets_point_into_the_source() -> None:
    doc = read_document(SOURCE)
    for section in doc.sections:
        for block in section.blocks:
            for sentence in block.sentences:
                assert doc.text[sentence.start : sentence.end] == sentence.text


def test_a_colon_inside_a_sentence_is_not_a_list_item() -> None:
    doc = read_text(
        "Title\nIntro paragraph here.\nBackground\n"
        "The reason is simple: trade grows when barriers fall.\n"
        "Economists agree on one point: openness matters.\n"
    )
    assert all(b.kind == "paragraph" for s in doc.sections for b in s.blocks)


def test_markdown_headings_and_bullets() -> None:
    doc = read_text(
        "# Solar power\n\nSolar power turns sunlight into electricity.\n\n"
        "## Technologies\n\n- **Photovoltaics**: Panels convert light directly.\n"
        "- **Concentrated solar**: Mirrors focus heat to drive turbines.\n",
        source_name="solar.md",
    )
    assert doc.title == "Solar power"
    assert [s.title for s in doc.sections] == ["Introduction", "Technologies"]
    items = doc.sections[1].list_items
    assert [b.term for b in items] == ["Photovoltaics", "Concentrated solar"]
    assert doc.text[items[0].sentences[0].start : items[0].sentences[0].end] == (
        "Panels convert light directly."
    )


def test_bad_encoding_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"Title\nGood line.\nBad \xff line.\n")
    with pytest.raises(DocumentError) as info:
        read_document(path)
    assert info.value.line == 3
    assert str(path) in str(info.value)


def test_a_bold_term_with_its_colon_inside_the_emphasis() -> None:
    text = (
        "# Trade\n\nIntro sentence here.\n\n## Elements\n\nIts main elements are:\n\n"
        "- **Rules of origin:** Exporters must show where value was added. Small firms struggle.\n"
        "- **Fisheries:** Boats keep access to British waters.\n"
    )
    doc = read_text(text, "t.md")
    items = [b for s in doc.sections for b in s.blocks if b.term]
    assert [b.term for b in items] == ["Rules of origin", "Fisheries"]
    first = items[0].sentences[0]
    assert first.text == "Exporters must show where value was added."
    assert doc.text[first.start : first.end] == first.text
