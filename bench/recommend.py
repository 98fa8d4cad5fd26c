"""Recommendation quality, time and memory on the demo edition, against the sector baseline.

Usage: ``python -m bench.recommend [--write]``. The demo (10,200 buyers, 3,200 exhibitors) is
turned into engine ``Party`` records once; each recommender then runs in a fresh child process
that loads them, so its wall time and peak RSS are the recommender's own (plus Python and
NumPy). Three rankings side by side: the reciprocal scores with diverse pages and the requested
exhibitors left out (what buyers see now), the same scores in plain score order (the ranking
before), and the sector baseline. Quality is judged on the demo's planted true fits, the
left-out share on the demo's own open meeting requests. ``--write`` replaces the block in
docs/benchmarks.md; ``bench/run.py`` can call ``run`` and ``report``.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from rich.console import Console
from rich.table import Table

from tradefair.demo.generator import generate
from tradefair.demo.records import DemoBuyer, DemoExhibitor, DemoExpo, DemoTradeLine
from tradefair.engine.recommend import (
    Party,
    Recommendations,
    TopK,
    TradeLine,
    diverse_for_buyers,
    recommend,
)
from tradefair.engine.recommend import evaluate as ev
from tradefair.engine.recommend.diversity import Diversity, diversify, matched_headings
from tradefair.engine.recommend.features import build_features
from tradefair.engine.recommend.score import (
    Block,
    BlockScorer,
    ReciprocalScorer,
    Weights,
    top_k_both,
)

K = 50
PRECISION_K, RECALL_K = 10, 50
METHODS = {
    "diverse": "reciprocal, diverse (ours)",
    "reciprocal": "reciprocal, score order (before)",
    "sector": "sector overlap (baseline)",
}
HIDES_REQUESTED = {"diverse"}  # rankings whose pages leave out exhibitors already requested
OPEN = {"pending", "accepted"}
STEPS = 2 + len(METHODS)
console = Console(stderr=True)


def _line(line: DemoTradeLine) -> TradeLine:
    return TradeLine(
        hs_codes=line.hs_codes,
        sectors=line.sectors,
        markets=line.markets,
        title=line.title,
        title_zh=line.title_zh,
    )


def _text(description: str, description_zh: str, lines: tuple[DemoTradeLine, ...]) -> str:
    parts = [description, description_zh]
    for line in lines:
        parts += [line.title, line.title_zh, line.text, line.text_zh]
    return "\n".join(parts)


def buyer_party(buyer: DemoBuyer) -> Party:
    org = buyer.organisation
    return Party(
        id=f"{org.country}:{org.name}",
        country=org.country,
        lines=tuple(_line(n) for n in buyer.needs),
        text=_text(org.description, org.description_zh, buyer.needs),
        sectors=(buyer.sector,),
    )


def exhibitor_party(exhibitor: DemoExhibitor) -> Party:
    org = exhibitor.organisation
    return Party(
        id=f"{org.country}:{org.name}",
        country=org.country,
        lines=tuple(_line(o) for o in exhibitor.offers),
        text=_text(org.description, org.description_zh, exhibitor.offers),
        sectors=(exhibitor.sector,),
    )


def parties(expo: DemoExpo) -> tuple[list[Party], list[Party], ev.Pairs]:
    """Both sides as engine records, and the true fits as (buyer, exhibitor) index pairs."""
    buyers = [buyer_party(b) for b in expo.buyers]
    exhibitors = [exhibitor_party(e) for e in expo.exhibitors]
    buyer_at = {b.organisation.key: i for i, b in enumerate(expo.buyers)}
    exhibitor_at = {e.organisation.key: i for i, e in enumerate(expo.exhibitors)}
    fits = np.array([(buyer_at[b], exhibitor_at[e]) for b, e in expo.fits], dtype=np.int64)
    return buyers, exhibitors, fits.reshape(-1, 2)


def open_requests(expo: DemoExpo) -> ev.Pairs:
    """The demo's pending and accepted requests as (buyer, exhibitor) index pairs."""
    buyer_at = {b.organisation.key: i for i, b in enumerate(expo.buyers)}
    exhibitor_at = {e.organisation.key: i for i, e in enumerate(expo.exhibitors)}
    found = [
        (buyer_at[r.buyer], exhibitor_at[r.exhibitor])
        for r in expo.meetings.requests
        if r.status in OPEN
    ]
    return np.array(found, dtype=np.int64).reshape(-1, 2)


