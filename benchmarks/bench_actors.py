"""Actor resolution time for a 1,000-word article, beside the spaCy parse of the same text.

Usage: .venv/bin/python benchmarks/bench_actors.py [--repeat 50]
The article is built from examples/ (the seed page and the other examples, repeated to 1,000
words). Lexicon load time is measured in a fresh process.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

EXAMPLES = Path(__file__).parents[1] / "examples"


def _article(words: int = 1000) -> str:
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    body: list[str] = []
    while len(body) < words:
        for text in texts:
            body.extend(text.split())
    return " ".join(body[:words])


def _load_seconds() -> float:
    code = (
        "import time; t = time.perf_counter(); "
        "from riftwatch.actors import load_actor_lexicon; load_actor_lexicon(); "
        "print(time.perf_counter() - t)"
    )
    return float(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    args = parser.parse_args()
    from riftwatch.actors import find_mentions, load_actor_lexicon
    from riftwatch.nlp import parse
    from riftwatch.types import Document

    load = _load_seconds()
    lexicon = load_actor_lexicon()
    document = Document(id="bench", text=_article())
    parse_times, resolve_times = [], []
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        parsed = parse(document)
        t1 = time.perf_counter()
        mentions = find_mentions(parsed, lexicon)
        t2 = time.perf_counter()
        parse_times.append(t1 - t0)
        resolve_times.append(t2 - t1)
    p_ms, r_ms = (1000 * statistics.median(x) for x in (parse_times, resolve_times))
    print(f"article: {len(document.text.split())} words, {len(mentions)} mentions")
    print(f"spaCy parse (baseline)   median {p_ms:8.2f} ms")
    print(f"actor resolution         median {r_ms:8.2f} ms  ({r_ms / p_ms:.1%} of parsing)")
    print(f"actor lexicon load       {load:8.3f} s (fresh process)")


if __name__ == "__main__":
    main()
