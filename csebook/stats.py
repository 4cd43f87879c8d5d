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
