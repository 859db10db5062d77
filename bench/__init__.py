"""Benchmarks and the hand-labelled evaluation; results go to bench/results/ (not in git)."""
from __future__ import annotations

import json
from pathlib import Path

RESULTS_DIR = Path(__file__).parent / "results"


def save_result(name: str, result: dict) -> Path:
    """Print ``result`` and write it to bench/results/<name>.json."""
    print(json.dumps(result, indent=2))
    RESULTS_DIR.mkdir(exist_ok=True)
    path = RESULTS_DIR / f"{name}.json"
    path.write_text(json.dumps(result, indent=2) + "\n")
    return path
