"""Write the planted true fits as CSV, the answer key a recommender is judged against."""

import csv
from pathlib import Path

from tradefair.demo.records import DemoExpo

FIT_COLUMNS = ["buyer_country", "buyer_name", "exhibitor_country", "exhibitor_name"]


def write_fits_csv(demo: DemoExpo, path: Path) -> int:
    """One row per (buyer, exhibitor) fit, keyed as organisations are: country + English name."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIT_COLUMNS)
        for (buyer_country, buyer), (exhibitor_country, exhibitor) in demo.fits:
            writer.writerow([buyer_country, buyer, exhibitor_country, exhibitor])
    return len(demo.fits)
