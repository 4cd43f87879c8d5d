"""Load the data package, validating it on every load.

Schema rules (types, required fields, allowed values, unique ids, foreign keys) come from
data/datapackage.json and are checked with the frictionless library. The book's own
consistency rules are checked here:

* a figure's value_as_printed appears, word for word, in its quote;
* the number in value_as_printed equals value (where the printed form has digits);
* a part never exceeds the total it is part of, and shares its unit;
* a percentage lies between 0 and 100;
* a percentage with a numerator and a denominator agrees with them to the precision printed
  (26% must lie within 0.5 of 100 x numerator / denominator; 3.7% within 0.05);
* a list of figures (figure_lists.csv) numbers its rows 1, 2, 3 ... in file order, names a figure
  once, and a member's part once.

Any failure raises DataError naming the file, the row, the column and the rule.
Rows are counted as in a spreadsheet: the header is line 1, the first data row is row 2.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .paths import data_dir


class DataError(ValueError):
    """Bad input in the data package. The message names file, row, column and rule."""

    def __init__(self, file: str, row: int | None, column: str | None, rule: str):
        self.file, self.row, self.column, self.rule = file, row, column, rule
        where = [file]
        if row is not None:
            where.append(f"row {row}")
        if column:
            where.append(f"column '{column}'")
        super().__init__(f"{', '.join(where)}: {rule}")


@dataclass(frozen=True)
class Figure:
    """One figure from one source, with its provenance."""

    figure_id: str
    statistic: str
    value: float
    value_as_printed: str
    precision: str
    unit: str
    period: str
    geography: str
    part_of: str
    numerator: str
    denominator: str
    source_id: str
    location: str
    quote: str
    status: str
    checked_on: str
    check_note: str

    @property
    def count(self) -> int:
        """The value as a whole number (for counts)."""
        if float(self.value) != int(self.value):
            raise ValueError(f"{self.figure_id} is not a whole number: {self.value}")
        return int(self.value)


@dataclass(frozen=True)
class ListRow:
    """One row of a list of figures (data/figure_lists.csv): the figure, the member of the chapter's
    table it belongs to, what it is to that member, and the words the chapter shows for it. Its facts
    (value, unit, period, status) are the figure row's: look it up with Package.figure."""

    list_id: str
    position: int
    member: str
    part: str
    words: str
    figure_id: str
    row: int              # its row in data/figure_lists.csv, for errors

    def error(self, column: str, rule: str) -> "DataError":
        """An error about this row, naming the file, the row and the column."""
        return DataError(FIGURE_LISTS, self.row, column, rule)


def by_part(member: str, rows: tuple[ListRow, ...], parts: tuple[str, ...]) -> dict[str, ListRow]:
    """A member's rows by their part, when the member has exactly these parts, each with the words the
    chapter shows for it; else an error naming the row (an unknown part or missing words) or the
    member's first row (a part missing)."""
    out = {}
    for r in rows:
        if r.part not in parts:
            raise r.error("part", f"'{r.part}': the rows of '{member}' are its " + " and its ".join(map(repr, parts)))
        if not r.words:
            raise r.error("words", "the words the chapter shows for the row are missing")
        out[r.part] = r
    for part in parts:
        if part not in out:
            raise rows[0].error("part", f"'{member}' has no row for its {part}")
    return out


FIGURE_LISTS = "data/figure_lists.csv"
LIST_COLUMNS = ["list_id", "position", "member", "part", "words", "figure_id"]


STATUS_LABELS = {
    "read-primary": "read in the primary document",
    "read-official-copy": "read in an official copy",
    "secondary": "seen only in secondary reporting",
}

# A copy of an official record that a third party publishes (Hansard or a written answer on
# Parallel Parliament, a press release on WiredGov): the pages say so, naming the site
# (sources.csv copy_site), wherever such a source or a figure read in it is shown.
THIRD_PARTY_COPY = "read in a third-party copy of the official record"


def copy_site(source) -> str:
    """The third-party site a source's copy was read on ('' for the publisher's own page or an
    official copy); `source` is a row of the sources table, as a Series or a named tuple."""
    return getattr(source, "copy_site", "") or ""


