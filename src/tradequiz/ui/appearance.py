"""Theme and text size: a learner's choice, kept with their profile (``ProfileSettings``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

from PySide6.QtWidgets import QApplication

from tradequiz.ui.app_settings import ProfileSettings
from tradequiz.ui.theme import Theme, apply_theme

THEMES: tuple[Theme, ...] = ("system", "light", "dark")


@dataclass(frozen=True)
class Appearance:
    theme: Theme = "system"
    font_scale: float = 1.0


def load_appearance(settings: ProfileSettings | None) -> Appearance:
    if settings is None:
        return Appearance()
    return Appearance(settings.theme, settings.font_scale)


def save_appearance(settings: ProfileSettings | None, appearance: Appearance) -> None:
    if settings is not None:
        settings.theme = appearance.theme
        settings.font_scale = appearance.font_scale


def apply_appearance(appearance: Appearance) -> None:
    apply_theme(
        cast(QApplication, QApplication.instance()), appearance.theme, appearance.font_scale
    )
