"""The arithmetic of 'relative to what?': measures that set a group's share of suspects against its
share of a population, and what the unrecorded allow.

Measures (each named wherever it is shown):
* ratio of shares: the group's share of suspects over its share of the comparator population;
* relative rate: the group's rate of suspects per resident over the rate for everyone else (the
  Relative Rate Index of the Ministry of Justice's statistics on ethnicity and the criminal justice
  system compares rates the same way, though it names its own reference group);
* rate per 100,000 residents of the comparator population, where counts of suspects exist.

Assumptions about suspects whose ethnicity was not recorded:
* bounds: none of them in the group, or all of them;
* like the recorded: they have the same mix as those recorded (missing at random);
* no difference: they have the comparator population's mix. This assumes the answer to the question
  asked, and pulls every ratio toward 1 by construction; it is labelled so.
"""
from __future__ import annotations

from . import stats


def relative_rate(share: float, comparator: float) -> float:
    """The group's suspects per resident over everyone else's: (s / (1 - s)) / (p / (1 - p)) for a
    share s of suspects and a share p of residents (the group's suspects over its residents, divided
    by the others' suspects over their residents; the total numbers cancel)."""
    if not 0 < comparator < 1:
        raise ValueError(f"a comparator share must lie strictly between 0 and 1, not {comparator}")
    if share >= 1:
        return float("inf")
    return (share / (1 - share)) / (comparator / (1 - comparator))


def relative_rate_against(share: float, comparator: float, reference_share: float, reference_comparator: float) -> float:
    """The group's suspects per resident over a reference group's (White, as in the Ministry of
    Justice's statistics on ethnicity): (s / p) / (s_ref / p_ref) for shares of suspects s and of
    residents p (the totals cancel)."""
    if min(comparator, reference_comparator) <= 0:
        raise ValueError("comparator shares must be positive")
    if reference_share <= 0:
        return float("inf")
    return (share / comparator) / (reference_share / reference_comparator)


def selection_odds_ratio(observed: float, comparator: float) -> float:
    """The inverse question: if a group made up `comparator` of offending, how many times as likely
    would one of its members have to be to reach a record or a list as anyone else, for the group to
    make up `observed` of it? (o / (1 - o)) / (p / (1 - p)) is the ratio a / b of the two chances of
    being counted (a ratio of probabilities, not an odds ratio, whatever this function's old name
    says): the same number as the relative rate against everyone else, read as selection instead of
    offending. Below one, the selection runs against the group."""
    return relative_rate(observed, comparator)


def rate_per_100k(count: float, population: float) -> float:
    return 100_000 * count / population


def no_difference(recorded: float, of_recorded: float, comparator: float) -> float:
    """The group's share of all suspects if the unrecorded have the comparator population's mix."""
    return recorded * of_recorded + (1 - recorded) * comparator


def break_even_unrecorded(recorded: float, of_recorded: float, comparator: float) -> float | None:
    """The share of the unrecorded who would have to be in the group for its share of all suspects
    to equal its share of the population; None if no share between 0 and 1 does it."""
    missing = 1 - recorded
    if missing <= 0:
        return None
    x = (comparator - of_recorded * recorded) / missing
    return x if 0 <= x <= 1 else None


def break_even_recording(of_recorded: float, comparator: float) -> float | None:
    """Where no share recorded is published: the share recorded at which the bounds on the ratio of
    shares first include one. For a group above its population share among the recorded (s > p), the
    lower bound r*s/p reaches one at r = p / s: below that share recorded, the data allow a ratio of
    one. For a group below it (s < p), the upper bound (r*s + 1 - r)/p falls to one at
    r = (1 - p) / (1 - s). None when the recorded share equals the comparator."""
    if of_recorded > comparator:
        return comparator / of_recorded
    if of_recorded < comparator:
        return (1 - comparator) / (1 - of_recorded)
    return None


def clustered_interval(share: float, networks: int) -> tuple[float, float]:
    """A 95% Wilson interval for a share of suspects that come in `networks` networks whose members
    share their recorded ethnicity (intra-network correlation one, networks of equal size): the
    share behaves like a share of networks, so the effective sample size is the number of networks."""
    if networks < 1:
        raise ValueError(f"need at least one network, not {networks}")
    return stats.wilson_interval(share * networks, networks)


def odds_ratio_words(odds_ratio: float) -> str:
    """An odds ratio in words: above one, 'N times as likely'; below one, 'N times less likely'."""
    from . import fmt

    if odds_ratio >= 1:
        return f"{fmt.ratio(odds_ratio)} times as likely"
    return f"{fmt.ratio(1 / odds_ratio)} times less likely"


Z95 = 1.959963984540054


def rate_ratio_interval(a: float, a_residents: float, b: float, b_residents: float,
                        design_effect: float = 1.0) -> tuple[float, float, float]:
    """A relative rate (a per resident over b per resident) with a 95% interval on the log scale,
    counts treated as Poisson: exp(log RR +- 1.96 sqrt(deff (1/a + 1/b))). A design effect above one
    allows for suspects who come in groups (3 for groups of three alike in ethnicity). Covers chance
    only. Returns (rate ratio, low, high)."""
    import math

    if min(a, b) <= 0:
        raise ValueError("a relative rate needs counts above zero in both groups")
    rr = (a / a_residents) / (b / b_residents)
    half = Z95 * math.sqrt(design_effect * (1 / a + 1 / b))
    return rr, rr * math.exp(-half), rr * math.exp(half)


def two_proportion_test(x1: float, n1: float, x2: float, n2: float, design_effect: float = 1.0) -> tuple[float, float]:
    """Whether two shares (x1 of n1, x2 of n2) differ by more than chance: the pooled two-sample
    z statistic and its two-sided p-value, with the variance multiplied by a design effect for
    suspects who come in groups. Returns (z, p)."""
    import math

    if min(n1, n2) <= 0:
        raise ValueError("each sample needs at least one member")
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(design_effect * pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = (x2 / n2 - x1 / n1) / se
    return z, math.erfc(abs(z) / math.sqrt(2))


def break_even_recordings(share: float, comparator: float, n: float | None = None,
                          groups: float | None = None) -> list[tuple[str, float | None]]:
    """Where no share recorded is published: the share recorded at which the lowest ratio of shares
    against a comparator reaches one, with chance left out, with each of n recorded suspects
    independent, and with them counted as `groups` (the lower end of a 95% Wilson interval on the
    share among the recorded takes the place of the share). Pairs of (how, share recorded)."""
    out: list[tuple[str, float | None]] = [("chance left out", break_even_recording(share, comparator))]
    for how, size in (("each suspect independent", n), ("in groups", groups)):
        if size:
            out.append((how, break_even_recording(stats.wilson_interval(share * size, size)[0], comparator)))
    return out


def design_effect_to_reach_one(rr: float, a: float, b: float) -> float:
    """The design effect at which a relative rate's 95% log-Poisson interval (counts a and b) would
    just reach one: (ln RR / (1.96 sqrt(1/a + 1/b)))^2. Below it the interval excludes one."""
    import math

    return (math.log(rr) / (Z95 * math.sqrt(1 / a + 1 / b))) ** 2


def design_effect_to_chance(x1: float, n1: float, x2: float, n2: float, p: float = 0.05) -> float:
    """The design effect at which the two-sample test of two_proportion_test would reach a two-sided
    p of `p` (0.05 by default): (z / z_p)^2 for the test's z with suspects independent."""
    from statistics import NormalDist

    z, _ = two_proportion_test(x1, n1, x2, n2)
    return (z / NormalDist().inv_cdf(1 - p / 2)) ** 2
