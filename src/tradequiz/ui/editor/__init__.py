"""The instructor's question bank editor (a window of its own, opened from the File menu)."""
