"""Limits on what counts can show: clustered intervals, exact funnel-plot limits, selection
through the justice system, and right-censoring by reporting delay.

Standard library and numpy only. Every function covers one source of error and says which
ones it leaves out; none of them turns recorded crime into offending.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence

import numpy as np

from .stats import wilson_interval

Delays = Mapping[float, float] | Iterable[tuple[float, float]]


# --- exact binomial -----------------------------------------------------------------------------

def _check_confidence(confidence: float) -> None:
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must lie strictly between 0 and 1, got {confidence}")


def _log_choose(n: int, ks: np.ndarray) -> np.ndarray:
    """log C(n, k) for each k, by log-gamma (stable for large n)."""
    return math.lgamma(n + 1) - np.array([math.lgamma(k + 1) + math.lgamma(n - k + 1) for k in ks.tolist()])


# --- clustering ---------------------------------------------------------------------------------

def design_effect(cluster_sizes_or_mean: float | Sequence[float], icc: float) -> float:
    """Design effect of cluster sampling, 1 + (m - 1) * icc (Kish 1965).
    Given one number, m is that mean cluster size. Given a list of cluster sizes, m is
    sum(m_i^2) / sum(m_i), Kish's allowance for unequal clusters (equal to the mean when all
    sizes are equal). Covers within-cluster likeness only, for an icc in [0, 1]; it does not
    estimate the icc."""
    if not 0 <= icc <= 1:
        raise ValueError(f"icc must lie between 0 and 1, got {icc}")
    if isinstance(cluster_sizes_or_mean, (int, float)):
        m = float(cluster_sizes_or_mean)
    else:
        sizes = [float(s) for s in cluster_sizes_or_mean]
        if not sizes or any(s <= 0 for s in sizes):
            raise ValueError("cluster sizes must be a non-empty list of positive numbers")
        m = sum(s * s for s in sizes) / sum(sizes)
    if m < 1:
        raise ValueError(f"mean cluster size must be at least 1, got {m}")
    return 1 + (m - 1) * icc


def effective_sample_size_unequal(cluster_sizes: Sequence[float], icc: float = 1.0) -> float:
    """n / design_effect(cluster_sizes, icc) for clusters of the given sizes (Kish). With icc = 1 this
    is k / (1 + CV^2) for k clusters whose sizes have coefficient of variation CV (population
    standard deviation over mean): fewer than k whenever the sizes differ."""
    sizes = [float(x) for x in cluster_sizes]
    return sum(sizes) / design_effect(sizes, icc)


def effective_clusters(n_clusters: int, cv: float) -> float:
    """Where only the number of clusters is known and their sizes are not: k / (1 + CV^2), the
    effective sample size of k clusters whose members are all alike (icc = 1), for an assumed
    coefficient of variation of the cluster sizes (0: equal sizes)."""
    if n_clusters < 1 or cv < 0:
        raise ValueError(f"need at least one cluster and a non-negative CV, got {n_clusters} and {cv}")
    return n_clusters / (1 + cv * cv)


def clustered_wilson(successes: float, n: float, n_eff: float,
                     confidence: float = 0.95) -> tuple[float, float]:
    """Wilson interval for the observed proportion successes / n, as if it came from n_eff
    independent observations (the proportion is kept, the count scaled to p * n_eff).
    Covers sampling variation allowing for clustering; not selection or missing records."""
    if n <= 0 or not 0 <= successes <= n:
        raise ValueError(f"need n > 0 and 0 <= successes ({successes}) <= n ({n})")
    if not 0 < n_eff <= n:
        raise ValueError(f"n_eff must lie in (0, n = {n}], got {n_eff}")
    _check_confidence(confidence)
    return wilson_interval(successes / n * n_eff, n_eff, confidence)


# --- funnel plots -------------------------------------------------------------------------------

def _as_tuple(z: float | Sequence[float]) -> tuple[float, ...]:
    zs = (float(z),) if isinstance(z, (int, float)) else tuple(float(v) for v in z)
    if not zs or any(v <= 0 for v in zs):
        raise ValueError("z must be a positive number or a non-empty list of them")
    return zs


def _check_funnel(expected_rate: float, populations: Sequence[int]) -> np.ndarray:
    if not 0 < expected_rate < 1:
        raise ValueError(f"expected_rate must lie strictly between 0 and 1, got {expected_rate}")
    ns = np.asarray(populations)
    if ns.ndim != 1 or ns.size == 0 or np.any(ns <= 0) or np.any(ns != np.round(ns)):
        raise ValueError("populations must be a non-empty list of positive whole numbers")
    return ns.astype(np.int64)


def _binomial_quantile(n: int, p: float, q: float, interpolate: bool) -> float:
    """Smallest r with P(X <= r) >= q, as a proportion r / n; with `interpolate`, Spiegelhalter's
    (2005) continuous version (r - a) / n, a = (F(r) - q) / (F(r) - F(r - 1))."""
    sd = math.sqrt(n * p * (1 - p))
    k0 = max(0, math.floor(n * p - 15 * sd - 20))
    k1 = min(n, math.ceil(n * p + 15 * sd + 20))
    ks = np.arange(k0, k1 + 1)
    cdf = np.cumsum(np.exp(_log_choose(n, ks) + ks * math.log(p) + (n - ks) * math.log1p(-p)))
    i = min(int(np.searchsorted(cdf, q)), len(ks) - 1)
    r = float(ks[i])
    if interpolate:
        below = cdf[i - 1] if i > 0 else 0.0
        r -= (cdf[i] - q) / (cdf[i] - below)
    return min(max(r / n, 0.0), 1.0)


def funnel_limits(expected_rate: float, populations: Sequence[int],
                  z: float | Sequence[float] = (1.96, 3.09),
                  interpolate: bool = True) -> dict[float, tuple[np.ndarray, np.ndarray]]:
    """Exact binomial control limits for a funnel plot of proportions against population size.
    For each z, the limits are the binomial(n, expected_rate) quantiles at Phi(-z) and Phi(z),
    divided by n, with Spiegelhalter's (2005) interpolation between whole counts unless
    interpolate=False (then plain quantile steps). Returns {z: (lower, upper)}, arrays in the
    order of `populations`. Covers chance variation around one common rate only: not
    over-dispersion, differences in recording, or case mix."""
    ns = _check_funnel(expected_rate, populations)
    out = {}
    for zv in _as_tuple(z):
        q = 0.5 * math.erfc(-zv / math.sqrt(2))
        lower = np.array([_binomial_quantile(int(n), expected_rate, 1 - q, interpolate) for n in ns])
        upper = np.array([_binomial_quantile(int(n), expected_rate, q, interpolate) for n in ns])
        out[zv] = (lower, upper)
    return out


def overdispersion(counts: Sequence[float], populations: Sequence[int], expected_rate: float,
                   winsor: float = 0.1) -> float:
    """Spiegelhalter's (2005) multiplicative over-dispersion factor: the mean of the squared
    z-scores z_i = (y_i / n_i - p0) / sqrt(p0 (1 - p0) / n_i), after pulling the most extreme
    `winsor` share at each end in to the nearest value kept (Winsorising), so that a few real
    outliers do not inflate it. A value near 1 means chance alone; above 1, the counts vary more
    than binomial chance allows (for example because offences come in networks). Never below 1."""
    ns = _check_funnel(expected_rate, populations)
    ys = np.asarray(counts, dtype=float)
    if ys.shape != ns.shape:
        raise ValueError("counts and populations must have the same length")
    if not 0 <= winsor < 0.5:
        raise ValueError(f"winsor must lie in [0, 0.5), got {winsor}")
    p0 = expected_rate
    z = np.sort((ys / ns - p0) / np.sqrt(p0 * (1 - p0) / ns))
    k = int(math.floor(winsor * len(z)))
    if k:
        z[:k] = z[k]
        z[-k:] = z[-k - 1]
    return max(1.0, float(np.mean(z * z)))


def funnel_limits_overdispersed(expected_rate: float, populations: Sequence[int], phi: float,
                                z: float | Sequence[float] = (1.96, 3.09)) -> dict[float, tuple[np.ndarray, np.ndarray]]:
    """Funnel limits widened for over-dispersion (Spiegelhalter 2005, multiplicative model):
    p0 +/- z * sqrt(phi * p0 (1 - p0) / n), clipped to [0, 1]. phi = 1 gives the normal limits."""
    if phi < 1:
        raise ValueError(f"phi must be at least 1, got {phi}")
    ns = _check_funnel(expected_rate, populations)
    p0 = expected_rate
    se = np.sqrt(phi * p0 * (1 - p0) / ns)
    return {zv: (np.clip(p0 - zv * se, 0, 1), np.clip(p0 + zv * se, 0, 1)) for zv in _as_tuple(z)}


# --- selection through stages -------------------------------------------------------------------

def _pass_probabilities(true_shares: Mapping[str, float],
                        stage_probs: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    if not true_shares:
        raise ValueError("true_shares must name at least one group")
    if any(s < 0 for s in true_shares.values()) or not math.isclose(sum(true_shares.values()), 1, abs_tol=1e-9):
        raise ValueError(f"true_shares must be non-negative and sum to 1, got {dict(true_shares)}")
    if set(stage_probs) != set(true_shares):
        raise ValueError(f"stage_probs groups {sorted(stage_probs)} differ from true_shares groups {sorted(true_shares)}")
    stages = {frozenset(v) for v in stage_probs.values()}
    if len(stages) != 1:
        raise ValueError("every group must have the same stages")
    out = {}
    for group, probs in stage_probs.items():
        if any(not 0 <= p <= 1 for p in probs.values()):
            raise ValueError(f"stage probabilities for {group!r} must lie between 0 and 1")
        out[group] = math.prod(probs.values())
    return out


def simulate_selection(true_shares: Mapping[str, float],
                       stage_probs: Mapping[str, Mapping[str, float]]) -> dict[str, float]:
    """Expected observed share of each group after offences pass stages (e.g. detected, recorded,
    charged, reported), each group with its own pass probability per stage:
    true_share * product(stage probabilities), renormalised to sum to 1. Deterministic (expected
    values, no noise). Assumes stages act independently of everything but group."""
    passing = _pass_probabilities(true_shares, stage_probs)
    weights = {g: true_shares[g] * passing[g] for g in true_shares}
    total = sum(weights.values())
    if total <= 0:
        raise ValueError("no offence passes every stage: the observed shares are undefined")
    return {g: w / total for g, w in weights.items()}


# --- right-censoring by reporting delay ---------------------------------------------------------

def _delay_pmf(delays: Delays) -> dict[float, float]:
    pairs = list(delays.items()) if isinstance(delays, Mapping) else [tuple(d) for d in delays]
    pmf: dict[float, float] = {}
    for d, p in pairs:
        if d < 0 or not 0 <= p <= 1:
            raise ValueError(f"delay {d} must be >= 0 and its probability {p} in [0, 1]")
        pmf[d] = pmf.get(d, 0.0) + p
    if sum(pmf.values()) > 1 + 1e-9:
        raise ValueError(f"delay probabilities sum to {sum(pmf.values())}, more than 1")
    return pmf


def recorded_by(years_since_abuse: float, delays: Delays | Callable[[float], float]) -> float:
    """Fraction of abuse that happened `years_since_abuse` years ago that has been recorded by
    now: P(delay <= t). `delays` is a delay distribution as (delay_years, probability) pairs or
    a {delay: probability} mapping (probabilities may sum to less than 1: the rest is never
    recorded), or a function returning P(delay <= t) directly. Covers delay only, assuming it
    has not changed over time; not abuse that is never reported."""
    if years_since_abuse < 0:
        raise ValueError(f"years_since_abuse must not be negative, got {years_since_abuse}")
    if callable(delays):
        value = float(delays(years_since_abuse))
        if not 0 <= value <= 1:
            raise ValueError(f"the delay distribution function returned {value}, outside [0, 1]")
        return value
    return min(1.0, sum(p for d, p in _delay_pmf(delays).items() if d <= years_since_abuse))


def snapshot_composition(offending_by_year: Mapping[int, float], delay_pmf: Delays,
                         snapshot_year: int) -> dict[int, float]:
    """How many offences recorded in `snapshot_year` come from each abuse year: abuse in year y is
    recorded in year s with probability pmf(s - y), so year y contributes
    offending_by_year[y] * pmf(snapshot_year - y) (0 for years after the snapshot).
    Delays must be whole years. Covers delay only; not changes in recording practice."""
    pmf = _delay_pmf(delay_pmf)
    if any(d != int(d) for d in pmf):
        raise ValueError("delays must be whole numbers of years")
    if any(v < 0 for v in offending_by_year.values()):
        raise ValueError("offending counts must not be negative")
    return {y: v * pmf.get(snapshot_year - y, 0.0) for y, v in offending_by_year.items()}


def records_by_year(offending_by_year: Mapping[int, float], delay_pmf: Delays, propensity: Callable[[int], float],
                    years: Sequence[int]) -> dict[int, float]:
    """Offences recorded in each year of `years` (the way police and statistics series count them):
    abuse of year y reaches a record in year r with probability pmf(r - y) * propensity(r), where
    propensity(r) is the share of abuse that would ever be recorded at year r's willingness to
    report and record (between 0 and 1; a change in it, such as a rise after 2014, multiplies the
    records of every abuse year at once). Delays must be whole years. offending_by_year must
    reach back at least as far as the delays do, or the first years come out too low (an artefact
    of where the illustration starts, not of anything in it)."""
    pmf = _delay_pmf(delay_pmf)
    if any(d != int(d) for d in pmf):
        raise ValueError("delays must be whole numbers of years")
    out = {}
    for r in years:
        p = propensity(r)
        if not 0 <= p <= 1:
            raise ValueError(f"propensity for year {r} is {p}, outside [0, 1]")
        out[r] = p * sum(v * pmf.get(r - y, 0.0) for y, v in offending_by_year.items() if y <= r)
    return out


def recorded_by_year_of_abuse(offending_by_year: Mapping[int, float], delay_pmf: Delays,
                              propensity: Callable[[int], float], snapshot_year: int,
                              years: Sequence[int]) -> dict[int, float]:
    """The same records counted by the year the abuse happened, as known at `snapshot_year`: abuse of
    year y recorded by then is offending(y) * sum over r from y to the snapshot of pmf(r - y) *
    propensity(r). Recent years are right-censored: their abuse has had little time to be recorded."""
    pmf = _delay_pmf(delay_pmf)
    return {y: offending_by_year[y] * sum(pmf.get(r - y, 0.0) * propensity(r) for r in range(y, snapshot_year + 1))
            for y in years}


# --- missing not at random ----------------------------------------------------------------------

def share_with_risk(recorded: float, of_recorded: float, risk_ratio: float) -> tuple[float, bool]:
    """A group's share of all records when an unrecorded record is `risk_ratio` times as likely to be
    in the group as a recorded one (1 = missing at random): recorded * s + (1 - recorded) * min(1, r * s).
    Returns the share and whether the cap bit (r * s above one: the unrecorded cannot be more than
    all in the group). Covers one assumption about the missing only."""
    if not (0 <= recorded <= 1 and 0 <= of_recorded <= 1):
        raise ValueError("recorded and of_recorded must lie between 0 and 1")
    if risk_ratio < 0:
        raise ValueError(f"risk_ratio must not be negative, got {risk_ratio}")
    among_missing = risk_ratio * of_recorded
    capped = among_missing > 1
    return recorded * of_recorded + (1 - recorded) * min(1.0, among_missing), capped


# --- an illustrative delay distribution ---------------------------------------------------------

def geometric_delays(mean_years: float, horizon: int) -> dict[int, float]:
    """Whole-year delays with a geometric distribution of the given mean, P(d) = p(1-p)^d with
    p = 1 / (1 + mean), cut at `horizon` years (the rest is left unrecorded). An illustration of a
    long-tailed delay, not an estimate of the real one."""
    if mean_years < 0 or horizon < 0:
        raise ValueError("mean_years and horizon must not be negative")
    p = 1 / (1 + mean_years)
    return {d: p * (1 - p) ** d for d in range(horizon + 1)}
