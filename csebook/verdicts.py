"""Verdicts: the book's own judgements of numbers, checked like the numbers.

A verdict is a sentence (or part of one) in the book's own voice that states a relation between
numbers: above or below one, most, a majority, higher, lower, adds up to, a rise, under every
comparator, whatever the unrecorded. Each is either

* **computed**: the words are chosen from the numbers (`say` glues them, like a number; `pick`
  returns them, for a widget summary or alt text), or
* **declared**: the words stay in the chapter's prose and `verdict` names them with the condition
  under which they hold, beside the code that computes the numbers.

Either way the condition is evaluated when the chapter executes, and a verdict the numbers no
longer bear stops execution with a `VerdictError` naming the words, the condition and the numbers.
Each verdict is recorded in the executed notebook (a hidden glue record whose metadata carries the
condition and the numbers), so the snapshot lists every verdict with its condition and the prose
check (tests/test_verdicts.py) can tell a checked sentence from an unchecked one.

A condition is a Python expression over the numbers passed by name, with `abs`, `min`, `max`,
`all` and `any` available: `"familial / total > 0.5"`, `"all(low > 1 for low in lows)"`.
"""
from __future__ import annotations

import math
import re

# where a verdict's record keeps its condition and numbers, in its glue record's metadata (apart
# from csebook.glue.META, which holds the rows a number rests on)
META = "csebook_verdict"
# the verdicts checked while a widget state or chart was drawn (see `collecting`)
_SEEN: list[dict] | None = None

SAFE = {"abs": abs, "min": min, "max": max, "all": all, "any": any, "round": round, "len": len,
        "sum": sum, "isnan": math.isnan}

# Words that make a sentence a verdict when it is about numbers (the prose check looks for these).
VERDICT_WORDS = re.compile(
    r"\b(?:above one|below one|under one|over one|exceeds? one|reach(?:es)? one|"
    r"most\b(?! recent| often| common| widely| cited| quoted| of all,)|"
    r"majority|minority|mostly|higher|lower|add(?:s|ed)? up to|doubl(?:e|es|ed|ing)|"
    r"ris(?:e|es|en|ing)|rose|fell|falls?|falling|every comparator|whatever the|"
    r"close to|barely|hardly|over-represent\w*|under-represent\w*|disproportion\w*|outnumber\w*|"
    r"more than|fewer than|less than|larger than|smaller than|far above|far below|near(?:ly)? one|"
    r"parity|in line with)\b", re.I)


class VerdictError(AssertionError):
    """A verdict the numbers no longer bear: names the words, the condition and the numbers."""


def _number_text(value) -> str:
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_number_text(v) for v in value) + "]"
    return str(value)


def holds(condition: str, numbers: dict) -> bool:
    """Evaluate a condition over the numbers (nothing else is in scope)."""
    try:
        result = eval(compile(condition, "<verdict condition>", "eval"), {"__builtins__": {}, **SAFE}, dict(numbers))
    except NameError as e:
        raise VerdictError(f"the condition {condition!r} uses a name not passed to it: {e}") from None
    if not isinstance(result, (bool,)) and type(result).__name__ != "bool_":
        raise VerdictError(f"the condition {condition!r} must be true or false, not {result!r}")
    return bool(result)


def describe(condition: str, numbers: dict) -> str:
    """'condition, with a = 1, b = 2': the condition and the numbers it was checked on."""
    given = ", ".join(f"{k} = {_number_text(v)}" for k, v in numbers.items())
    return f"{condition}, with {given}" if given else condition


def check(words: str, condition: str, numbers: dict, key: str = "") -> dict:
    """Check one verdict; return its record, or raise VerdictError."""
    if not words.strip():
        raise VerdictError(f"verdict {key!r}: no words given")
    if not holds(condition, numbers):
        raise VerdictError(f"the numbers no longer bear the verdict {key + ': ' if key else ''}\u201c{words}\u201d: "
                           f"it needs {describe(condition, numbers)}")
    record = {"key": key, "words": words, "condition": condition,
              "numbers": {k: _number_text(v) for k, v in numbers.items()}}
    if _SEEN is not None:
        _SEEN.append(record)
    return record


class collecting:
    """Gather the verdicts checked while a widget state (or a chart) is drawn:
    `with collecting() as seen: ...`; `seen` is then the list of their records."""

    def __enter__(self) -> list[dict]:
        global _SEEN
        self._outer = _SEEN
        _SEEN = []
        return _SEEN

    def __exit__(self, *exc) -> None:
        global _SEEN
        inner = _SEEN
        _SEEN = self._outer
        if _SEEN is not None and inner:
            _SEEN.extend(inner)


def _choose(cases: list[tuple[str, str]], numbers: dict) -> dict:
    for condition, words in cases:
        if holds(condition, numbers):
            return check(words, condition, numbers)
    raise VerdictError("no wording fits the numbers: " + describe("; ".join(c for c, _ in cases), numbers))


def pick(cases: list[tuple[str, str]], **numbers) -> str:
    """The words of the first case whose condition holds: cases are (condition, words). The
    conditions should between them cover every value; if none holds, VerdictError."""
    return _choose(cases, numbers)["words"]


