"""Run every benchmark: ``python -m benchmarks`` (or ``./dev bench``)."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def main() -> None:
    names = sorted(m.name for m in pkgutil.iter_modules([str(Path(__file__).parent)])
                   if m.name.startswith("bench_"))
    for name in names:
        print(f"\n=== {name} ===")
        importlib.import_module(f"benchmarks.{name}").main()


if __name__ == "__main__":
    main()
