"""The only package that imports PySide6: windows, pages, dialogs and views."""
