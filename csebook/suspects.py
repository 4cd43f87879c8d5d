"""The published breakdowns of suspects by ethnicity, assembled from the data package: each with
its offence category, area, period and base, the share of suspects whose ethnicity was recorded
(as each source gives it, or none where none is published), and the census comparators that fit
it. Chapters and toolkit pages draw on these; none mixes categories, areas or bases.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import comparisons, fmt, stats
from . import population as pop
from .data import STATUS_LABELS, Package

pct = fmt.share


@dataclass(frozen=True)
class Coverage:
    """One published figure for the share of group-based suspects with ethnicity recorded."""

    label: str          # period and unit, in words
    recorded: float     # share with ethnicity recorded, 0..1
    printed: str        # as the source prints it
    source: str         # who published it, and the copy read
    status: str
    figure_id: str


COVERAGE_LIST = "after_2025_coverage"   # each published share recorded, its label the row's words (data/figure_lists.csv)
# Who published each, and the copy read, by member
COVERAGE_SOURCES = {
    "sky_explainer": "Sky News explainer",
    "telegraph_2023": "The Daily Telegraph",
    "khyber_2023": "Khyber News, rewriting agency copy",
    "khyber_2024q3": "Khyber News, rewriting agency copy",
    "sky_2024q3": "Sky News (same briefing)",
    "sun_2024": "The Sun (2024 police report)",
    "casey_sky": "Baroness Casey to Sky News",
    "pa_2025": "PA (its own sentence)",
}


def coverage_rows(package: Package) -> list[tuple[str, str, str]]:
    """The published shares recorded in the list's order: (figure row, label, who published it)."""
    out = []
    for member, rows in package.list_members(COVERAGE_LIST, COVERAGE_SOURCES, "csebook/suspects.py").items():
        if len(rows) > 1:
            raise rows[1].error("member", f"'{member}' is one published figure, but has {len(rows)} rows")
        if not rows[0].words:
            raise rows[0].error("words", "the label (period and unit, in words) is missing")
        out.append((rows[0].figure_id, rows[0].words, COVERAGE_SOURCES[member]))
    return out


def coverage_variants(package: Package) -> list[Coverage]:
    """Every published figure for the share of group-based suspects (or cases, or records) with
    ethnicity recorded. 'Two-thirds not recorded' becomes a third recorded, and says so."""
    f = package.figure
    out = []
    for fid, label, who in coverage_rows(package):
        r = f(fid)
        out.append(Coverage(label, r.value / 100, r.value_as_printed, who, r.status, fid))
    casey = f("perp_eth_not_recorded.casey")
    out.append(Coverage("2025 audit, perpetrators", 1 - casey.value / 100, f"{casey.value_as_printed} not recorded",
                        "National audit (as quoted)", casey.status, casey.figure_id))
    return out


@dataclass(frozen=True)
class Recording:
    """A share of suspects with ethnicity recorded that applies to a breakdown: as published for
    that category, or borrowed from the wider category (and labelled so)."""

    share: float
    label: str            # whose figure, in what unit
    published_for_category: bool


@dataclass(frozen=True)
class Comparator:
    """A census share set against a share of suspects: the census year, area, sex and age band,
    with the White share of the same residents (the reference group of a relative rate)."""

    label: str
    share: float
    census: int
    kind: str             # 'all ages', 'age band', 'sex and age band', 'as printed'
    white: float | None = None
    note: str = ""

    @property
    def short(self) -> str:
        """A few words for a chart's key: the band, marked * when estimated (the key explains *)."""
        words = {"all ages": "all ages", "aged 10 to 17": "aged 10 to 17", "males aged 18 to 39": "men 18 to 39",
                 "males aged 18 to 64": "men 18 to 64", "mix with males aged 18 to 64": "mix, men 18 to 64",
                 "mix with males aged 18 to 39": "mix, men 18 to 39"}.get(self.kind, self.kind)
        if self.label.startswith("City of"):
            words = "the city"
        return words + ("*" if "estimated" in self.note else "")


