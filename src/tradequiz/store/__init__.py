"""All SQL lives in this package: opening, migrations, library, scheduling rows, backups."""

from tradequiz.store.connection import StoreError, connect, transaction
from tradequiz.store.opening import NewerDatabaseError, Store, open_store

__all__ = ["NewerDatabaseError", "Store", "StoreError", "connect", "open_store", "transaction"]
