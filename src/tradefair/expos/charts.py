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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import altair as alt
import vl_convert
from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe

FONT = "Noto Sans, Noto Sans CJK SC, Noto Sans Thai, Helvetica, Arial, sans-serif"
BAR_COLOUR = "#0a5c78"  # --brand in tradefair.css, so legends match
TEXT_COLOUR = "#1d2b36"
CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    shown: str  # the value as the reader reads it: "1,234", "12%", "US$2.5 bn"
    colour: str = BAR_COLOUR  # a CSS colour; the page's legend says what colours mean


def bar_chart(
    bars: Sequence[Bar], *, description: str, width: int = 480, log: bool = False
) -> dict[str, Any]:
    """A horizontal bar chart in the given order; ``log`` for figures spanning magnitudes."""
    data = alt.Data(
        values=[
            {"label": b.label, "value": b.value, "shown": b.shown, "colour": b.colour} for b in bars
        ]
    )
    scale = alt.Scale(type="symlog") if log else alt.Scale(zero=True)
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
    values = base.mark_text(align="left", dx=4, color=TEXT_COLOUR).encode(text="shown:N")
    chart = (
        alt.layer(bars_layer, values)
        .properties(width=width, height=alt.Step(24), description=description)
        .configure(font=FONT, background="transparent")
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=12, labelColor=TEXT_COLOUR, domain=False)
        .configure_text(fontSize=12)
    )
    spec: dict[str, Any] = chart.to_dict(validate=False)
    return spec


def bar_chart_svg(
    bars: Sequence[Bar], *, description: str, width: int = 480, log: bool = False
) -> SafeString:
    """``bar_chart`` drawn as SVG, cached by its inputs: building the spec with Altair alone
    takes ~20 ms, too much for a page that shows the same figures to everyone."""
    text = json.dumps([[b.label, b.value, b.shown, b.colour] for b in bars], ensure_ascii=False)
    key = hashlib.sha256(f"{text}|{description}|{width}|{log}".encode()).hexdigest()
    drawn = cache.get(f"bar-chart-svg:{key}")
    if drawn is None:
        drawn = str(svg(bar_chart(bars, description=description, width=width, log=log)))
        cache.set(f"bar-chart-svg:{key}", drawn, CACHE_SECONDS)
    return mark_safe(drawn)  # drawn by vl-convert; Vega escapes the labels


def svg(spec: dict[str, Any]) -> SafeString:
    """The chart as inline SVG, drawn once per distinct spec."""
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    key = "chart-svg:" + hashlib.sha256(text.encode()).hexdigest()
    drawn = cache.get(key)
    if drawn is None:
        drawn = vl_convert.vegalite_to_svg(spec)
        cache.set(key, drawn, CACHE_SECONDS)
    return mark_safe(drawn)  # vl-convert wrote it; Vega escapes the labels


def pdf_chart(spec: dict[str, Any]) -> bytes:
    """The same chart for a printed document (vector, fonts embedded)."""
    return bytes(vl_convert.vegalite_to_pdf(spec))
