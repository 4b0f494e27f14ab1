"""Publication dates as given by callers and corpus fields, checked once at the edge."""

from __future__ import annotations

import re
from datetime import date

_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])")
# Scraped dumps fill unknown dates with placeholders such as Go's zero time (0001-01-01) or
# 9999-12-31; no news article is dated outside these years.
FIRST_YEAR, LAST_YEAR = 1800, 2200


def iso_date(value: object) -> str | None:
    """``value`` as YYYY-MM-DD when it starts with a real calendar date in a plausible year
    (``2016-05-03``, ``2016-05-03T12:00:00Z``, a ``date``), otherwise None."""
    if isinstance(value, date):
        value = value.isoformat()
    if not isinstance(value, str):
        return None
    match = _ISO_DAY.match(value.strip())
    if not match:
        return None
    year, month, day = (int(part) for part in match.groups())
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