def _product_fits(need: DemoTradeLine, offer: DemoTradeLine) -> bool:
    return need.hs_codes[-1] == offer.hs_codes[-1][: len(need.hs_codes[-1])]


def suits_one_side(buyer: DemoBuyer, exhibitor: DemoExhibitor) -> bool:
    """Some need and offer match on product and on at least one side's market wish."""
    b, e = buyer.organisation.country, exhibitor.organisation.country
    return any(
        _product_fits(need, offer) and (e in need.markets or b in offer.markets)
        for need in buyer.needs
        for offer in exhibitor.offers
    )


def one_sided_pairs(expo: DemoExpo, candidates: set[tuple[int, int]]) -> ev.Pairs:
    """Which candidate (buyer, exhibitor) pairs suit at least one side (for the mutual share)."""
    found = [
        pair
        for pair in sorted(candidates)
        if suits_one_side(expo.buyers[pair[0]], expo.exhibitors[pair[1]])
    ]
    return np.array(found, dtype=np.int64).reshape(-1, 2)


def worker(path: str, method: str) -> None:
    """Child process: load the parties, recommend, save the rankings, print time and memory."""
    with open(path, "rb") as handle:
        buyers, exhibitors = pickle.load(handle)
    start, cpu = time.perf_counter(), time.process_time()
    if method in ("reciprocal", "diverse"):
        result = recommend(buyers, exhibitors, k=K)
        if method == "diverse":
            diverse = diverse_for_buyers(buyers, exhibitors, result.for_buyers)
            result = Recommendations(diverse, result.for_exhibitors)
    else:
        result = ev.sector_overlap(buyers, exhibitors, k=K)
    seconds, cpu_seconds = time.perf_counter() - start, time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    np.savez(
        f"{path}.{method}.npz",
        buyers=result.for_buyers.index,
        buyer_scores=result.for_buyers.score,
        ex=result.for_exhibitors.index,
    )
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu_seconds, "peak_mb": peak_mb}))


def _run_child(path: str, method: str) -> tuple[dict[str, float], Recommendations]:
    root = Path(__file__).resolve().parent.parent
    out = subprocess.run(
        [sys.executable, "-m", "bench.recommend", "--worker", path, method],
        check=True,
        cwd=root,
        stdout=subprocess.PIPE,
    )
    arrays = np.load(f"{path}.{method}.npz")
    empty = np.zeros(0, dtype=np.float32)
    result = Recommendations(
        TopK(arrays["buyers"], arrays["buyer_scores"]), TopK(arrays["ex"], empty)
    )
    return dict(json.loads(out.stdout)), result


@dataclass(frozen=True)
class Demo:
    """What every ranking is judged against."""

    buyers: list[Party]
    exhibitors: list[Party]
    fits: ev.Pairs
    requested: ev.Pairs  # open requests: a page that hides them leaves them out


def shown_page(top: TopK, demo: Demo) -> NDArray[np.int32]:
    """A buyer's list as the dashboard shows it by default: the exhibitors already asked left
    out, what is left back in score order and diversified again (``_diverse_slice`` of
    ``matchmaking.queries.recommendations`` does the same per page view)."""
    n_e = len(demo.exhibitors)
    index = ev.shown_without(top.index, demo.requested, n_e)
    scores = np.zeros(index.shape, dtype=np.float32)
    for row in range(index.shape[0]):
        by_exhibitor = dict(zip(top.index[row].tolist(), top.score[row].tolist(), strict=True))
        scores[row] = [by_exhibitor.get(e, 0.0) if e >= 0 else 0.0 for e in index[row].tolist()]
    order = np.argsort(-scores, axis=1, kind="stable")
    ranked = TopK(np.take_along_axis(index, order, axis=1), np.take_along_axis(scores, order, 1))
    labels = matched_headings(demo.buyers, demo.exhibitors, ranked.index)
    return diversify(ranked, labels).index


