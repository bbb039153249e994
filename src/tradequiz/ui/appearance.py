"""Theme and font size: per computer (QSettings), applied to the whole app."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from tradequiz.ui.theme import Theme, apply_theme

THEMES: tuple[Theme, ...] = ("system", "light", "dark")


@dataclass(frozen=True)
class Appearance:
    theme: Theme = "system"
    font_scale: float = 1.0


def settings() -> QSettings:
    return QSettings("TradeQuiz", "TradeQuiz")


def load_appearance() -> Appearance:
    s = settings()
    stored = str(s.value("appearance/theme", "system"))
    theme: Theme = next((t for t in THEMES if t == stored), "system")
    try:
        scale = float(str(s.value("appearance/font_scale", 1.0)))
    except ValueError:
        scale = 1.0
    return Appearance(theme=theme, font_scale=min(2.0, max(0.75, scale)))


def save_appearance(appearance: Appearance) -> None:
    s = settings()
    s.setValue("appearance/theme", appearance.theme)
    s.setValue("appearance/font_scale", appearance.font_scale)
    s.sync()


def apply_appearance(app: QApplication, appearance: Appearance) -> None:
    apply_theme(app, appearance.theme, appearance.font_scale)
