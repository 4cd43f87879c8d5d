"""Widgets that respond without a kernel.

One pure function draws every state: `render(**state) -> View` (a Chart plus a one-line
summary). StaticWidget takes that function and a small finite grid of control values and
produces two renderings of the same thing:

* live: an ipywidgets view (JupyterLab) that calls `render` on the kernel;
* static: self-contained HTML with native, labelled controls (select, radio buttons) that
  switch between states precomputed over the whole grid (each an inline SVG chart with its
  alt text and summary); a small script in _static/csebook-widgets.js wires them up. No
  kernel, no network.

The display bundle carries both; the book's html builder drops the ipywidgets view and shows
the static one (nb_mime_priority_overrides in _config.yml).

A chapter's views take the data package first: `StaticWidget.bound(view, package, controls, ...)`
binds it once and passes each control's value by the keyword the control is named after.
"""
from __future__ import annotations

import functools
import hashlib
import html
import inspect
import itertools
import json
from dataclasses import dataclass
from typing import Callable

from .charts import Chart

MAX_STATES = 60


@dataclass(frozen=True)
class Control:
    """One control: a name (the render function's keyword), a visible label, and options as
    (value, label) pairs. kind is 'radio' (few options) or 'select'."""

    name: str
    label: str
    options: tuple[tuple[str, str], ...]
    kind: str = "radio"

    def __post_init__(self):
        if not self.options:
            raise ValueError(f"control '{self.name}' has no options")
        if self.kind not in ("radio", "select"):
            raise ValueError(f"control '{self.name}': kind must be 'radio' or 'select', not {self.kind!r}")
        values = [v for v, _ in self.options]
        if len(set(values)) != len(values):
            raise ValueError(f"control '{self.name}' repeats an option value")


@dataclass
class View:
    chart: Chart
    summary: str


@dataclass(frozen=True)
class RenderedState:
    state: dict
    svg: str
    alt: str
    summary: str
    verdicts: tuple = ()       # the verdicts (csebook.verdicts) checked while the state was drawn