def _pages(method: str, top: TopK, demo: Demo) -> dict[str, float]:
    """How the buyers' lists read: diversity of the stored top 10, then the first page shown."""
    n_e = len(demo.exhibitors)
    by_buyer = top.index
    page = shown_page(top, demo) if method in HIDES_REQUESTED else by_buyer
    labels = matched_headings(demo.buyers, demo.exhibitors, page)
    stored = (by_buyer >= 0).sum(axis=1) >= PRECISION_K
    return {
        "diversity": ev.intra_list_diversity(
            by_buyer, PRECISION_K, ev.heading_vectors(demo.exhibitors)
        ),
        "page_diversity": ev.intra_list_diversity(
            page, PRECISION_K, ev.heading_vectors(demo.exhibitors)
        ),
        "over_cap": ev.over_cap_share(labels, PRECISION_K),
        "crowded": ev.crowded_share(page, labels, demo.fits, n_e, PRECISION_K),
        "requested_shown": ev.share_of(page, PRECISION_K, demo.requested, n_e),
        "short_pages": float(np.mean(stored & (page[:, PRECISION_K - 1] < 0))),
    }


def _quality(
    result: Recommendations, fits: ev.Pairs, either: ev.Pairs, n_b: int, n_e: int
) -> dict[str, float]:
    reverse, reverse_either = fits[:, ::-1].copy(), either[:, ::-1].copy()
    by_buyer = result.for_buyers.index
    by_exhibitor = result.for_exhibitors.index
    return {
        "buyer_precision": ev.precision_recall(by_buyer, PRECISION_K, fits, n_e).precision,
        "buyer_recall": ev.precision_recall(by_buyer, RECALL_K, fits, n_e).recall,
        "exhibitor_precision": ev.precision_recall(
            by_exhibitor, PRECISION_K, reverse, n_b
        ).precision,
        "exhibitor_recall": ev.precision_recall(by_exhibitor, RECALL_K, reverse, n_b).recall,
        "mutual_share": ev.mutual_share(by_buyer, PRECISION_K, fits, either, n_e),
        "exhibitor_mutual_share": ev.mutual_share(
            by_exhibitor, PRECISION_K, reverse, reverse_either, n_b
        ),
        "coverage": ev.coverage(by_buyer, PRECISION_K, n_e),
    }


def run(progress: Callable[[], None]) -> dict[str, Any]:
    """Generate the demo, run each ranking in a child process, measure them."""
    expo = generate()
    buyers, exhibitors, fits = parties(expo)
    demo = Demo(buyers, exhibitors, fits, open_requests(expo))
    progress()
    n_b, n_e = len(buyers), len(exhibitors)
    results: dict[str, Any] = {
        "buyers": n_b,
        "exhibitors": n_e,
        "fits": len(fits),
        "requests": len(demo.requested),
        "k": K,
        "load": os.getloadavg()[0],
        "cores": os.cpu_count(),
    }
    runs: dict[str, tuple[dict[str, float], Recommendations]] = {}
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "parties.pickle")
        with open(path, "wb") as handle:
            pickle.dump((buyers, exhibitors), handle)
        for method in METHODS:
            runs[method] = _run_child(path, method)
            progress()
    candidates: set[tuple[int, int]] = set()
    for _, result in runs.values():
        top_b, top_e = (
            result.for_buyers.index[:, :PRECISION_K],
            result.for_exhibitors.index[:, :PRECISION_K],
        )
        candidates.update((int(b), int(e)) for b, row in enumerate(top_b) for e in row if e >= 0)
        candidates.update((int(b), int(e)) for e, row in enumerate(top_e) for b in row if b >= 0)
    either = one_sided_pairs(expo, candidates)
    results["methods"] = {
        method: {
            **measured,
            **_quality(result, fits, either, n_b, n_e),
            **_pages(method, result.for_buyers, demo),
        }
        for method, (measured, result) in runs.items()
    }
    reverse = fits[:, ::-1].copy()
    results["ceiling"] = {
        "buyer_precision": ev.ceiling(fits, n_b, PRECISION_K).precision,
        "buyer_recall": ev.ceiling(fits, n_b, RECALL_K).recall,
        "exhibitor_precision": ev.ceiling(reverse, n_e, PRECISION_K).precision,
        "exhibitor_recall": ev.ceiling(reverse, n_e, RECALL_K).recall,
    }
    progress()
    return results


