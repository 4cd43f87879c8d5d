"""The older studies the Home Office paper (December 2020) weighed: CEOP 2011, the Children's
Commissioner 2012 and Quilliam 2017, each as printed in its own counting unit (suspects, groups,
perpetrators, people convicted), with its unrecorded and undescribed parts kept, and the studies that
count people set against the 2011 census. The Home Office chapter draws them; the toolkit pages on
missing data, samples and claims reuse them.
"""
from __future__ import annotations

from dataclasses import dataclass

from . import comparisons, fmt, stats
from . import population as pop
from .data import STATUS_LABELS, Package
from .style import BLUE, GREEN, ORANGE, SKY, UNKNOWN

RECORDED, UNRECORDED, UNDESCRIBED = "recorded", "unrecorded", "undescribed"


@dataclass(frozen=True)
class Part:
    """One part of a study's count: its name, its share of everything counted, its colour, and
    whether its ethnicity was recorded, not recorded, or is not described by the source (a part
    that may be unrecorded or another recorded group: bounds allow for both)."""

    name: str
    share: float
    colour: str
    kind: str = RECORDED


@dataclass(frozen=True)
class Composition:
    """One study counted in one unit, as shares of everything counted. Parts not recorded, and
    parts the source leaves undescribed, are kept and drawn (grey), never dropped."""

    key: str
    label: str          # study and unit, e.g. "CEOP 2011 (suspects)"
    unit: str           # what is counted
    base_text: str      # the denominator, in words, with its number
    parts: tuple[Part, ...]
    status: str
    note: str

    def share(self, name: str) -> float:
        return sum(p.share for p in self.parts if p.name == name)

    @property
    def unrecorded(self) -> float:
        return sum(p.share for p in self.parts if p.kind == UNRECORDED)

    @property
    def undescribed(self) -> float:
        return sum(p.share for p in self.parts if p.kind == UNDESCRIBED)

    def asian_range(self) -> tuple[float, float]:
        """Bounds on the Asian share of everything counted: none of the unrecorded or undescribed
        Asian, or all of them."""
        a = self.share("Asian")
        return a, a + self.unrecorded + self.undescribed

    def asian_of_known(self) -> tuple[float, float]:
        """The Asian share of those whose ethnicity is known, counting the undescribed part first
        as unrecorded, then as recorded in another group (the same value when there is none)."""
        a = self.share("Asian")
        known = 1 - self.unrecorded - self.undescribed
        return a / known, a / (known + self.undescribed)


PALE_GREY = "#a8a8a8"   # 'not described by the source': darker text on it (contrast checked in tests)


def compositions(package: Package) -> list[Composition]:
    f = package.figure
    out = []
    # CEOP 2011, suspects: shares printed for five groups and the unknown; their base is disputed
    a, w, u, b = (f(f"ceop2011_{k}.c4").value / 100 for k in ("asian", "white", "unknown", "black"))
    out.append(Composition(
        "ceop2011_suspects", "CEOP 2011 (suspects)", "suspects",
        f"suspects (base disputed: {fmt.count(f('ceop2011_identified.c4').count)} fully identified, "
        f"or the {fmt.count(f('ceop2011_potential_offenders.c4').count)} reported)",
        (Part("Asian", a, ORANGE), Part("Black", b, BLUE), Part("White", w, SKY),
         Part("Chinese (under 1%) and rounding", 1 - a - w - u - b, GREEN),
         Part("Unknown", u, UNKNOWN, UNRECORDED)),
        STATUS_LABELS[f("ceop2011_asian.c4").status],
        "The unknown is the share the report printed; Black and Chinese suspects are recorded."))
    # CEOP 2011, groups: three categories reported of the 230 groups
    total = f("ceop2011_groups.c4").count
    ga, gw, gu = (f(f"ceop2011_groups_{k}.c4").count for k in ("asian", "white", "unknown"))
    out.append(Composition(
        "ceop2011_groups", "CEOP 2011 (groups)", "groups", f"{fmt.count(total)} groups",
        (Part("Asian", ga / total, ORANGE), Part("White", gw / total, SKY),
         Part("Unknown", gu / total, UNKNOWN, UNRECORDED),
         Part("Not described", (total - ga - gw - gu) / total, PALE_GREY, UNDESCRIBED)),
        STATUS_LABELS[f("ceop2011_groups_asian.c4").status],
        f"The report's three categories leave {fmt.count(total - ga - gw - gu)} groups not described: "
        "unknown, or another group."))
    # Children's Commissioner 2012, perpetrators
    total = f("occ_perpetrators.independent").count
    pa, pw, pb = (f(f"occ_perpetrators_{k}.independent").count for k in ("asian", "white", "black"))
    out.append(Composition(
        "occ2012_perpetrators", "Children's Commissioner 2012 (perpetrators)", "perpetrators",
        f"{fmt.count(total)} perpetrators",
        (Part("Asian", pa / total, ORANGE), Part("Black", pb / total, BLUE), Part("White", pw / total, SKY),
         Part("Not given, or another group", (total - pa - pw - pb) / total, PALE_GREY, UNDESCRIBED)),
        STATUS_LABELS[f("occ_perpetrators.independent").status],
        "The part not Asian, White or Black mixes those with no ethnicity given and any other group."))
    # Quilliam 2017, convictions compiled by Quilliam (as the literature review restates them)
    qa, qb, qw, qu = (f(f"quilliam_{k}.hl14053").value / 100 for k in ("asian", "black", "white", "unknown"))
    out.append(Composition(
        "quilliam2017_convictions", "Quilliam 2017 (convicted)", "people convicted",
        f"{fmt.count(f('quilliam_offenders.hl14053').count)} people convicted, compiled by Quilliam",
        (Part("Asian", qa, ORANGE), Part("Black", qb, BLUE), Part("White", qw, SKY),
         Part("Unknown", qu, UNKNOWN, UNRECORDED)),
        STATUS_LABELS[f("quilliam_asian.hl14053").status],
        "A list compiled from press reports and other sources, not a sample of all offending."))
    return out



