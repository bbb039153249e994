"""Light, dark or system palette, and the app's stylesheet."""

from __future__ import annotations

from typing import Literal

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from tradequiz.resources import resource

Theme = Literal["system", "light", "dark"]

_LIGHT = {
    QPalette.ColorRole.Window: "#f6f7f9",
    QPalette.ColorRole.WindowText: "#1d2430",
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.AlternateBase: "#eef1f5",
    QPalette.ColorRole.Text: "#1d2430",
    QPalette.ColorRole.Button: "#ffffff",
    QPalette.ColorRole.ButtonText: "#1d2430",
    QPalette.ColorRole.Highlight: "#2f6fde",
    QPalette.ColorRole.HighlightedText: "#ffffff",
    QPalette.ColorRole.PlaceholderText: "#7a8494",
    QPalette.ColorRole.Mid: "#c9d0da",
    QPalette.ColorRole.Link: "#2f6fde",
    QPalette.ColorRole.ToolTipBase: "#1d2430",
    QPalette.ColorRole.ToolTipText: "#ffffff",
}
_DARK = {
    QPalette.ColorRole.Window: "#1b1f27",
    QPalette.ColorRole.WindowText: "#e4e8ef",
    QPalette.ColorRole.Base: "#242a34",
    QPalette.ColorRole.AlternateBase: "#2b323e",
    QPalette.ColorRole.Text: "#e4e8ef",
    QPalette.ColorRole.Button: "#2b323e",
    QPalette.ColorRole.ButtonText: "#e4e8ef",
    QPalette.ColorRole.Highlight: "#5b93f0",
    QPalette.ColorRole.HighlightedText: "#0d1117",
    QPalette.ColorRole.PlaceholderText: "#8b95a5",
    QPalette.ColorRole.Mid: "#3a4250",
    QPalette.ColorRole.Link: "#7aa7f5",
    QPalette.ColorRole.ToolTipBase: "#e4e8ef",
    QPalette.ColorRole.ToolTipText: "#1b1f27",
}

# Colours for right/wrong and the rating buttons, readable on both palettes.
ACCENTS = {
    "light": {"good": "#1e7f4f", "bad": "#b3261e", "mark": "#ffe58a", "muted": "#5d6776"},
    "dark": {"good": "#5fd39a", "bad": "#ff8a80", "mark": "#6b5a12", "muted": "#a3adbb"},
}


def is_dark(app: QApplication | None = None) -> bool:
    app = app or QApplication.instance()  # type: ignore[assignment]
    if app is None:
        return False
    window = app.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def accent(name: str) -> str:
    return ACCENTS["dark" if is_dark() else "light"][name]


def apply_theme(app: QApplication, theme: Theme = "system", font_scale: float = 1.0) -> None:
    """Set the palette and stylesheet; "system" keeps the platform's palette."""
    app.setStyle("Fusion")
    if theme == "system":
        palette = app.style().standardPalette()
    else:
        palette = QPalette()
        for role, colour in (_DARK if theme == "dark" else _LIGHT).items():
            palette.setColor(role, QColor(colour))
            palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(colour).darker(130)
                             if theme == "light" else QColor(colour).lighter(70))  # fmt: skip
    app.setPalette(palette)
    base = QFont(app.font())
    size = 10.5 * font_scale
    base.setPointSizeF(size)
    app.setFont(base)
    app.setStyleSheet(stylesheet())


def stylesheet() -> str:
    colours = ACCENTS["dark" if is_dark() else "light"]
    text = resource("styles/app.qss").read_text(encoding="utf-8")
    for name, value in colours.items():
        text = text.replace(f"@{name}", value)
    return text