@dataclass(frozen=True)
class Series:
    """One group in one published breakdown, with what is needed to compare it."""

    key: str
    category: str
    area: str
    period: str
    group: str
    of_recorded: float               # the group's share of suspects whose ethnicity was recorded
    recordings: tuple[Recording, ...]
    comparators: tuple[Comparator, ...]
    status: str
    short: str
    white_of_recorded: float | None = None   # White share of the recorded in the same breakdown
    base_note: str = ""              # where the source leaves the base open
    counts: dict = field(default_factory=dict)   # recorded counts where published: group, everyone recorded
    # Where the source leaves the base open (all suspects, or those recorded): the printed share of
    # the other group printed beside this one. The share is then as printed, 'like the recorded'
    # gives it unchanged, and the bounds are those of the base 'all suspects' (the rest unrecorded or
    # in other groups); under the base 'recorded' no share recorded was published, so only the
    # break-even share recorded can be given (comparisons.break_even_recording).
    base_open_other: float | None = None

    @property
    def label(self) -> str:
        return f"{self.category}, {self.area}, {self.period}: {self.group}"

    @property
    def recording(self) -> Recording:
        """The recording share the widget uses: the first listed (the others are shown beside it)."""
        return self.recordings[0]

    @property
    def comparator(self) -> Comparator:
        """The all-ages comparator of the census closest in time (listed first)."""
        return self.comparators[0]


def _from_census(c) -> Comparator:
    return Comparator(c.label, c.share, c.census, c.kind, c.white, c.method)


def _national_comparators(package: Package, group: str, period: str = "2024") -> tuple[Comparator, ...]:
    """For national data of 2023 and 2024: the census closest in time (2021), all ages (as counted)
    and the sex and age bands population.comparators gives (aged 10 to 17, males 18 to 39 and 18 to
    64, and the mix weighted by the published share of suspects aged 10 to 17), each labelled with
    whether it was counted or estimated from the 2011 age and sex pattern."""
    return tuple(_from_census(c) for c in pop.comparators(package, group, pop.EW, period))


def _gm_comparators(package: Package, group: str) -> tuple[Comparator, ...]:
    out = [_from_census(c) for c in pop.comparators(package, group, pop.GREATER_MANCHESTER, "2025")]
    out.append(Comparator("City of Manchester, 2021, all ages", pop.share(package, 2021, pop.MANCHESTER, group),
                          2021, "all ages", pop.share(package, 2021, pop.MANCHESTER, "White"),
                          "one council area of the ten; the comparator the audit was reported to use"))
    return tuple(out)