def study(package: Package, key: str) -> Composition:
    return next(c for c in compositions(package) if c.key == key)


# -- the studies set against the census: the same tests for every group ------------------------------
# The studies' cases date from 2005 to 2012, so the comparator is the 2011 census; CEOP and Quilliam
# counted cases across the UK, but the census tables used are for England and Wales (stated on the
# page). Groups are not people: only studies that count people are set against a population.
PEOPLE_STUDIES = ("ceop2011_suspects", "occ2012_perpetrators", "quilliam2017_convictions")
COMPARATOR_GROUPS = ("Asian", "Black", "White")
COMPARATOR_BANDS = (("all residents", pop.ALL_AGES), ("males aged 18 to 39", pop.Band("males", 18, 39)))


@dataclass(frozen=True)
class StudyComparison:
    """One group in one study against the census: its share of everyone counted (a floor, every
    unknown supposed outside the group), its share of those whose ethnicity is known (the unknowns
    supposed like the known), the ceiling (every unknown in it), the comparator shares, and, for
    each comparator, the ratio of shares under 'like the known' and the selection that would be
    needed to produce that share if the group were counted at its population share."""

    study: str
    group: str
    floor: float
    like_known: float
    ceiling: float
    comparators: tuple[tuple[str, float], ...]
    n_known: int = 0       # people of known ethnicity (on the smaller base where the base is disputed)

    @property
    def count_known(self) -> int:
        """The group's count among those of known ethnicity, rounded from the printed share."""
        return round(self.like_known * self.n_known)

    def known_interval(self, n_known: int | None = None) -> tuple[float, float]:
        """95% Wilson interval on the share of those known, each person independent: chance only.
        `n_known` puts another base in place of the study's (CEOP's base is disputed)."""
        n = n_known or self.n_known
        return stats.wilson_interval(round(self.like_known * n), n)

    def chance_excluded(self) -> bool:
        """Whether the interval excludes every comparator share (chance alone does not explain the
        difference from any of them)."""
        lo, hi = self.known_interval()
        return all(p < lo or p > hi for _, p in self.comparators)

    def ratios(self) -> tuple[tuple[str, float, float, float], ...]:
        """(comparator, ratio of shares at the floor, under 'like the known', at the ceiling)."""
        return tuple((name, self.floor / p, self.like_known / p, self.ceiling / p) for name, p in self.comparators)

    def selection_needed(self) -> tuple[tuple[str, float], ...]:
        """For each comparator: how many times as likely a member of the group would have to be to
        enter the study as anyone else, for its population share to become its share of those known.
        Below one for a group under its population share. It is (o/(1-o)) / (p/(1-p)) for the
        study's share o and the population's p: the ratio of a member's chance of being counted to
        anyone else's (a ratio of probabilities, not an odds ratio), the same number a relative rate
        against everyone else gives if the study were complete and unselected."""
        return tuple((name, comparisons.relative_rate(self.like_known, p)) for name, p in self.comparators)


def people_counted(package: Package, key: str) -> int:
    """How many people a study counted; for CEOP, whose base is disputed, the smaller base (the
    fully identified suspects), which gives the wider interval."""
    f = package.figure
    return {"ceop2011_suspects": min(f("ceop2011_identified.c4").count, f("ceop2011_potential_offenders.c4").count),
            "occ2012_perpetrators": f("occ_perpetrators.independent").count,
            "quilliam2017_convictions": f("quilliam_offenders.hl14053").count}[key]


def study_comparisons(package: Package) -> list[StudyComparison]:
    out = []
    for r in compositions(package):
        if r.key not in PEOPLE_STUDIES:
            continue
        known = 1 - r.unrecorded - r.undescribed
        for group in COMPARATOR_GROUPS:
            s = r.share(group)
            comparators = tuple((name, pop.share(package, 2011, pop.EW, group, band))
                                for name, band in COMPARATOR_BANDS)
            out.append(StudyComparison(r.label, group, s, s / known, s + r.unrecorded + r.undescribed,
                                       comparators, round(people_counted(package, r.key) * known)))
    return out


def selection_text(odds_ratio: float) -> str:
    """Selection in words, a ratio of the chances of being counted: above one, 'N times as likely';
    below, 'N times less likely'."""
    return comparisons.odds_ratio_words(odds_ratio) + " to be counted"