class StaticWidget:
    def __init__(self, render: Callable[..., View], controls: list[Control], *, title: str,
                 default: dict | None = None, max_states: int = MAX_STATES):
        if not controls:
            raise ValueError(f"widget '{title}' has no controls: a grid with no states")
        self.render = render
        self.controls = list(controls)
        self.title = title
        n = self.n_states
        if n > max_states:
            raise ValueError(f"widget '{title}' has {n} states; the limit is {max_states} "
                             "(choose presets, or draw client-side from precomputed numbers)")
        self.default = default or {c.name: c.options[0][0] for c in self.controls}
        for c in self.controls:
            if self.default.get(c.name) not in [v for v, _ in c.options]:
                raise ValueError(f"default for control '{c.name}' is not one of its options")
        self._cache: dict[str, RenderedState] = {}

    @classmethod
    def bound(cls, view: Callable[..., View], package, controls: list[Control], **options) -> StaticWidget:
        """A widget whose states `view(package, **state)` draws: the package is bound once, and each
        control passes its value by the keyword it is named after, so the order of the controls and of
        the view's parameters need not agree. Refuses controls that do not fill the view's parameters
        (a name it does not take, or a parameter without a default that no control sets)."""
        render = functools.partial(view, package)
        names = [c.name for c in controls]
        signature = inspect.signature(render)
        try:
            signature.bind(**dict.fromkeys(names))
        except TypeError as e:
            raise ValueError(f"widget '{options.get('title')}': controls {names} do not fit "
                             f"{view.__name__}({', '.join(signature.parameters)}) after the package: {e}") from None
        return cls(render, controls, **options)

    # -- the grid -------------------------------------------------------------------------
    @property
    def n_states(self) -> int:
        n = 1
        for c in self.controls:
            n *= len(c.options)
        return n

    def states(self) -> list[dict]:
        names = [c.name for c in self.controls]
        values = [[v for v, _ in c.options] for c in self.controls]
        return [dict(zip(names, combo)) for combo in itertools.product(*values)]

    def walk(self) -> list[dict]:
        """The default state, then every option of each control in turn with the others at their
        defaults: each control and each option met at least once, in far fewer states than the grid."""
        out = [dict(self.default)]
        for c in self.controls:
            for value, _ in c.options:
                state = {**self.default, c.name: value}
                if state not in out:
                    out.append(state)
        return out

    def key(self, state: dict) -> str:
        return "|".join(str(state[c.name]) for c in self.controls)

    def render_state(self, state: dict) -> RenderedState:
        """Run the render function for one state (cached: each state is drawn once)."""
        k = self.key(state)
        if k not in self._cache:
            from .verdicts import collecting

            with collecting() as seen:
                view = self.render(**state)
            if not isinstance(view, View):
                raise TypeError(f"widget '{self.title}': render must return a View, got {type(view).__name__}")
            from .display import export_chart

            export_chart(view.chart, f"{self.widget_id}-{k.replace('|', '-')}")
            self._cache[k] = RenderedState(dict(state), view.chart.svg(), view.chart.alt, view.summary,
                                           tuple(dict.fromkeys((r["words"], r["condition"],
                                                                tuple(sorted(r["numbers"].items()))) for r in seen)))
        return self._cache[k]

    @property
    def widget_id(self) -> str:
        """Stable id from the widget's content (title, controls, texts of every state)."""
        h = hashlib.sha256(self.title.encode())
        for c in self.controls:
            h.update(repr((c.name, c.label, c.options, c.kind)).encode())
        return "csb-" + h.hexdigest()[:10]

    # -- static rendering -----------------------------------------------------------------
    def html(self) -> str:
        wid = self.widget_id
        rendered = {self.key(s): self.render_state(s) for s in self.states()}
        first = rendered[self.key(self.default)]
        parts = [f'<div class="csb-widget" id="{wid}" data-state="{html.escape(self.key(self.default))}">',
                 f'<form class="csb-controls" aria-label="{html.escape(self.title)}: controls" '
                 'onsubmit="return false">']
        for c in self.controls:
            cid = f"{wid}-{c.name}"
            if c.kind == "select":
                parts.append(f'<label class="csb-label" for="{cid}">{html.escape(c.label)}</label>')
                parts.append(f'<select id="{cid}" name="{c.name}" data-control="{c.name}">')
                for value, label in c.options:
                    sel = " selected" if value == self.default[c.name] else ""
                    parts.append(f'<option value="{html.escape(value)}"{sel}>{html.escape(label)}</option>')
                parts.append("</select>")
            else:
                parts.append(f'<fieldset class="csb-radios" data-control="{c.name}">'
                             f'<legend class="csb-label">{html.escape(c.label)}</legend>')
                for i, (value, label) in enumerate(c.options):
                    checked = " checked" if value == self.default[c.name] else ""
                    parts.append(f'<label for="{cid}-{i}"><input type="radio" id="{cid}-{i}" '
                                 f'name="{cid}" value="{html.escape(value)}"{checked}> '
                                 f'{html.escape(label)}</label>')
                parts.append("</fieldset>")
        parts.append("</form>")
        parts.append(f'<div class="csb-figure csb-image">{first.svg}</div>')
        parts.append(f'<p class="csb-summary" aria-live="polite">{html.escape(first.summary)}</p>')
        parts.append('<p class="csb-print-note">This interactive figure is printed in its default state; '
                     'the online book and the notebook let you change it.</p>')
        payload = {"controls": [{"name": c.name, "kind": c.kind} for c in self.controls],
                   "states": {k: {"svg": r.svg, "alt": r.alt, "summary": r.summary}
                              for k, r in rendered.items()}}
        # '</' cannot appear inside the JSON (quotes are escaped by json.dumps; slashes here).
        parts.append('<script type="application/json" class="csb-states">'
                     + json.dumps(payload, sort_keys=True).replace("</", "<\\/") + "</script>")
        parts.append("</div>")
        return "\n".join(parts)

    # -- live rendering -------------------------------------------------------------------
    def live(self):
        import ipywidgets as w

        inputs = {}
        for c in self.controls:
            options = [(label, value) for value, label in c.options]
            cls = w.ToggleButtons if c.kind == "radio" else w.Dropdown
            style = {"description_width": "initial"}
            if cls is w.ToggleButtons:
                style["button_width"] = "auto"  # the default width cuts labels short
            inputs[c.name] = cls(options=options, value=self.default[c.name], description=c.label,
                                 style=style)
        image = w.HTML()
        summary = w.HTML()
        alt = w.HTML()

        def update(_change=None):
            # each state is drawn once: displaying the widget draws them all for the page's
            # kernel-free copy (html), so a switch in a live notebook only shows a drawn state
            state = {name: control.value for name, control in inputs.items()}
            shown = self.render_state(state)
            image.value = f'<div class="csb-figure">{shown.svg}</div>'
            summary.value = f"<p><strong>{html.escape(shown.summary)}</strong></p>"
            alt.value = f"<p><em>Chart description:</em> {html.escape(shown.alt)}</p>"

        for control in inputs.values():
            control.observe(update, names="value")
        update()
        return w.VBox([*inputs.values(), image, summary, alt])

    def _repr_mimebundle_(self, include=None, exclude=None):
        bundle = self.live()._repr_mimebundle_(include=include, exclude=exclude)
        if isinstance(bundle, tuple):  # (data, metadata)
            bundle = bundle[0]
        bundle = dict(bundle)
        bundle["text/html"] = self.html()
        bundle["text/plain"] = f"Interactive figure: {self.title} ({self.n_states} states)"
        # the verdicts each state's words were chosen by, for the snapshot (not shown on the page)
        checked = {key: [[w, c, dict(n)] for w, c, n in r.verdicts] for key, r in sorted(self._cache.items()) if r.verdicts}
        return (bundle, {"csebook_widget_verdicts": checked}) if checked else bundle
