"""List the facts whose `checked` date is older than a limit.

    python -m macros.stale [--max-age-days 365] [--today 2026-11-27] [data/facts.yml]

Exits 1 when any fact is older than the limit, so a scheduled CI job can ask editors to
check them again. The normal build only mentions them (see hooks/build_checks.py): a
build must never start failing just because the calendar moved.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

from .facts import load_facts

# A year: official pages about inburgering change at most a few times a year (new
# exam prices, fines and the pension age are set per calendar year).
DEFAULT_MAX_AGE_DAYS = 365
FACTS_PATH = Path(__file__).resolve().parent.parent / "data" / "facts.yml"


def stale_facts(facts: dict, today: datetime.date, max_age_days: int) -> list[tuple[str, str, int]]:
    """(key, checked date, age in days) of every fact checked more than `max_age_days` ago, oldest first."""
    found = []
    for section in ("facts", "local_examples"):
        for key, fact in (facts.get(section) or {}).items():
            age = (today - datetime.date.fromisoformat(fact["checked"])).days
            if age > max_age_days:
                found.append((key, fact["checked"], age))
    return sorted(found, key=lambda item: (-item[2], item[0]))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("facts", nargs="?", default=str(FACTS_PATH))
    parser.add_argument("--max-age-days", type=int, default=DEFAULT_MAX_AGE_DAYS)
    parser.add_argument("--today", type=datetime.date.fromisoformat, default=datetime.date.today())
    args = parser.parse_args(argv)
    found = stale_facts(load_facts(Path(args.facts)), args.today, args.max_age_days)
    for key, checked, age in found:
        print(f"{args.facts}: `{key}` was last checked on {checked} ({age} days ago). "
              "Check it against its source, then update `checked`.")
    print(f"{len(found)} fact(s) checked more than {args.max_age_days} days before {args.today}.")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