def copy_words(source) -> str:
    """'read in a third-party copy of the official record at Parallel Parliament', or ''."""
    site = copy_site(source)
    return f"{THIRD_PARTY_COPY} at {site}" if site else ""


def status_label(figure: "Figure", package: "Package") -> str:
    """A figure's check status in words: STATUS_LABELS, except that a figure read in a third-party
    copy of an official record says so and names the site (it keeps its status, and its mark)."""
    site = copy_site(package.source(figure.source_id))
    if not site:
        return STATUS_LABELS[figure.status]
    if figure.status == "read-official-copy":
        return f"{THIRD_PARTY_COPY} ({site})"
    return f"{STATUS_LABELS[figure.status]} ({THIRD_PARTY_COPY} at {site}, not accepted as an official copy)"


_WORD_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                 "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
                 "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
                 "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
                 "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_MULTIPLIERS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}


def printed_number(printed: str) -> float | None:
    """The number a printed figure states: '115,489' -> 115489, 'around 4000' -> 4000,
    '3.1 million' -> 3100000, 'Sixty-seven percent' -> 67. None if it states no number."""
    text = printed.lower().replace(",", "")
    one_in = re.search(r"\b1 in (\d+)\b", text)
    if one_in:
        return float(one_in.group(1))  # '1 in 6 girls' states N = 6
    if re.search(r"\b(half|third|thirds|quarter|quarters)\b", text):
        return None  # a fraction in words ('two-thirds'): no single number to compare
    m = re.search(r"\d+(?:\.\d+)?", text)
    if m:
        number = float(m.group(0))
    else:
        words = re.findall(r"[a-z]+", text)
        tens = [w for w in words if w in _WORD_NUMBERS]
        if not tens:
            return None
        number = float(sum(_WORD_NUMBERS[w] for w in tens))
    for word, factor in _MULTIPLIERS.items():
        if re.search(rf"\b{word}\b", text):
            number *= factor
    return number


def decimals(printed: str) -> int:
    """How many decimal places a printed figure shows: '26%' -> 0, '3.7 per cent' -> 1."""
    m = re.search(r"\d+(?:\.(\d+))?", printed.replace(",", ""))
    return len(m.group(1)) if m and m.group(1) else 0


# Every lookup of a figure row or census table, in order, since the last glued number took them:
# csebook.glue credits a glued number with the rows looked up just before it (see glue.take_trail).
TRAIL: list[tuple[str, str]] = []
_CURRENT: list = [None]


def current_package() -> "Package | None":
    """The package loaded last in this process (a chapter loads one)."""
    return _CURRENT[0]