def series(package: Package) -> list[Series]:
    f = package.figure
    v = lambda fid: f(fid).value / 100  # noqa: E731
    c23, c24, c24s = (v(k) for k in ("gbo_2023_eth_recorded.khyber", "gbo_2024q3_eth_recorded.khyber",
                                      "gbo_2024q3_eth_recorded.sky"))
    rec23 = Recording(c23, f"{pct(c23)} of suspects, as published for all group-based suspects (Khyber News, "
                           "rewriting agency copy; the Telegraph gives the same)", True)
    rec24 = Recording(c24, f"{pct(c24)} of suspects, as published for all group-based suspects (Khyber News, "
                           "rewriting agency copy)", True)
    rec24_sky = Recording(c24s, f"{pct(c24s)} of records, as Sky News reported the same briefing", True)
    borrowed = lambda r: Recording(r.share, "not published for this category; " + r.label.replace(  # noqa: E731
        ", as published for all group-based suspects", " for all group-based suspects") + ", borrowed", False)
    gbo = "All group-based offending"
    sub = "Outside families and institutions"
    ew, y23, y24 = "England and Wales", "2023", "Jan to Sep 2024"
    status = lambda fid: STATUS_LABELS[f(fid).status]  # noqa: E731
    out = [
        Series("gbo2023_asian", gbo, ew, y23, "Asian", v("gbo_2023_suspects_asian.telegraph"), (rec23,),
               _national_comparators(package, "Asian"), status("gbo_2023_suspects_asian.telegraph"),
               "Group-based, 2023", v("gbo_2023_suspects_white.telegraph")),
        Series("gbo2023_white", gbo, ew, y23, "White", v("gbo_2023_suspects_white.telegraph"), (rec23,),
               _national_comparators(package, "White"), status("gbo_2023_suspects_white.telegraph"),
               "Group-based, 2023", v("gbo_2023_suspects_white.telegraph"),
               counts={"group": f("gbo_2023_suspects_white_count.khyber").count}),
        Series("gbo2023_pakistani", gbo, ew, y23, "Pakistani", v("gbo_2023_suspects_pakistani.khyber"), (rec23,),
               _national_comparators(package, "Pakistani"), status("gbo_2023_suspects_pakistani.khyber"),
               "Group-based, 2023", v("gbo_2023_suspects_white.telegraph"),
               counts={"group": f("gbo_2023_suspects_pakistani_count.khyber").count}),
        Series("gbo2024_pakistani", gbo, ew, y24, "Pakistani", v("gbo_2024q3_suspects_pakistani.khyber"),
               (rec24, rec24_sky), _national_comparators(package, "Pakistani"),
               status("gbo_2024q3_suspects_pakistani.khyber"), "Group-based, Jan to Sep 2024",
               v("gbo_2024q3_suspects_white.khyber"),
               counts={"group": f("gbo_2024q3_suspects_pakistani_count.khyber").count}),
        Series("gbo2024_white", gbo, ew, y24, "White", v("gbo_2024q3_suspects_white.khyber"), (rec24, rec24_sky),
               _national_comparators(package, "White"), status("gbo_2024q3_suspects_white.khyber"),
               "Group-based, Jan to Sep 2024", v("gbo_2024q3_suspects_white.khyber"),
               counts={"group": f("gbo_2024q3_suspects_white_count.khyber").count}),
        Series("sub2023_pakistani", sub, ew, y23, "Pakistani", v("gbo_subset_2023_pakistani.sky"), (borrowed(rec23),),
               _national_comparators(package, "Pakistani"), status("gbo_subset_2023_pakistani.sky"),
               "Outside families and institutions, 2023", v("gbo_subset_2023_white.sky"),
               counts={"group": f("gbo_subset_2023_pakistani_count.khyber").count}),
        Series("sub2023_white", sub, ew, y23, "White", v("gbo_subset_2023_white.sky"), (borrowed(rec23),),
               _national_comparators(package, "White"), status("gbo_subset_2023_white.sky"),
               "Outside families and institutions, 2023", v("gbo_subset_2023_white.sky"),
               counts={"group": f("gbo_subset_2023_white_count.khyber").count}),
        Series("sub2024_pakistani", sub, ew, y24, "Pakistani", v("gbo_subset_2024q3_pakistani.sky"),
               (borrowed(rec24), borrowed(rec24_sky)), _national_comparators(package, "Pakistani"),
               status("gbo_subset_2024q3_pakistani.sky"), "Outside families and institutions, Jan to Sep 2024",
               f("gbo_subset_2024q3_white_count.khyber").count / f("gbo_subset_2024q3_pakistani_count.khyber").count
               * v("gbo_subset_2024q3_pakistani.sky"),
               counts={"group": f("gbo_subset_2024q3_pakistani_count.khyber").count}),
    ]
    gm = "Greater Manchester Police"
    mvmo = "Multi-victim, multi-offender exploitation"
    asian, white = v("gmp_mvmo_suspects_asian.guardian"), v("gmp_mvmo_suspects_white.guardian")
    given = asian + white
    csa_unknown = v("gmp_csa_suspects_unknown.guardian")
    rec_mvmo = Recording(given, f"{pct(given)} in the two groups printed; base not stated: the rest may be "
                                "unrecorded or other groups", False)
    note = (f"The source does not say whether {pct(asian)} is a share of all suspects or of those with ethnicity "
            f"recorded; the bounds under each base are shown beside the widget.")
    for group, share, other in (("Asian", asian, white), ("White", white, asian)):
        out.append(Series(f"gmp_mvmo_{group.lower()}", mvmo, gm, "three years", group, share, (rec_mvmo,),
                          _gm_comparators(package, group), status("gmp_mvmo_suspects_asian.guardian"),
                          "GMP exploitation cases", white, note, base_open_other=other))
    csa = "All child sexual abuse"
    rec_csa = Recording(1 - csa_unknown, f"{pct(1 - csa_unknown)} of suspects ({pct(csa_unknown)} unknown, published "
                                          "in the same base)", True)
    for group in ("Asian", "White"):
        share = v(f"gmp_csa_suspects_{group.lower()}.guardian")
        out.append(Series(f"gmp_csa_{group.lower()}", csa, gm, "three years", group, share / (1 - csa_unknown),
                          (rec_csa,), _gm_comparators(package, group), status("gmp_csa_suspects_asian.guardian"),
                          "GMP, all child sexual abuse",
                          v("gmp_csa_suspects_white.guardian") / (1 - csa_unknown)))
    return out