ROWS = [
    ("buyers: precision@10", "buyer_precision"),
    ("buyers: recall@50", "buyer_recall"),
    ("exhibitors: precision@10", "exhibitor_precision"),
    ("exhibitors: recall@50", "exhibitor_recall"),
    ("mutual share of buyers' top 10", "mutual_share"),
    ("mutual share of exhibitors' top 10", "exhibitor_mutual_share"),
    ("exhibitor coverage of buyers' top 10", "coverage"),
    ("intra-list diversity of buyers' top 10", "diversity"),
    ("intra-list diversity of a buyer's first page", "page_diversity"),
    ("first pages with more than three of one heading", "over_cap"),
    ("first pages so crowded while another heading's fit waits below", "crowded"),
    ("already-requested exhibitors on a buyer's first page", "requested_shown"),
    ("buyers whose first page shows fewer than 10", "short_pages"),
]


def report(results: dict[str, Any]) -> list[str]:
    """Markdown lines for docs/benchmarks.md."""
    methods = results["methods"]
    ceiling = results["ceiling"]
    lines = [
        "## Recommendations",
        "",
        f"Top {results['k']} for each of {results['buyers']:,} buyers and"
        f" {results['exhibitors']:,} exhibitors of the demo,",
        f"judged on its {results['fits']:,} planted true fits, each ranking in a fresh child",
        "process (`python -m bench.recommend`). Bar: ≤ 15 s and ≤ 1.5 GB, better than sector",
        "overlap on precision@10 and recall@50; diverse pages may cost at most 0.02 of either.",
        "Mutual share: of the top-10 pairs that suit at least one side, the share that suit",
        "both. Intra-list diversity: 1 − the mean cosine of the HS-heading sets of two",
        "exhibitors in a top 10. First page: the top 10 as the dashboard shows it by default,",
        f"against the demo's {results['requests']:,} pending and accepted requests (the diverse",
        "ranking's page leaves those exhibitors out and diversifies what is left; the others",
        "show their list as it is). A heading is the one a card's first reason names; more than",
        "three of one on a page is counted, and counted as crowded when a planted fit of",
        "another heading waits below. Load average when the run",
        f"started: {results['load']:.1f} on {results['cores']} cores; CPU time is the figure that"
        " other jobs on the machine disturb least.",
        "",
        "| figure | " + " | ".join(METHODS[m] for m in methods) + " |",
        "| --- |" + " ---: |" * len(methods),
        "| wall time | " + " | ".join(f"{r['seconds']:.1f} s" for r in methods.values()) + " |",
        "| CPU time (all threads) | "
        + " | ".join(f"{r['cpu_seconds']:.1f} s" for r in methods.values())
        + " |",
        "| peak memory | " + " | ".join(f"{r['peak_mb']:.0f} MB" for r in methods.values()) + " |",
    ]
    for label, key in ROWS:
        lines.append(f"| {label} | " + " | ".join(f"{r[key]:.3f}" for r in methods.values()) + " |")
    lines += [
        "",
        "Best reachable by any ranking (many buyers have fewer than 10 fits, many exhibitors",
        f"more than 50): precision@10 {ceiling['buyer_precision']:.3f} for buyers and"
        f" {ceiling['exhibitor_precision']:.3f} for exhibitors, recall@50"
        f" {ceiling['buyer_recall']:.3f} and {ceiling['exhibitor_recall']:.3f}.",
    ]
    return lines


def show(results: dict[str, Any]) -> None:
    methods = results["methods"]
    table = Table("figure", *(METHODS[m] for m in methods), title="Recommendations")
    table.add_row("wall time (s)", *(f"{r['seconds']:.1f}" for r in methods.values()))
    table.add_row("CPU time (s)", *(f"{r['cpu_seconds']:.1f}" for r in methods.values()))
    table.add_row("peak memory (MB)", *(f"{r['peak_mb']:.0f}" for r in methods.values()))
    for label, key in ROWS:
        table.add_row(label, *(f"{r[key]:.3f}" for r in methods.values()))
    console.print(table)


