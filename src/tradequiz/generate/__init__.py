"""Generate a question bank from a Document (offline, deterministic, pure Python)."""

from tradequiz.generate.pipeline import (
    GENERATOR_VERSION,
    GenerationResult,
    generate,
    generate_bank,
)

__all__ = ["GENERATOR_VERSION", "GenerationResult", "generate", "generate_bank"]