def _record(key: str, record: dict, glue_words: bool) -> None:
    from IPython.display import display

    from .glue import glue_bundle

    data, metadata = glue_bundle(key, record["words"])
    metadata[META] = {**{k: record[k] for k in ("words", "condition", "numbers")}, "computed": glue_words}
    display(data, raw=True, metadata=metadata)


def verdict(key: str, words: str, condition: str, **numbers) -> None:
    """Declare a verdict whose words stand in the chapter's prose (or a caption or alt text of this
    page): they hold while `condition` is true of `numbers`. Execution stops if not."""
    _record(key, check(words, condition, numbers, key), glue_words=False)


def say(key: str, cases: list[tuple[str, str]], **numbers) -> None:
    """A computed verdict: glue (under `key`) the words of the first case whose condition holds,
    for the prose to paste with {glue:text}`key`."""
    record = _choose(cases, numbers)
    _record(key, {**record, "key": key}, glue_words=True)


# -- reading verdicts back from an executed notebook (the snapshot, the prose check) ---------------
def verdict_records(nb) -> dict[str, dict]:
    """key -> {"words", "condition", "numbers", "computed"} for every verdict a notebook recorded."""
    from .glue import glue_outputs

    return {name: dict(out["metadata"][META]) for name, out in glue_outputs(nb)
            if isinstance(out["metadata"].get(META), dict)}


def snapshot_lines(records: dict[str, dict]) -> list[str]:
    """One line for each verdict, and one for its condition: 'verdict KEY: words' and
    'verdict KEY holds: condition, with a = 1'."""
    lines = []
    for key in sorted(records):
        r = records[key]
        lines.append(f"verdict {key}: {r['words']}")
        lines.append(f"verdict {key} holds: {describe(r['condition'], r['numbers'])}")
    return lines


# -- finding the sentences that judge numbers (the prose check) ------------------------------------
_FENCE = re.compile(r"^(`{3,}|:{3,}).*?$", re.M)
_LINK = re.compile(r"\]\([^)]*\)|https?://\S+")
_ROLE = re.compile(r"\{(?:numref|ref|doc|term|download)\}`([^`<]*?)(?:\s*<[^>]*>)?`")


def sentences(text: str) -> list[str]:
    """The sentences of a piece of Markdown prose, with code blocks, directive fences and option
    lines, labels and link targets taken out; glue roles are kept (they say what is computed)."""
    text = re.sub(r"```[^\n]*\n.*?\n```", " ", text, flags=re.S)             # code blocks
    text = re.sub(r"^\s*:[a-z-]+:.*$", " ", text, flags=re.M)               # directive options
    text = _FENCE.sub(" ", text)
    text = re.sub(r"^\([A-Za-z0-9_-]+\)=\s*$", " ", text, flags=re.M)      # labels
    text = _LINK.sub("]", text)
    text = _ROLE.sub(lambda m: m.group(1), text)
    return [s for paragraph in re.split(r"\n\s*\n|\n(?=#)|(?<=\n)(?=[-*] )", text) for s in _split(paragraph)]


def _split(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text)
    # a quotation is never split: its sentences are another's, kept whole in ours
    quotes: list[str] = []

    def hold(m):
        quotes.append(m.group(0))
        return f"\x00{len(quotes) - 1}\x00"

    text = _QUOTED.sub(hold, text)
    parts = re.split(r"(?<=[.!?:;])\s+(?=[A-Z*\x00(\-])|\s+-\s+|\s*\|\s*", text)
    restore = re.compile(r"\x00(\d+)\x00")
    return [restore.sub(lambda m: quotes[int(m.group(1))], p).strip() for p in parts if p.strip()]


_QUOTED = re.compile(r"\"[^\"]*\"|“[^”]*”")
# not verdicts: a definition ("more than one person") and a quoted phrase's own words
_NOT_VERDICTS = re.compile(r"more than one (?:person|offender|perpetrator)|most recent|minority ethnic|at most|"
                           r"f(?:e|a)ll(?:s)? (?:into|within|under|outside)", re.I)


def judges(sentence: str) -> bool:
    """Whether a sentence holds a verdict word in the book's own words: outside glued values and
    outside quotations (another's words, attributed)."""
    from .glue import GLUE_ROLE

    own = _NOT_VERDICTS.sub(" ", _QUOTED.sub(" ", GLUE_ROLE.sub(" ", sentence)))
    return bool(VERDICT_WORDS.search(own))


def normal(text: str) -> str:
    """Text compared without case, emphasis or spacing differences."""
    return re.sub(r"\s+", " ", re.sub(r"[*_]", "", text)).strip().lower()


def covered(sentence: str, records: dict[str, dict]) -> str | None:
    """How a sentence that judges numbers is checked: 'computed KEY' (it pastes a computed verdict),
    'declared KEY' (its words are a declared verdict's), or None."""
    from .glue import GLUE_ROLE

    for m in GLUE_ROLE.finditer(sentence):
        key = m.group(1).split(":")[0]
        if key in records and records[key].get("computed"):
            return f"computed {key}"
    plain = normal(sentence)
    for key, r in records.items():
        if not r.get("computed") and normal(r["words"]) in plain:
            return f"declared {key}"
    return None
