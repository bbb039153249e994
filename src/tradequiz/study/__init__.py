"""The study loop, Qt-free: choose a question, check the answer, grade, undo."""