class Package:
    """The validated data package: tables as DataFrames, figures by id."""

    def __init__(self, root: Path, tables: dict[str, pd.DataFrame]):
        self.root = root
        self.sources = tables["sources"]
        self.figures = tables["figures"]
        self.searches = tables["searches"]
        self.recommendations = tables["recommendations"]
        self.glossary = tables["glossary"]
        self.claims = tables["claims"]
        self.population = tables["population"]
        self.changes = tables["changes"]
        self.revisions = tables.get("revisions", pd.DataFrame(columns=["edition", "page", "what", "before", "after",
                                                                      "reason"]))
        self.figure_lists = tables.get("figure_lists", pd.DataFrame(columns=LIST_COLUMNS))
        self._used: dict[str, None] = {}   # figures looked up, in order: what the page's numbers rest on
        _CURRENT[0] = self
        self._figure_by_id = {
            row.figure_id: Figure(**{k: ("" if pd.isna(v) else v) for k, v in row._asdict().items() if k != "Index"})
            for row in self.figures.itertuples()
        }

    def figure(self, figure_id: str) -> Figure:
        try:
            figure = self._figure_by_id[figure_id]
        except KeyError:
            raise KeyError(f"no figure '{figure_id}' in {self.root / 'figures.csv'}") from None
        self._used.setdefault(figure_id)
        TRAIL.append(("figure", figure_id))
        return figure

    def figure_quietly(self, figure_id: str) -> Figure:
        """A figure row, without recording the lookup (for the book's own bookkeeping)."""
        return self._figure_by_id[figure_id]

    def figure_list(self, list_id: str) -> tuple[ListRow, ...]:
        """The rows of one list of figures (data/figure_lists.csv), in order. Looks up no figure: the
        chapter looks up each row's figure itself, in the order its numbers rest on them."""
        def make():
            frame = self.figure_lists[self.figure_lists.list_id == list_id]
            return tuple(ListRow(r.list_id, int(r.position), r.member, r.part, r.words, r.figure_id, int(number))
                         for number, r in zip(frame.index, frame.itertuples()))
        rows = self.cached(f"figure_list:{list_id}", make)
        if not rows:
            raise DataError(FIGURE_LISTS, None, "list_id", f"no list '{list_id}': a chapter asks for it")
        return rows

    def list_members(self, list_id: str, described: dict | None = None,
                     where: str = "") -> dict[str, tuple[ListRow, ...]]:
        """A list's rows by member, members in the order they first appear. With `described` (the
        chapter's own words, keyed by member, in the module `where`), every member must have words
        and every key of the words must be a member."""
        out: dict[str, list[ListRow]] = {}
        for r in self.figure_list(list_id):
            out.setdefault(r.member, []).append(r)
        if described is not None:
            for member, rows in out.items():
                if member not in described:
                    raise rows[0].error("member", f"no words for '{member}' in {where}")
            extra = [m for m in described if m not in out]
            if extra:
                raise DataError(FIGURE_LISTS, None, "member",
                                f"list '{list_id}' has no rows for {extra}, which {where} describes")
        return {m: tuple(rows) for m, rows in out.items()}

    def cached(self, key: str, make):
        """A value computed once from this package (the package is read-only once loaded)."""
        cache = self.__dict__.setdefault("_cache", {})
        if key not in cache:
            cache[key] = make()
        return cache[key]

    def used(self) -> list[str]:
        """Every figure looked up since the package was loaded, in the order first looked up: a page's
        table of sources is built from this, so it lists exactly the rows its numbers rest on."""
        return list(self._used)

    def source(self, source_id: str) -> pd.Series:
        match = self.sources[self.sources.source_id == source_id]
        if match.empty:
            raise KeyError(f"no source '{source_id}' in {self.root / 'sources.csv'}")
        return match.iloc[0]


def _schema_errors(descriptor_path: Path) -> None:
    """Validate types, required fields, enums, uniqueness and foreign keys with frictionless."""
    from frictionless import Package as FrictionlessPackage

    report = FrictionlessPackage(str(descriptor_path)).validate()
    if report.valid:
        return
    for task in report.tasks:
        for error in task.errors:
            file = f"data/{Path(task.place).name}" if task.place else "data/datapackage.json"
            row = getattr(error, "row_number", None)
            column = getattr(error, "field_name", None)
            if error.type == "foreign-key":
                column = ", ".join(getattr(error, "field_names", []) or []) or column
            raise DataError(file, row, column, f"{error.title} ({error.type}): {error.note}")


def _check_header(root: Path, resource: dict) -> None:
    """Columns are matched by name, so a missing or misspelt column is reported as itself."""
    import csv

    file = f"data/{resource['path']}"
    with (root / resource["path"]).open(newline="") as f:
        header = next(csv.reader(f), [])
    expected = [field["name"] for field in resource["schema"]["fields"]]
    for name in expected:
        if name not in header:
            raise DataError(file, 1, name, "a column the schema requires is missing from the header")
    for name in header:
        if name not in expected:
            raise DataError(file, 1, name, "a column the schema does not declare")
    if header != expected:
        raise DataError(file, 1, None, f"columns must be in the schema's order: {', '.join(expected)}")


def _read_tables(root: Path, descriptor: dict) -> dict[str, pd.DataFrame]:
    tables = {}
    for resource in descriptor["resources"]:
        path = root / resource["path"]
        types = {f["name"]: ("float64" if f["type"] == "number" else "Int64" if f["type"] == "integer" else "string")
                 for f in resource["schema"]["fields"]}
        frame = pd.read_csv(path, dtype={k: v for k, v in types.items()}, keep_default_na=False,
                            na_values={k: [""] for k, v in types.items() if v in ("float64", "Int64")})
        frame.index = frame.index + 2  # spreadsheet rows: header is row 1
        tables[resource["name"]] = frame
    return tables


