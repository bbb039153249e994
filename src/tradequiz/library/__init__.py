"""The learner's library: adding documents and banks, listing and removing them (Qt-free).

The GUI runs these functions in a worker thread and the command line calls
them directly; both get the same checks, messages and results.
"""

from tradequiz.library.adding import AddedDocument, add_document
from tradequiz.library.banks import AddedBank, add_bank_file
from tradequiz.library.overview import DocumentSummary, library_overview
from tradequiz.library.removing import Removal, remove_document, undo_removal
from tradequiz.library.steps import Cancelled, CancelToken, LibraryError, Step

__all__ = [
    "AddedBank",
    "AddedDocument",
    "CancelToken",
    "Cancelled",
    "DocumentSummary",
    "LibraryError",
    "Removal",
    "Step",
    "add_bank_file",
    "add_document",
    "library_overview",
    "remove_document",
    "undo_removal",
]