ABLATION = {
    "all signals (default)": Weights(),
    "no line-level markets": Weights(product_in_market=0, product=0.6),
    "HS codes + party-level markets": Weights(
        product_in_market=0, product=0.7, market=0.3, text=0, sector=0
    ),
    "HS codes only": Weights(product_in_market=0, product=1, market=0, text=0, sector=0),
    "text only": Weights(product_in_market=0, product=0, market=0, text=1, sector=0),
}


BANDS = (1.0, 0.95, 0.85, 0.75, 0.7, 0.6, 0.0)


def diversity_ablation(
    buyers: list[Party], exhibitors: list[Party], fits: ev.Pairs, result: Recommendations
) -> None:
    """What the fit band costs and buys: precision against diversity and crowded pages."""
    n_e = len(exhibitors)
    vectors = ev.heading_vectors(exhibitors)
    labels = matched_headings(buyers, exhibitors, result.for_buyers.index)
    table = Table(
        "fit band", "buyers p@10", "diversity", "over three", "crowded", title="Diverse pages"
    )
    for band in BANDS:
        top = diversify(result.for_buyers, labels, Diversity(band=band)).index
        shown = matched_headings(buyers, exhibitors, top)
        table.add_row(
            f"{band:.2f}",
            f"{ev.precision_recall(top, PRECISION_K, fits, n_e).precision:.3f}",
            f"{ev.intra_list_diversity(top, PRECISION_K, vectors):.3f}",
            f"{ev.over_cap_share(shown, PRECISION_K):.3f}",
            f"{ev.crowded_share(top, shown, fits, n_e):.3f}",
        )
    console.print(table)


def ablation() -> None:
    """What each signal and the reciprocal combination contribute (quality only, in-process)."""
    expo = generate()
    buyers, exhibitors, fits = parties(expo)
    n_b, n_e = len(buyers), len(exhibitors)
    features = build_features(buyers, exhibitors)
    variants: dict[str, BlockScorer] = {
        name: ReciprocalScorer(features, weights) for name, weights in ABLATION.items()
    }
    default = ReciprocalScorer(features)
    variants["buyer's direction only"] = lambda a, b: default.directions(a, b)[0]
    variants["exhibitor's direction only"] = lambda a, b: default.directions(a, b)[1]

    def arithmetic(start: int, stop: int) -> Block:
        to_exhibitor, to_buyer = default.directions(start, stop)
        return (to_exhibitor + to_buyer) * np.float32(0.5)

    variants["arithmetic instead of harmonic mean"] = arithmetic
    table = Table("variant", *(label for label, _ in ROWS[:4]))
    for name, scorer in variants.items():
        quality = _quality(top_k_both(scorer, n_b, n_e, K), fits, fits[:0], n_b, n_e)
        table.add_row(name, *(f"{quality[key]:.3f}" for _, key in ROWS[:4]))
    console.print(table)
    diversity_ablation(buyers, exhibitors, fits, recommend(buyers, exhibitors, k=K))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--worker", nargs=2, metavar=("PATH", "METHOD"), help=argparse.SUPPRESS)
    parser.add_argument("--ablation", action="store_true", help="quality of signal subsets")
    parser.add_argument("--write", action="store_true", help="replace the block in the docs")
    args = parser.parse_args()
    if args.ablation:
        ablation()
        return
    if args.worker:
        worker(*args.worker)
        return
    with console.status("recommending") as status:
        done = [0]

        def progress() -> None:
            done[0] += 1
            status.update(f"recommending: step {done[0]} of {STEPS}")

        results = run(progress)
    show(results)
    if args.write:
        write(report(results))


DOC = Path(__file__).resolve().parent.parent / "docs" / "benchmarks.md"


def write(lines: list[str]) -> None:
    """Replace the recommendations block of docs/benchmarks.md (to the next heading) only."""
    text = DOC.read_text(encoding="utf-8")
    start = text.index(lines[0] + "\n")
    end = text.find("\n## ", start + 1)
    end = len(text) if end < 0 else end + 1
    DOC.write_text(text[:start] + "\n".join(lines) + "\n\n" + text[end:], encoding="utf-8")
    console.print(f"wrote the block {lines[0]!r} of {DOC}")


if __name__ == "__main__":
    main()