def _recommendation_errors(recommendations: pd.DataFrame) -> None:
    file = "data/recommendations.csv"
    for row_number, row in recommendations.iterrows():
        if row.response:
            for column in ("response_date", "response_source_id", "response_quote", "response_status"):
                if not row[column]:
                    raise DataError(file, row_number, column, "a response needs its date, source, quote and status")
    for report, group in recommendations.groupby("report_id"):
        numbers = sorted(int(n) for n in group.number)
        if numbers != list(range(1, len(numbers) + 1)):
            raise DataError(file, int(group.index[0]), "number",
                            f"recommendations of {report} must be numbered 1 to {len(numbers)}, found {numbers}")


def _claim_errors(claims: pd.DataFrame) -> None:
    """Our own words about a claim carry no numbers but years: every number the checker shows is computed
    from the figures the claim links to, so it cannot drift from them."""
    for row_number, row in claims.iterrows():
        for column in ("claim", "denominator", "sample", "category", "supports", "counter_note"):
            if re.search(r"\d", re.sub(r"\b(?:19|20)\d\d\b", "", row[column])):   # years are allowed
                raise DataError("data/claims.csv", row_number, column,
                                "no numbers in the claim's text: link a figure instead")


def _figure_list_errors(lists: pd.DataFrame) -> None:
    """Each list numbers its rows 1, 2, 3 ... in the order of the file, holds a figure once, and a
    member's named part once (schema rules, checked by frictionless, cover required cells and
    figure ids that figures.csv does not hold)."""
    seen: dict[tuple, int] = {}
    count: dict[str, int] = {}
    for row_number, row in lists.iterrows():
        count[row.list_id] = count.get(row.list_id, 0) + 1
        if row.position != count[row.list_id]:
            raise DataError(FIGURE_LISTS, row_number, "position",
                            f"row {count[row.list_id]} of list '{row.list_id}' has position {row.position}: "
                            "a list's rows are numbered 1, 2, 3 ... in the order of the file")
        keys = [("figure_id", (row.list_id, row.figure_id), f"figure '{row.figure_id}'")]
        if row.part:
            keys.append(("part", (row.list_id, row.member, row.part), f"'{row.part}' of '{row.member}'"))
        for column, key, what in keys:
            if key in seen:
                raise DataError(FIGURE_LISTS, row_number, column,
                                f"a duplicate: list '{row.list_id}' already has {what} (row {seen[key]})")
            seen[key] = row_number


def _population_errors(population: pd.DataFrame) -> None:
    """Within one census, area, sex and age band, no group's count exceeds the count of all
    residents; an age band ends at or after it starts."""
    file = "data/population.csv"
    backwards = population.age_to.notna() & (population.age_to < population.age_from)
    if backwards.any():
        row_number = backwards[backwards].index[0]
        row = population.loc[row_number]
        raise DataError(file, row_number, "age_to", f"the band ends ({row.age_to}) before it starts ({row.age_from})")
    keys = ["census", "area_code", "sex", "age_from", "age_to"]
    cells = population.fillna({"age_to": -1})
    totals = cells[cells.ethnic_group == "All"].groupby(keys)["count"].first().rename("all_residents")
    groups = cells[cells.ethnic_group != "All"].join(totals, on=keys)
    over = groups[groups["count"] > groups.all_residents]
    if not over.empty:
        row_number = over.index[0]
        row = over.loc[row_number]
        raise DataError(file, row_number, "count", f"{row.ethnic_group} ({row['count']:,}) exceeds all "
                        f"residents ({int(row.all_residents):,}) in the same band")


def _change_errors(changes: pd.DataFrame, figures: pd.DataFrame) -> None:
    """The log of changes agrees with the figures: an added or changed row exists, a removed one does
    not, and every row checked after the first check date has an entry saying what changed."""
    file = "data/changes.csv"
    ids = set(figures.figure_id)
    for row_number, row in changes.iterrows():
        if (row.change == "removed") == (row.figure_id in ids):
            raise DataError(file, row_number, "figure_id",
                            f"'{row.figure_id}' is {'still' if row.figure_id in ids else 'not'} in figures.csv "
                            f"but the change is '{row.change}'")
    first = figures.checked_on.min()
    logged = set(changes.figure_id)
    for row_number, row in figures.iterrows():
        if row.checked_on > first and row.figure_id not in logged:
            raise DataError("data/figures.csv", row_number, "checked_on",
                            f"'{row.figure_id}' was checked after {first} but data/changes.csv does not say what changed")


