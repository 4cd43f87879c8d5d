"""Every kernel-free widget in the book, by the page that shows it, in page order.

The tests use this to check each widget on the built site state by state against the Python
function that drew it, and to check that no page shows a widget missing from this list."""
from __future__ import annotations

from .data import Package
from .widgets import StaticWidget


def widgets_by_page(package: Package) -> dict[str, list[StaticWidget]]:
    from . import ethnicity, hmicfrs, homeoffice, iicsa, police, toolkit

    return {
        "book/police_figures_2023.html": [police.comparison_widget(package)],
        "book/iicsa_networks_2022.html": [iicsa.bounds_widget(package)],
        "book/hmicfrs_2023.html": [hmicfrs.interval_widget(package)],
        "book/home_office_2020.html": [homeoffice.units_widget(package), homeoffice.assumption_widget(package)],
        "book/after_2025.html": [ethnicity.ratio_widget(package)],
        "book/tk_counting.html": [toolkit.counting_widget()],
        "book/tk_missing.html": [toolkit.missing_widget(package)],
        "book/tk_samples.html": [toolkit.selection_widget()],
        "book/tk_small.html": [toolkit.funnel_widget()],
        "book/tk_time.html": [toolkit.delay_widget()],
        "book/tk_claims.html": [toolkit.checklist_widget()],
    }