def series_by_key(package: Package) -> dict[str, Series]:
    return package.cached("series-by-key", lambda: {s.key: s for s in series(package)})


# -- assumptions about the unrecorded ---------------------------------------------------------------

ASSUMPTIONS = (("bounds", "any mix (the bounds)"), ("like", "like the recorded (missing completely at random)"),
               ("no_difference", "like the population (the no-difference assumption)"),
               ("line", "every share from none to all (the line)"))


def share_under(s: Series, assumption: str, recording: Recording | None = None) -> tuple[float, float]:
    """The group's share of all suspects under an assumption about the unrecorded, as (low, high);
    a point when low == high. 'line' gives the whole line, which is the bounds."""
    r = (recording or s.recording).share
    if s.base_open_other is not None:
        # the printed share, as a share of all suspects: the rest are unrecorded or in other groups
        rest = 1 - s.of_recorded - s.base_open_other
        if assumption in ("bounds", "line"):
            return s.of_recorded, s.of_recorded + rest
        if assumption == "like":
            return s.of_recorded, s.of_recorded
        if assumption == "no_difference":
            value = s.of_recorded + rest * s.comparator.share
            return value, value
    if assumption in ("bounds", "line"):
        return stats.share_bounds(r, s.of_recorded)
    if assumption == "like":
        return s.of_recorded, s.of_recorded
    if assumption == "no_difference":
        value = comparisons.no_difference(r, s.of_recorded, s.comparator.share)
        return value, value
    raise ValueError(f"unknown assumption {assumption!r}; choose one of {[a for a, _ in ASSUMPTIONS]}")


def white_under(s: Series, assumption: str, recording: Recording | None = None) -> tuple[float, float]:
    """The White share of all suspects in the same breakdown, under the same assumption, ordered to
    pair with share_under: when the group's share is at its lowest (no unrecorded suspect in it),
    White's is at its highest (every one White), and the other way round."""
    r = (recording or s.recording).share
    w = s.white_of_recorded
    if s.base_open_other is not None:
        rest = 1 - s.of_recorded - s.base_open_other
        if assumption in ("bounds", "line"):
            return w + rest, w
        if assumption == "like":
            return w, w
        value = w + rest * s.comparator.white
        return value, value
    if assumption in ("bounds", "line"):
        low, high = stats.share_bounds(r, w)
        return high, low
    if assumption == "like":
        return w, w
    value = comparisons.no_difference(r, w, s.comparator.white)
    return value, value


def measures(s: Series, comparator: Comparator, assumption: str,
             recording: Recording | None = None) -> dict[str, tuple[float, float]]:
    """The ratio of shares, and the relative rate against White residents (the group's suspects per
    resident over White suspects per White resident), for the range of shares an assumption allows.
    For the White group itself, the relative rate is against everyone else."""
    low, high = share_under(s, assumption, recording)
    if s.group == "White":
        rr = (comparisons.relative_rate(low, comparator.share), comparisons.relative_rate(high, comparator.share))
        rr_name = "relative rate against everyone else"
    else:
        w_low_pair, w_high_pair = white_under(s, assumption, recording)
        rr = (comparisons.relative_rate_against(low, comparator.share, w_low_pair, comparator.white),
              comparisons.relative_rate_against(high, comparator.share, w_high_pair, comparator.white))
        rr_name = "relative rate against White residents"
    return {"ratio of shares": (low / comparator.share, high / comparator.share), rr_name: rr}


def range_text(low: float, high: float, formatter=fmt.ratio) -> str:
    return formatter(low) if abs(high - low) < 1e-12 else f"{formatter(low)} to {formatter(high)}"
