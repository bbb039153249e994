"""Generate a question bank from a Document."""

from tradequiz.generate.bank_builder import GENERATOR_VERSION, generate_bank

__all__ = ["GENERATOR_VERSION", "generate_bank"]
