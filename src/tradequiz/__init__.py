"""TradeQuiz: study a document with generated questions and spaced repetition."""

__version__ = "0.1.0"
