"""Find shipped files: question banks, icons and stylesheets.

In a wheel, ``question_bank/`` and ``resources/`` are carried inside the
package; in a source checkout (editable install) they sit at the top of the
repository.  Every lookup goes through here so both layouts work.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _locate(name: str) -> Path:
    packaged = _PACKAGE_DIR / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE_DIR.parent.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(f"TradeQuiz cannot find its {name}/ folder (looked in {packaged})")


def question_bank_dir() -> Path:
    return _locate("question_bank")


def resources_dir() -> Path:
    return _locate("resources")


def resource(relative: str) -> Path:
    """Return the path of a file under resources/, e.g. ``resource("icons/app.svg")``."""
    return resources_dir() / relative


def shipped_banks() -> list[Path]:
    """Every bank shipped with the app, in a stable order."""
    return sorted(question_bank_dir().glob("*.yaml"))
