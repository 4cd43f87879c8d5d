"""Every colour the charts fill with: labels on it are readable (WCAG contrast), and colours drawn
side by side stay distinct under the three common colour-vision deficiencies."""
from __future__ import annotations

import itertools

import numpy as np
import pytest

from csebook import style
from csebook.chapters import after_2025 as ethnicity

# Machado, Oliveira and Fernandes (2009), full severity, applied in linear RGB
CVD = {
    "protanopia": [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    "deuteranopia": [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    "tritanopia": [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
}


def lab(linear_rgb) -> np.ndarray:
    """CIE L*a*b* (D65) of a linear-RGB colour."""
    m = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]])
    xyz = m @ np.clip(linear_rgb, 0, 1) / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > (6 / 29) ** 3, np.cbrt(xyz), xyz / (3 * (6 / 29) ** 2) + 4 / 29)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def delta_e(a: str, b: str, matrix=None) -> float:
    ca, cb = np.array(style._linear(a)), np.array(style._linear(b))
    if matrix is not None:
        ca, cb = np.array(matrix) @ ca, np.array(matrix) @ cb
    return float(np.linalg.norm(lab(ca) - lab(cb)))


# the sets of colours drawn side by side in one chart
SETS = {
    "recorded ethnicity": list(ethnicity.GROUP_COLOURS.values()),
    "study compositions": [style.ORANGE, style.BLUE, style.SKY, style.UNKNOWN],
    "recorded and not recorded": [style.BLUE, style.UNKNOWN, style.REST],
    "toolkit lines": [style.SKY, style.GREEN, style.ORANGE, style.VERMILLION],
}
MIN_DELTA_E = 10   # CIE76; about 2.3 is just noticeable side by side, 10 is clearly different


@pytest.mark.parametrize("name", sorted(style.PALETTE))
def test_labels_on_every_fill_meet_wcag_aa(name):
    colour = style.PALETTE[name]
    assert style.contrast(style.text_on(colour), colour) >= 4.5, name


def test_text_colours_on_white():
    for colour in (style.TEXT, style.BLUE):        # body text, and 'recorded' labels
        assert style.contrast(colour, "#ffffff") >= 4.5


def test_contrast_matches_the_wcag_examples():
    assert style.contrast("#000000", "#ffffff") == pytest.approx(21)
    assert style.contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert style.text_on("#777777") == "#000000" and style.text_on("#333333") == "#ffffff"


@pytest.mark.parametrize("chart_set", sorted(SETS))
@pytest.mark.parametrize("vision", ["typical"] + sorted(CVD))
def test_colours_drawn_together_stay_distinct(chart_set, vision):
    matrix = CVD.get(vision)
    close = [(a, b, round(delta_e(a, b, matrix), 1)) for a, b in itertools.combinations(SETS[chart_set], 2)
             if delta_e(a, b, matrix) < MIN_DELTA_E]
    assert not close, f"{chart_set} under {vision}: too close {close}"


def test_the_check_can_fail():
    # matplotlib's default red and green: far apart for typical vision, confused under deuteranopia
    assert delta_e("#d62728", "#2ca02c") > 100
    assert delta_e("#d62728", "#2ca02c", CVD["deuteranopia"]) < MIN_DELTA_E
    # its orange and green, under protanopia
    assert delta_e("#ff7f0e", "#2ca02c", CVD["protanopia"]) < MIN_DELTA_E
