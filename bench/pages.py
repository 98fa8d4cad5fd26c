"""Page latency with the full demo loaded: the directory, profiles and the home page.

Requests go through the whole middleware stack in-process (Django's test client), so the
figure is the server's own time without network noise. A bare view measured in the same run is
the baseline the pages are compared with.
"""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.test import Client
from django.test.utils import override_settings

from tradefair.organisations.models import Participation

REPEATS = 60
WARMUP = 5


@dataclass(frozen=True)
class Latency:
    label: str
    url: str
    p50_ms: float
    p95_ms: float
    max_ms: float
    results: int | None = None


def _measure(client: Client, label: str, url: str) -> Latency:
    for _ in range(WARMUP):
        client.get(url)
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{url} answered {response.status_code}")
    samples.sort()
    p95 = samples[min(len(samples) - 1, round(0.95 * len(samples)) - 1)]
    return Latency(label, url, statistics.median(samples), p95, samples[-1])


def page_cases(slug: str) -> list[tuple[str, str]]:
    exhibitors = Participation.objects.filter(expo__slug=slug, role="exhibitor").order_by("id")
    first, middle = exhibitors.first(), exhibitors[exhibitors.count() // 2]
    assert first is not None
    base = f"/{slug}/exhibitors/"
    return [
        ("bare Django view (baseline)", "/bench/bare/"),
        ("home page with figures and chart", f"/{slug}/"),
        ("directory, no filter", base),
        ("directory, search 'solar'", f"{base}?q=solar"),
        ("directory, search '光伏' (Chinese)", f"{base}?q=%E5%85%89%E4%BC%8F"),
        ("directory, two-term search", f"{base}?q=coffee+vietnam"),
        ("directory, country VN", f"{base}?country=VN"),
        ("directory, group ASEAN + sector", f"{base}?group=asean&sector=agriculture-food"),
        ("directory, HS chapter 85 + search", f"{base}?hs=85&q=module"),
        ("directory, page 20", f"{base}?page=20"),
        ("directory, htmx partial", f"{base}?q=machine"),
        ("directory in Chinese", f"/zh-hans{base}?country=TH"),
        ("exhibitor profile", f"{base}{first.pk}/"),
        ("exhibitor profile (Chinese)", f"/zh-hans{base}{middle.pk}/"),
    ]


def run(slug: str, progress: Callable[[], None]) -> list[Latency]:
    results = []
    with override_settings(ROOT_URLCONF="bench.urls", ALLOWED_HOSTS=["testserver"]):
        client = Client()
        for label, url in page_cases(slug):
            headers = {"HX-Request": "true"} if "htmx" in label else {}
            client = Client(headers=headers)
            results.append(_measure(client, label, url))
            progress()
    return results