ADDRESS = re.compile(r"https?://[^/\s]+\S*")


def _source_errors(sources: pd.DataFrame) -> None:
    """A source's addresses are addresses: the page read (url), and the publisher's own where known,
    each a whole web address with nothing else in the cell (a note such as '(UIN 209019)' after a
    site's front page is not an address a reader can follow)."""
    for row_number, row in sources.iterrows():
        if row.copy_site and row.publisher_url == row.url:
            raise DataError("data/sources.csv", row_number, "publisher_url",
                            "a third-party copy's publisher address must be the publisher's own, not the copy's")
        for column in ("url", "publisher_url"):
            if row[column] and not ADDRESS.fullmatch(row[column]):
                raise DataError("data/sources.csv", row_number, column,
                                f"not a web address on its own ({row[column]!r}): give the page's address, "
                                "and say in read_note what it is")


def _copy_errors(tables: dict[str, pd.DataFrame]) -> None:
    """A figure or census cell read in a third-party copy (its source has a copy_site) was not read
    in the primary document: its status says at most 'read in an official copy' (the mark ◐)."""
    copies = set(tables["sources"].source_id[tables["sources"].copy_site != ""])
    for name in ("figures", "population"):
        frame = tables[name]
        wrong = frame[frame.source_id.isin(copies) & (frame.status == "read-primary")]
        if len(wrong):
            raise DataError(f"data/{name}.csv", int(wrong.index[0]), "status",
                            f"read in a third-party copy ({wrong.iloc[0].source_id}), so not 'read-primary'")


def _revision_errors(revisions: pd.DataFrame, root: Path) -> None:
    """Each revision names a page of the book that exists (book/<page>.md beside data/)."""
    book = root.parent / "book"
    if not book.is_dir():
        return                      # the data package on its own: no pages to check against
    for row_number, row in revisions.iterrows():
        if not (book / f"{row.page}.md").exists():
            raise DataError("data/revisions.csv", row_number, "page", f"no page book/{row.page}.md")


def quotes_disagree(a: str, b: str, min_words: int = 8) -> bool:
    """Whether two quotations of one passage disagree where they overlap: they share a run of at
    least `min_words` words, and, once the words only one of them quotes at either end are set
    aside, some word differs. Different-length excerpts of one sentence agree."""
    import difflib

    wa, wb = a.split(), b.split()
    m = difflib.SequenceMatcher(None, wa, wb, autojunk=False)
    if not any(block.size >= min_words for block in m.get_matching_blocks()):
        return False
    ops = m.get_opcodes()
    while ops and ops[0][0] in ("insert", "delete"):
        ops = ops[1:]
    while ops and ops[-1][0] in ("insert", "delete"):
        ops = ops[:-1]
    return any(tag != "equal" for tag, *_ in ops)


def _quote_overlap_errors(figures: pd.DataFrame) -> None:
    """Rows quoting the same place in the same source agree word for word where their quotes
    overlap: one sentence quoted in several rows cannot carry the old number in some of them."""
    file = "data/figures.csv"
    for _, group in figures.groupby(["source_id", "location"]):
        rows = list(group.iterrows())
        for i, (n1, r1) in enumerate(rows):
            for n2, r2 in rows[i + 1:]:
                if r1.quote != r2.quote and quotes_disagree(r1.quote, r2.quote):
                    raise DataError(file, n2, "quote", f"'{r2.figure_id}' and '{r1.figure_id}' (row {n1}) quote the "
                                    f"same place in '{r1.source_id}' but differ where their quotes overlap")


