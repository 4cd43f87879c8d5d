"""Arithmetic on counts: shares, rates per 1,000, and whole-icon allocation."""
from __future__ import annotations

import math


def share(part: float, total: float) -> float:
    """part / total as a fraction. Refuses a part larger than its total or an empty total."""
    if total <= 0:
        raise ValueError(f"total must be positive, got {total}")
    if part < 0 or part > total:
        raise ValueError(f"part {part} must lie between 0 and the total {total}")
    return part / total


def round_half_up(x: float) -> int:
    """Round to the nearest whole number, halves upwards (Python's round() sends 0.5 to 0 and 2.5
    to 2, so a widget's '5% of 10' would become 0)."""
    import math

    return math.floor(x + 0.5 + 1e-9)


def per_thousand(part: float, total: float) -> float:
    """How many of every 1,000 in the total the part is."""
    return 1000 * share(part, total)


def largest_remainder(values: dict[str, float], total: int) -> dict[str, int]:
    """Whole numbers proportional to `values` that add up to exactly `total`
    (Hamilton's method: floor each quota, then hand the rest to the largest remainders;
    ties go to the key listed first)."""
    if total < 0:
        raise ValueError("total must not be negative")
    weight = sum(values.values())
    if weight <= 0:
        raise ValueError("values must have a positive sum")
    if any(v < 0 for v in values.values()):
        raise ValueError("values must not be negative")
    quotas = {k: v * total / weight for k, v in values.items()}
    whole = {k: math.floor(q) for k, q in quotas.items()}
    left = total - sum(whole.values())
    order = sorted(quotas, key=lambda k: (-(quotas[k] - whole[k]), list(values).index(k)))
    for key in order[:left]:
        whole[key] += 1
    return whole


def wilson_interval(successes: int, n: int, confidence: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion (Wilson 1927; Brown, Cai and DasGupta 2001).
    Covers sampling variation only: not selection, not missing records."""
    if n <= 0:
        raise ValueError("n must be positive")
    if not 0 <= successes <= n:
        raise ValueError(f"successes {successes} must lie between 0 and n = {n}")
    z = _normal_quantile(0.5 + confidence / 2)
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def _normal_quantile(q: float) -> float:
    """Inverse of the standard normal distribution function (Acklam's rational approximation,
    refined by one Newton step: accurate to about 1e-12)."""
    if not 0 < q < 1:
        raise ValueError("q must lie strictly between 0 and 1")
    a = [-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02, 1.383577518672690e02,
         -3.066479806614716e01, 2.506628277459239e00]
    b = [-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01,
         -1.328068155288572e01]
    c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00, -2.549732539343734e00,
         4.374664141464968e00, 2.938163982698783e00]
    d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00]
    low = 0.02425
    if q < low:
        t = math.sqrt(-2 * math.log(q))
        x = (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / \
            ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1)
    elif q <= 1 - low:
        t = q - 0.5
        r = t * t
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * t / \
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
    else:
        t = math.sqrt(-2 * math.log(1 - q))
        x = -(((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / \
            ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1)
    # one Newton step on the exact distribution function
    e = 0.5 * math.erfc(-x / math.sqrt(2)) - q
    x -= e * math.sqrt(2 * math.pi) * math.exp(x * x / 2)
    return x


def missing_data_bounds(count: int, recorded: int, total: int) -> tuple[float, float]:
    """Worst-case bounds (Manski) on a group's share of `total` when only `recorded` of them have
    the attribute recorded and `count` of those are in the group: the unrecorded could all be
    outside the group (lower bound) or all inside it (upper bound)."""
    if not 0 <= count <= recorded <= total or total <= 0:
        raise ValueError(f"need 0 <= count ({count}) <= recorded ({recorded}) <= total ({total}), total > 0")
    return count / total, (count + total - recorded) / total


def share_bounds(recorded_share: float, group_share_of_recorded: float) -> tuple[float, float]:
    """The same bounds from shares: a group that is `group_share_of_recorded` of the records that
    have the attribute, when `recorded_share` of all records have it, is between
    s * r (no unrecorded record in the group) and s * r + (1 - r) (all of them in it)."""
    r, s = recorded_share, group_share_of_recorded
    if not (0 <= r <= 1 and 0 <= s <= 1):
        raise ValueError("shares must lie between 0 and 1")
    return s * r, s * r + (1 - r)
