"""Fit the event confidence model (src/riftwatch/data/models/confidence/v1.json).

Runs the coder over training gold sets, labels each factual event right when its
(doc, source, target, root) tuple matches a gold event (the gold README's rule), and fits an
L2-regularised logistic regression over riftwatch.coding.confidence.features. Held-out sets are
only scored: their reliability table is written into the model file.

    .venv/bin/python tools/fit_confidence.py --train tests/gold/*.jsonl \\
        --heldout ../shared/gold/dev.jsonl tests/data/gold-holdout.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np

MODEL = Path(__file__).parents[1] / "src/riftwatch/data/models/confidence/v1.json"
BINS = (0.0, 0.2, 0.4, 0.6, 0.8, 0.9, 1.0001)


def labelled(paths: list[str]) -> list[tuple[dict[str, float], bool]]:
    """(features, right) for every factual event the coder finds in the gold documents."""
    from riftwatch.coding.confidence import features
    from riftwatch.evaluation import load_gold
    from riftwatch.pipeline import DocumentResult, process

    rows = []
    for path in paths:
        gold = load_gold(path)
        events = {g.document.id: g.events for g in gold}
        for res in process(g.document for g in gold):
            if not isinstance(res, DocumentResult):
                continue
            for coded in res.events:
                if not coded.modality.is_factual:
                    continue
                tup = (
                    res.document.id,
                    coded.source.code,
                    coded.target.code if coded.target else None,
                    coded.action.root,
                )
                right = any(g.matches(tup) for g in events[res.document.id])
                rows.append((features(coded), right))
    return rows


def fit(rows: list[tuple[dict[str, float], bool]], l2: float) -> tuple[float, dict[str, float]]:
    names = sorted({k for f, _ in rows for k in f})
    x = np.array([[f.get(n, 0.0) for n in names] for f, _ in rows])
    y = np.array([float(r) for _, r in rows])
    w, b = np.zeros(len(names)), 0.0
    for _ in range(4000):
        p = 1.0 / (1.0 + np.exp(-(x @ w + b)))
        grad_w = x.T @ (p - y) / len(y) + l2 * w / len(y)
        grad_b = float(np.mean(p - y))
        w -= 0.5 * grad_w
        b -= 0.5 * grad_b
    return b, {n: round(float(v), 4) for n, v in zip(names, w, strict=True) if abs(v) > 1e-4}


def reliability(
    rows: list[tuple[dict[str, float], bool]], bias: float, weights: dict[str, float]
) -> list[dict[str, object]]:
    table = []
    for lo, hi in zip(BINS, BINS[1:], strict=False):
        inside = [r for f, r in rows if lo <= _p(f, bias, weights) < hi]
        table.append(
            {
                "low": lo,
                "high": min(hi, 1.0),
                "events": len(inside),
                "precision": round(sum(inside) / len(inside), 3) if inside else None,
            }
        )
    return table


def _p(f: dict[str, float], bias: float, weights: dict[str, float]) -> float:
    z = bias + sum(weights.get(k, 0.0) * v for k, v in f.items())
    return round(1.0 / (1.0 + math.exp(-z)), 2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", nargs="+", required=True)
    parser.add_argument("--heldout", nargs="*", default=[])
    parser.add_argument("--l2", type=float, default=2.0)
    args = parser.parse_args()
    train = labelled(args.train)
    bias, weights = fit(train, args.l2)
    held = labelled(args.heldout) if args.heldout else []
    model = {
        "name": "confidence",
        "version": "v1",
        "tool": "tools/fit_confidence.py",
        "trained_on": [Path(p).name for p in args.train],
        "events": len(train),
        "l2": args.l2,
        "bias": round(bias, 4),
        "weights": weights,
        "reliability_train": reliability(train, bias, weights),
        "heldout": [Path(p).name for p in args.heldout],
        "reliability_heldout": reliability(held, bias, weights) if held else [],
    }
    MODEL.parent.mkdir(parents=True, exist_ok=True)
    MODEL.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    for name in ("reliability_train", "reliability_heldout"):
        print(name)
        for row in model[name]:
            print(
                f"  {row['low']:.1f}-{row['high']:.1f} events {row['events']:4d} "
                f"precision {row['precision']}"
            )


if __name__ == "__main__":
    main()
