"""Charts drawn on the server: labels escaped, links kept relative to the page, colours as
given, and one drawing per distinct set of figures."""

from unittest import mock

import vl_convert

from tradefair.expos import charts
from tradefair.expos.charts import Bar, Group, bar_chart_svg, grouped_bar_chart_svg


def test_labels_are_text_links_stay_relative_and_colours_are_kept():
    svg = bar_chart_svg(
        [
            Bar("<script>alert(1)</script>", 3, "3", "#c2410c", href="/x/?run=1&reason=a"),
            Bar("Tables full", 1, "1"),
        ],
        description="Left out",
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'xlink:href="/x/?run=1&amp;reason=a"' in svg
    assert "vega.github.io" not in svg
    assert 'fill="#c2410c"' in svg and f'fill="{charts.BAR_COLOUR}"' in svg


def test_the_same_figures_are_drawn_once():
    bars = [Bar("Vietnam", 12, "12"), Bar("Thailand", 7, "7")]
    with mock.patch.object(
        charts.vl_convert, "vegalite_to_svg", wraps=vl_convert.vegalite_to_svg
    ) as draw:
        first = bar_chart_svg(bars, description="Once")
        again = bar_chart_svg(bars, description="Once")
        other = bar_chart_svg([*bars, Bar("Laos", 1, "1")], description="Once")
    assert first == again != other
    assert draw.call_count == 2


def test_grouped_bars_show_every_series_value():
    svg = grouped_bar_chart_svg(
        [Group("Vietnam", (Bar("requests", 120, "120"), Bar("meetings", 80, "80", "#c2410c")))],
        description="Requests and meetings",
    )
    assert ">120<" in svg and ">80<" in svg and ">Vietnam<" in svg
