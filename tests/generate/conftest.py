"""Banks generated once per test module: generation is deterministic, so sharing is safe."""

from __future__ import annotations

from pathlib import Path

import pytest

from tradequiz.document import Document, read_document
from tradequiz.generate import GenerationResult, generate
from tradequiz.generate.analysis import analyse

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "question_bank" / "japan-us-trade.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def source_doc() -> Document:
    return read_document(SOURCE)


@pytest.fixture(scope="module")
def result(source_doc: Document) -> GenerationResult:
    return generate(source_doc, SOURCE.name)


@pytest.fixture(scope="module")
def common(source_doc: Document) -> frozenset[str]:
    """Words whose presence gives nothing away: the topic's and the very frequent ones."""
    return analyse(source_doc).common_stems
