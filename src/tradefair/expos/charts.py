"""Charts of every page that summarises numbers: Vega-Lite specs built with Altair and drawn to
SVG on the server by vl-convert, so a chart needs no JavaScript and prints as it shows.

Labels and the value written at the end of each bar come in the reader's language and number
format (the caller passes them formatted), so the value axis is left out. Drawing a chart
takes ~25 ms, and the first one in a process ~0.5 s while the Vega engine starts, so the SVG
is cached under a hash of its spec: the same figures are drawn once. Every chart's figures
are also shown as a table by the page that shows it.
"""

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import vl_convert
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "Noto Sans, Noto Sans CJK SC, Noto Sans Thai, Helvetica, Arial, sans-serif"
BAR_COLOUR = "#0a5c78"  # --brand in tradefair.css, so legends match
TEXT_COLOUR = "#1d2b36"
CACHE_SECONDS = 24 * 3600
VEGA_BASE = "https://vega.github.io/vega-datasets/"


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the reader reads it: "1,234", "12%", "US$2.5 bn"
    colour: str = BAR_COLOUR  # a CSS colour; the page's legend says what colours mean
    href: str = ""  # a bar that filters the page links to it


def bar_chart(
    bars: Sequence[Bar],
    *,
    description: str,
    width: int = 480,
    log: bool = False,
    top: float | None = None,
) -> dict[str, Any]:
    """A horizontal bar chart in the given order; ``log`` for figures spanning magnitudes,
    ``top`` for a fixed end of the scale (1 for shares)."""
    data = alt.Data(
        values=[
            {
                "label": b.label,
                "value": b.value,
                "shown": b.shown,
                "colour": b.colour,
                "href": b.href,
            }
            for b in bars
        ]
    )
    if log:
        scale = alt.Scale(type="symlog")
    elif top is not None:
        scale = alt.Scale(domain=[0, top])
    else:
        scale = alt.Scale(zero=True)
    base = alt.Chart(data).encode(
        y=alt.Y(
            "label:N",
            sort=None,
            title=None,
            axis=alt.Axis(labelLimit=260, labelPadding=6, ticks=False),
        ),
        x=alt.X("value:Q", axis=None, scale=scale),
    )
    bars_layer = base.mark_bar(cornerRadiusEnd=2, height=alt.RelativeBandSize(0.7)).encode(
        color=alt.Color("colour:N", scale=None, legend=None)
    )
    if any(b.href for b in bars):
        bars_layer = bars_layer.encode(href="href:N")
    values = base.mark_text(align="left", dx=4, color=TEXT_COLOUR).encode(text="shown:N")
    chart = (
        alt.layer(bars_layer, values)
        .properties(width=width, height=alt.Step(24), description=description)
        .configure(font=FONT, background="transparent", aria=False)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=12, labelColor=TEXT_COLOUR, domain=False)
        .configure_text(fontSize=12)
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec


def _cached(inputs: object, build: Callable[[], dict[str, Any]]) -> SafeString:
    """Draw once per distinct inputs (the figures, or a whole spec): building a spec with
    Altair alone takes ~20 ms and drawing it ~25 ms, too much for a page that shows the same
    figures to everyone."""
    text = json.dumps(inputs, sort_keys=True, ensure_ascii=False, default=str)
    key = "chart-svg:" + hashlib.sha256(text.encode()).hexdigest()
    drawn = cache.get(key)
    if drawn is None:
        # Vega resolves a link against its data loader's base, which vl-convert leaves at
        # Vega's sample-data site; the page's own links must stay relative to the page.
        spec = build()
        drawn = _accessible(
            vl_convert.vegalite_to_svg(spec).replace(f'xlink:href="{VEGA_BASE}/', 'xlink:href="/'),
            str(spec.get("description", "")),
        )
        cache.set(key, drawn, CACHE_SECONDS)
    return mark_safe(drawn)  # vl-convert wrote it; Vega escapes the labels


_VEGA_ARIA = re.compile(r' (?:aria-roledescription|aria-label|role)="[^"]*"')


def _accessible(drawn: str, description: str) -> str:
    """One image described in the reader's language: Vega names its groups, axes and marks
    for screen readers in English ("Y-axis for a discrete scale with 5 values"), which no
    catalogue translates; the page's table beside the chart gives the figures instead."""
    plain = _VEGA_ARIA.sub("", drawn)
    return plain.replace("<svg ", f'<svg role="img" aria-label="{escape(description)}" ', 1)


def bar_chart_svg(
    bars: Sequence[Bar],
    *,
    description: str,
    width: int = 480,
    log: bool = False,
    top: float | None = None,
) -> SafeString:
    """``bar_chart`` drawn as SVG, cached by its inputs."""
    inputs = ["bars", [[b.label, b.value, b.shown, b.colour, b.href] for b in bars], description]
    return _cached(
        [*inputs, width, log, top],
        lambda: bar_chart(bars, description=description, width=width, log=log, top=top),
    )


@dataclass(frozen=True)
class Group:
    """One label with a bar per series (``Bar.label`` names the series, for the legend)."""

    label: str
    bars: tuple[Bar, ...]


def grouped_bar_chart(
    groups: Sequence[Group], *, description: str, width: int = 420
) -> dict[str, Any]:
    """Bars side by side within each group, in the given orders, on one scale."""
    rows = [
        {
            "group": g.label,
            "series": b.label,
            "order": n,
            "value": b.value,
            "shown": b.shown,
            "colour": b.colour,
        }
        for g in groups
        for n, b in enumerate(g.bars)
    ]
    base = alt.Chart(alt.Data(values=rows)).encode(
        y=alt.Y(
            "group:N",
            sort=None,
            title=None,
            axis=alt.Axis(labelLimit=200, labelPadding=6, ticks=False),
        ),
        yOffset=alt.YOffset("order:O"),
        x=alt.X("value:Q", axis=None, scale=alt.Scale(zero=True)),
    )
    bars = base.mark_bar(cornerRadiusEnd=2).encode(
        color=alt.Color("colour:N", scale=None, legend=None),
        tooltip=[
            alt.Tooltip("group:N", title=None),
            alt.Tooltip("series:N", title=None),
            "shown:N",
        ],
    )
    values = base.mark_text(align="left", dx=4, color=TEXT_COLOUR).encode(text="shown:N")
    chart = (
        alt.layer(bars, values)
        .properties(width=width, height=alt.Step(14), description=description)
        .configure(font=FONT, background="transparent", aria=False)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=12, labelColor=TEXT_COLOUR, domain=False)
        .configure_text(fontSize=11)
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec


def grouped_bar_chart_svg(
    groups: Sequence[Group], *, description: str, width: int = 420
) -> SafeString:
    """``grouped_bar_chart`` drawn as SVG, cached by its inputs."""
    inputs = [[g.label, [[b.label, b.value, b.shown, b.colour] for b in g.bars]] for g in groups]
    return _cached(
        ["groups", inputs, description, width],
        lambda: grouped_bar_chart(groups, description=description, width=width),
    )
