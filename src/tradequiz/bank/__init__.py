"""Question banks: the file format instructors edit, its loading and saving."""

from tradequiz.bank.model import Bank, BankSection, Choice, Pair, Question, SourceSpan
from tradequiz.bank.problems import BankError, Problem
from tradequiz.bank.yaml_io import LoadedBank, dump_bank, load_bank, parse_bank, save_bank

__all__ = [
    "Bank",
    "BankError",
    "BankSection",
    "Choice",
    "LoadedBank",
    "Pair",
    "Problem",
    "Question",
    "SourceSpan",
    "dump_bank",
    "load_bank",
    "parse_bank",
    "save_bank",
]
