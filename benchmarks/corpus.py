"""Write any number of varied, realistic news articles as JSONL, deterministic by seed (#8).

    .venv/bin/python benchmarks/corpus.py OUT_DIR [--docs 10000] [--words 500] [--seed 8]

Each article is a wire story of about --words words: a lead passage with its dateline, one to
three more passages of the same kind without theirs, and between them the prose that real
stories carry and that codes to nothing or little: quotes, background, reactions, analysis,
markets, a photo caption, page furniture (share buttons, "Advertisement", newsletter boxes,
related links). The passages are the hand-written wire passages of the gold and report sets
(tests/gold/*.jsonl, tests/data/*.jsonl); the prose comes from the templates below, filled
with states, capitals, leaders and numbers.

Roughly one sentence in four to five reports a codable event, about as in the NATO article of
examples/ (6 of 34 sentences); the prefilter's savings depend on that share, so the benchmark
prints it. Files hold at most 1,000 articles each (the reader takes files up to 10 MB).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PASSAGE_FILES = [
    *sorted((ROOT / "tests" / "gold").glob("part-*.jsonl")),
    ROOT / "tests" / "data" / "gold-holdout.jsonl",
    ROOT / "tests" / "data" / "gold-extra.jsonl",
    ROOT / "tests" / "data" / "reports" / "reports.jsonl",
    ROOT / "tests" / "data" / "reports-2018" / "reports.jsonl",
]
PER_FILE = 1_000
_DATELINE = re.compile(r"^[A-Z][A-Z.'’ ]+(?:, [A-Za-z .']+)?(?: \([^)]*\))? - ")

STATES = [
    ("Germany", "German", "Berlin", "Chancellor Olaf Scholz"),
    ("France", "French", "Paris", "President Emmanuel Macron"),
    ("Japan", "Japanese", "Tokyo", "Prime Minister Fumio Kishida"),
    ("Brazil", "Brazilian", "Brasilia", "President Luiz Inacio Lula da Silva"),
    ("India", "Indian", "New Delhi", "Prime Minister Narendra Modi"),
    ("Turkey", "Turkish", "Ankara", "President Tayyip Erdogan"),
    ("Nigeria", "Nigerian", "Abuja", "President Bola Tinubu"),
    ("Indonesia", "Indonesian", "Jakarta", "President Joko Widodo"),
    ("Mexico", "Mexican", "Mexico City", "President Andres Manuel Lopez Obrador"),
    ("Egypt", "Egyptian", "Cairo", "President Abdel Fattah al-Sisi"),
    ("Poland", "Polish", "Warsaw", "Prime Minister Donald Tusk"),
    ("Kenya", "Kenyan", "Nairobi", "President William Ruto"),
    ("Argentina", "Argentine", "Buenos Aires", "President Javier Milei"),
    ("Vietnam", "Vietnamese", "Hanoi", "Prime Minister Pham Minh Chinh"),
    ("Canada", "Canadian", "Ottawa", "Prime Minister Justin Trudeau"),
    ("South Africa", "South African", "Pretoria", "President Cyril Ramaphosa"),
]
PEOPLE = ["Maria Keller", "Tom Adebayo", "Ana Lima", "Kenji Sato", "Lena Novak", "Omar Haddad"]
JOBS = ["an analyst at a London think tank", "a professor of international relations",
        "a former diplomat", "a senior fellow at a Washington research institute",
        "an economist at a regional bank", "a researcher who studies the region"]  # fmt: skip
TOPICS = ["energy prices", "the harvest", "inflation", "the currency", "tourism", "exports",
          "the budget", "fuel subsidies", "the election campaign", "rail freight"]  # fmt: skip

# Prose that carries no event of its own, or only a vague one, as wire stories have plenty.
PROSE = [
    "{P} said the decision reflected months of frustration in {C1} over the pace of progress.",
    "\u201cWe have been patient, but patience has its limits,\u201d one official told reporters.",
    "\u201cThis is a difficult moment, and nobody in {C2} wants it to get worse,\u201d said {P}, "
    "{J}.",
    "The {A1} economy has slowed this year, with {T} weighing on growth.",
    "Markets in {K1} were little changed on the news, and the currency held steady.",
    "Relations between the two countries have been strained for several years.",
    "The dispute dates back decades and has flared up repeatedly since the 1990s.",
    "Officials did not say how long the measures would remain in place.",
    "Opposition politicians in {K1} said the government had acted too late.",
    "The issue is expected to feature at a regional meeting later this month.",
    "Analysts said the move was aimed as much at voters at home as at {C2}.",
    "\u201cIt is too early to say what this means for trade,\u201d said {P}, {J}.",
    "Both governments have said in the past that they want to keep channels open.",
    "Public opinion polls show broad support for a firmer line.",
    "Rising {T} have become a central issue ahead of elections next year.",
    "{C1} is one of the largest trading partners of {C2}, with annual trade worth about "
    "{N} billion dollars.",
    "The embassy in {K2} remained open on {D}, a spokeswoman said.",
    "Newspapers in {K2} carried the story on their front pages.",
    "The ministry's statement gave no further details.",
    "It was not immediately clear whether other countries would follow.",
    "Local media reported that traffic at the main border crossing was normal.",
    "The government has faced criticism over its handling of {T} in recent months.",
    "Some {N} people live in the border region, many of them farmers.",
    "The talks have been stalled since last year, diplomats say.",
    "{P}, {J}, said the episode showed how quickly tensions could escalate.",
    "Officials in {K1} declined to comment on the reports.",
    "Shares of exporters fell by up to {N} percent in early trading.",
    "The statement came hours after a cabinet meeting in {K1}.",
]
CAPTIONS = ["Photo: Reuters", "File photo of the presidential palace in {K1}. AFP",
            "{L1} arrives for a meeting in {K2}. AP Photo"]  # fmt: skip
FURNITURE_TOP = ["Skip to main content", "Menu", "World | Politics | Business", "Sign in"]
FURNITURE_MID = ["Advertisement", "Read more: {C1} and {C2} at odds over {T}",
                 "Related: What the row means for {T}", "Listen to this article",
                 "{N} min read"]  # fmt: skip
FURNITURE_END = ["Share on Facebook", "Share on X", "Copy link",
                 "Sign up for our daily newsletter", "Reporting by {P}; Editing by {Q}",
                 "Copyright {Y} Riftwatch Newswire. All rights reserved.",
                 "Most read", "Cookie settings"]  # fmt: skip


def load_passages() -> list[dict[str, str]]:
    """The wire passages the articles are built around: text, date and title."""
    passages = []
    for path in PASSAGE_FILES:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                passages.append({k: record.get(k) or "" for k in ("text", "date", "title")})
    return passages


def articles(n: int, *, words: int = 500, seed: int = 8) -> Iterator[dict[str, str]]:
    """`n` articles of about `words` words each, the same for the same seed."""
    rng = random.Random(seed)
    passages = load_passages()
    for i in range(n):
        yield _article(rng, passages, words, f"bench-{seed}-{i:07d}")


def _article(
    rng: random.Random, passages: list[dict[str, str]], words: int, doc_id: str
) -> dict[str, str]:
    lead = rng.choice(passages)
    fill = _filler(rng, lead["date"])
    lines = [fill(rng.choice(FURNITURE_TOP)) for _ in range(rng.randint(0, 2))]
    lines.append(lead["text"])
    extra = rng.sample(passages, rng.randint(1, 3))
    prose = rng.sample(PROSE, len(PROSE))  # no sentence twice in one story
    while sum(len(line.split()) for line in lines) < words and prose:
        roll = rng.random()
        if extra and roll < 0.18:
            lines.append(_DATELINE.sub("", extra.pop()["text"]))
        elif roll < 0.25:
            lines.append(fill(rng.choice(FURNITURE_MID + CAPTIONS)))
        else:
            paragraph = [prose.pop() for _ in range(min(len(prose), rng.randint(1, 3)))]
            lines.append(" ".join(fill(t) for t in paragraph))
    lines.extend(fill(rng.choice(FURNITURE_END)) for _ in range(rng.randint(1, 3)))
    return {
        "id": doc_id,
        "date": lead["date"],
        "title": lead["title"],
        "text": "\n\n".join(lines),
    }


def _filler(rng: random.Random, date: str) -> Callable[[str], str]:
    """Fills templates with one story's two states and fresh people, topics and numbers."""
    one, two = rng.sample(STATES, 2)
    year = date[:4] if date else "2024"
    slots = {
        "C1": one[0], "A1": one[1], "K1": one[2], "L1": one[3],
        "C2": two[0], "K2": two[2],
        "D": rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
        "Y": year,
    }  # fmt: skip

    def fill(template: str) -> str:
        return template.format(
            **slots,
            P=rng.choice(PEOPLE),
            Q=rng.choice(PEOPLE),
            J=rng.choice(JOBS),
            T=rng.choice(TOPICS),
            N=rng.randint(2, 90),
        )

    return fill


def write_corpus(out: Path, n: int, *, words: int = 500, seed: int = 8) -> list[Path]:
    """Write `n` articles to out/articles-NNNN.jsonl, PER_FILE to a file; return the files."""
    out.mkdir(parents=True, exist_ok=True)
    files: list[Path] = []
    handle = None
    for i, article in enumerate(articles(n, words=words, seed=seed)):
        if i % PER_FILE == 0:
            if handle:
                handle.close()
            files.append(out / f"articles-{i // PER_FILE:04d}.jsonl")
            handle = files[-1].open("w", encoding="utf-8")
        handle.write(json.dumps(article, ensure_ascii=False) + "\n")
    if handle:
        handle.close()
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=500)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    files = write_corpus(args.out, args.docs, words=args.words, seed=args.seed)
    print(f"{args.docs} articles in {len(files)} files under {args.out}")


if __name__ == "__main__":
    main()
