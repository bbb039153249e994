"""Charts drawn with QPainter: no chart library, nothing to load, instant to paint.

Each chart is a small QWidget that takes plain values (from the Qt-free progress
package) and paints them in palette-aware colours, so they follow light and dark themes
and render the same on the offscreen platform (tests grab them as images).
"""

from tradequiz.ui.charts.forecast import ForecastChart
from tradequiz.ui.charts.heatmap import StudyHeatmap
from tradequiz.ui.charts.retention import RetentionChart
from tradequiz.ui.charts.section_bars import SectionBars

__all__ = ["ForecastChart", "RetentionChart", "SectionBars", "StudyHeatmap"]