def _consistency_errors(tables: dict[str, pd.DataFrame]) -> None:
    _source_errors(tables["sources"])
    _quote_overlap_errors(tables["figures"])
    _copy_errors(tables)
    _recommendation_errors(tables["recommendations"])
    _change_errors(tables["changes"], tables["figures"])
    _claim_errors(tables["claims"])
    _figure_list_errors(tables["figure_lists"])
    _population_errors(tables["population"])
    figures = tables["figures"]
    file = "data/figures.csv"
    by_id = figures.set_index("figure_id")
    for row_number, row in figures.iterrows():
        if row.value_as_printed not in row.quote:
            raise DataError(file, row_number, "quote",
                            f"the quote does not contain the value as printed ({row.value_as_printed!r})")
        stated = printed_number(row.value_as_printed)
        if stated is not None and abs(stated - row.value) > 1e-9 * max(1.0, abs(stated)):
            raise DataError(file, row_number, "value",
                            f"value {row.value:g} differs from the printed figure {row.value_as_printed!r} ({stated:g})")
        if row.unit.startswith("percent") and not 0 <= row.value <= 100:
            raise DataError(file, row_number, "value", f"a percentage must lie between 0 and 100, not {row.value:g}")
        if row.numerator or row.denominator:
            if not (row.numerator and row.denominator) or not row.unit.startswith("percent"):
                raise DataError(file, row_number, "numerator" if not row.numerator else "denominator",
                                "a percentage needs both a numerator and a denominator, and only a percentage has them")
            num, den = by_id.loc[row.numerator].value, by_id.loc[row.denominator].value
            computed = 100 * num / den
            tolerance = 0.5 * 10 ** -decimals(row.value_as_printed) + 1e-9
            if abs(computed - row.value) > tolerance:
                raise DataError(file, row_number, "value",
                                f"the percentage {row.value:g} disagrees with its counts: {num:g} / {den:g} "
                                f"= {computed:.3f}% ({row.numerator} / {row.denominator})")
        if row.part_of:
            total = by_id.loc[row.part_of]
            if total.unit != row.unit:
                raise DataError(file, row_number, "part_of",
                                f"part and total have different units ({row.unit!r} in {row.figure_id}, "
                                f"{total.unit!r} in {row.part_of})")
            if row.value > total.value:
                raise DataError(file, row_number, "value",
                                f"a part ({row.figure_id} = {row.value:g}) exceeds its total "
                                f"({row.part_of} = {total.value:g})")


def _content_hash(root: Path, descriptor: dict) -> str:
    import hashlib

    h = hashlib.sha256((root / "datapackage.json").read_bytes())
    for resource in descriptor["resources"]:
        h.update((root / resource["path"]).read_bytes())
    return h.hexdigest()


def _validated_marker(root: Path, digest: str) -> Path:
    """Where a successful schema validation of these exact bytes is remembered: under _build/
    beside the data (never committed), so a fresh clone always validates once in full."""
    return root.parent / "_build" / ".data-validated" / digest


def load_package(root: Path | str | None = None, *, revalidate: bool = False) -> Package:
    """Load and validate the data package in `root` (default: the repository's data/).

    The schema check (frictionless) is the slow part; when the same bytes have already passed it,
    it is not repeated unless `revalidate` is set (the tests always set it). The book's own
    consistency rules run on every load."""
    root = Path(root) if root is not None else data_dir()
    descriptor_path = root / "datapackage.json"
    if not descriptor_path.exists():
        raise DataError(str(descriptor_path), None, None, "the data package descriptor is missing")
    try:
        descriptor = json.loads(descriptor_path.read_text())
    except json.JSONDecodeError as exc:
        raise DataError(str(descriptor_path), exc.lineno, None, f"not valid JSON: {exc.msg}") from None
    for resource in descriptor["resources"]:
        if not (root / resource["path"]).exists():
            raise DataError(f"data/{resource['path']}", None, None,
                            f"the file named by resource '{resource['name']}' is missing")
    for resource in descriptor["resources"]:
        _check_header(root, resource)
    marker = _validated_marker(root, _content_hash(root, descriptor))
    if revalidate or not marker.exists():
        _schema_errors(descriptor_path)
        try:
            marker.parent.mkdir(parents=True, exist_ok=True)
            marker.touch()
        except OSError:
            pass  # a read-only checkout simply validates every time
    tables = _read_tables(root, descriptor)
    _consistency_errors(tables)
    _revision_errors(tables["revisions"], root)
    return Package(root, tables)
