"""Settings: daily limits, scheduling, day rollover, theme and font size."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from tradequiz.study.preferences import Preferences, format_steps, parse_steps
from tradequiz.ui.appearance import THEMES, Appearance
from tradequiz.ui.theme import accent


class SettingsDialog(QDialog):
    def __init__(
        self, prefs: Preferences, appearance: Appearance, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.prefs = prefs
        self.appearance = appearance
        layout = QVBoxLayout(self)

        daily = QGroupBox("Each day", self)
        form = QFormLayout(daily)
        self.new_per_day = _spin(0, 9999, prefs.new_per_day, "New questions per day")
        self.reviews_per_day = _spin(0, 99999, prefs.reviews_per_day, "Reviews per day")
        self.rollover = _spin(0, 23, prefs.rollover_hour, "The study day starts at")
        self.rollover.setSuffix(":00")
        form.addRow("New questions per day", self.new_per_day)
        form.addRow("Maximum reviews per day", self.reviews_per_day)
        form.addRow("A new day starts at", self.rollover)
        layout.addWidget(daily)

        scheduling = QGroupBox("Scheduling (FSRS)", self)
        form = QFormLayout(scheduling)
        explain = QLabel(
            "TradeQuiz brings each question back just before you would forget it. "
            "Desired retention is the chance you still remember a question when it returns: "
            "0.90 is a good balance, higher means more reviews. Learning steps are the short "
            "waits before a new or forgotten question comes back the same day.",
            self,
        )
        explain.setWordWrap(True)
        explain.setObjectName("muted")
        form.addRow(explain)
        self.retention = QDoubleSpinBox(self)
        self.retention.setRange(0.70, 0.99)
        self.retention.setSingleStep(0.01)
        self.retention.setValue(prefs.desired_retention)
        self.retention.setAccessibleName("Desired retention")
        self.retention.setToolTip(
            "The chance of remembering a question when it comes back. Higher means more reviews."
        )
        self.learning = QLineEdit(format_steps(prefs.learning_steps_minutes), self)
        self.learning.setAccessibleName("Learning steps")
        self.learning.setToolTip("Waits before a new question comes back, e.g. “1m 10m”")
        self.relearning = QLineEdit(format_steps(prefs.relearning_steps_minutes), self)
        self.relearning.setAccessibleName("Relearning steps")
        self.max_interval = _spin(1, 36500, prefs.maximum_interval_days, "Maximum interval")
        self.max_interval.setSuffix(" days")
        self.fuzz = QCheckBox("Spread reviews slightly (interval fuzz)", self)
        self.fuzz.setChecked(prefs.fuzz)
        self.step_error = QLabel(self)
        self.step_error.setStyleSheet(f"color: {accent('bad')}")
        self.step_error.hide()
        form.addRow("Desired retention", self.retention)
        form.addRow("Learning steps", self.learning)
        form.addRow("Relearning steps", self.relearning)
        form.addRow(self.step_error)
        form.addRow("Longest interval", self.max_interval)
        form.addRow(self.fuzz)
        layout.addWidget(scheduling)

        looks = QGroupBox("Appearance", self)
        form = QFormLayout(looks)
        self.theme = QComboBox(self)
        for theme in THEMES:
            self.theme.addItem(theme.capitalize(), theme)
        self.theme.setCurrentIndex(THEMES.index(appearance.theme))
        self.theme.setAccessibleName("Theme")
        self.font_size = _spin(75, 200, round(appearance.font_scale * 100), "Text size")
        self.font_size.setSuffix(" %")
        self.font_size.setSingleStep(10)
        form.addRow("Theme", self.theme)
        form.addRow("Text size", self.font_size)
        layout.addWidget(looks)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def _accept(self) -> None:
        try:
            learning = parse_steps(self.learning.text())
            relearning = parse_steps(self.relearning.text())
        except ValueError as exc:
            self.step_error.setText(f"Steps: {exc}")
            self.step_error.show()
            return
        self.prefs = replace(
            self.prefs,
            new_per_day=self.new_per_day.value(),
            reviews_per_day=self.reviews_per_day.value(),
            rollover_hour=self.rollover.value(),
            desired_retention=round(self.retention.value(), 2),
            learning_steps_minutes=learning,
            relearning_steps_minutes=relearning,
            maximum_interval_days=self.max_interval.value(),
            fuzz=self.fuzz.isChecked(),
        )
        self.appearance = Appearance(
            theme=self.theme.currentData(), font_scale=self.font_size.value() / 100
        )
        self.accept()


def _spin(low: int, high: int, value: int, name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setValue(value)
    spin.setAccessibleName(name)
    return spin


def get_settings(
    parent: QWidget | None, prefs: Preferences, appearance: Appearance
) -> tuple[Preferences, Appearance, bool]:
    """Show the dialog; returns the (possibly) new values and whether OK was pressed."""
    dialog = SettingsDialog(prefs, appearance, parent)
    ok = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.prefs, dialog.appearance, ok
