"""The CDNOW sample summarised as in Fader, Hardie & Lee (2005): 39 calibration weeks."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path

import pandas as pd

from segmentation.predictive.features import summary_from_transactions
from segmentation.predictive.transactions import read_transactions

CDNOW_FILE = Path(__file__).resolve().parent.parent / "data" / "cdnow" / "CDNOW_sample.txt"
CALIBRATION_END = date(1997, 9, 30)
HOLDOUT_END = date(1998, 6, 30)


@cache
def cdnow_summary() -> pd.DataFrame:
    return summary_from_transactions(
        read_transactions(CDNOW_FILE),
        calibration_end=CALIBRATION_END,
        holdout_end=HOLDOUT_END,
        time_unit="weeks",
    )
