"""The parse prefilter: which sentences it keeps, and that what it keeps parses and codes as
in a full parse (#8)."""

from __future__ import annotations

import importlib
from dataclasses import asdict
from types import ModuleType

import pytest

from riftwatch.ingest import document_from_record
from riftwatch.nlp import load_model, load_prefilter, parse
from riftwatch.nlp.lemmas import lemma_tables
from riftwatch.nlp.prefilter import receptive_field
from riftwatch.pipeline import DocumentResult, process
from riftwatch.types import Document, ParsedDoc

parse_module = importlib.import_module("riftwatch.nlp.parse")

WEATHER = "It rained in the capital for most of the week, and the roads were closed."
EXPULSION = "Poland expelled four Russian diplomats on Monday."


def _kept_text(text: str) -> list[str]:
    selection = load_prefilter().select(text)
    return [text[p.keep_start : p.keep_end].strip() for p in selection.pieces]


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("expelled", "expel"), ("struck", "strike"), ("talks", "talk"), ("sanctions", "sanction")],
)
def test_lemma_guesses_include_what_the_lemmatizer_says(form: str, lemma: str) -> None:
    assert lemma in lemma_tables(load_model()).forms(form)


def test_a_sentence_needs_an_action_and_an_actor() -> None:
    text = f"{WEATHER} {EXPULSION} The expulsions were announced on Monday. Markets were calm."
    assert _kept_text(text) == [EXPULSION]


def test_an_anaphor_brings_the_sentence_that_named_its_antecedent() -> None:
    text = (
        "NATO is based in Brussels. " + WEATHER + " "
        "The alliance expelled seven Russian diplomats on Tuesday."
    )
    kept = _kept_text(text)
    assert kept[0] == "NATO is based in Brussels."
    assert kept[-1] == "The alliance expelled seven Russian diplomats on Tuesday."
    assert WEATHER not in " ".join(kept)


def test_a_surname_brings_the_sentence_that_introduced_it() -> None:
    text = (
        "Britain's ambassador Laurie Bristow arrived in the city in the spring. " + WEATHER + " "
        "Bristow condemned the expulsions on Friday."
    )
    kept = _kept_text(text)
    assert kept[0].startswith("Britain's ambassador Laurie Bristow")
    assert WEATHER not in " ".join(kept)


def test_the_receptive_field_is_read_from_the_model() -> None:
    assert receptive_field(load_model()) == 4  # en_core_web_sm: depth 4, window 1


def _long_text() -> str:
    return "\n\n".join([EXPULSION, WEATHER] * 20 + ["Russia said it would respond in kind."])


def test_skipped_sentences_stay_as_sentences_without_tokens() -> None:
    text = _long_text()
    parsed = parse(Document(id="long", text=text), prefilter=True)
    assert [bool(s.tokens) for s in parsed.sentences[:4]] == [True, False, True, False]
    assert [s.index for s in parsed.sentences] == list(range(len(parsed.sentences)))
    assert all(text[s.start : s.end] == s.text for s in parsed.sentences)
    tokens = [t.i for s in parsed.sentences for t in s.tokens]
    assert tokens == list(range(len(tokens)))


def _tokens(parsed: ParsedDoc) -> dict[int, tuple[object, ...]]:
    """Parsed tokens by their offset in the text, heads as offsets too."""
    out = {}
    for s in parsed.sentences:
        starts = {t.i: t.start for t in s.tokens}
        for t in s.tokens:
            out[t.start] = (t.text, t.lemma, t.tag, t.pos, t.dep, starts[t.head], t.ent_type)
    return out


def test_kept_tokens_parse_as_in_a_full_parse(corpus: ModuleType) -> None:
    for record in corpus.articles(5, words=500, seed=3):
        document = document_from_record(record, record["id"])
        filtered = _tokens(parse(document, prefilter=True))
        full = _tokens(parse(document, prefilter=False))
        assert filtered and len(filtered) < len(full)
        assert {start: full[start] for start in filtered} == filtered


def test_short_documents_are_parsed_whole() -> None:
    document = Document(id="short", text=f"{EXPULSION} {WEATHER}")
    assert len(document.text) <= parse_module.WHOLE_DOCUMENT_CHARS
    assert parse(document, prefilter=True) == parse(document, prefilter=False)


def _events(documents: list[Document], *, prefilter: bool) -> set[tuple[object, ...]]:
    found = set()
    for result in process(documents, prefilter=prefilter):
        assert isinstance(result, DocumentResult)
        for record in result.records():
            row = asdict(record)
            del row["id"], row["sentence"]  # numbered by the rule-based split where skipped
            found.add(tuple(row.values()))
    return found


def test_prefiltered_articles_code_the_same_events(corpus: ModuleType) -> None:
    documents = [document_from_record(r, r["id"]) for r in corpus.articles(40, words=500, seed=5)]
    assert _events(documents, prefilter=True) == _events(documents, prefilter=False)


@pytest.mark.parametrize("gold", ["tests/data/gold-holdout.jsonl", "tests/data/gold-extra.jsonl"])
def test_prefiltering_even_short_gold_passages_codes_the_same_events(
    gold: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from riftwatch.evaluation import load_gold

    documents = [g.document for g in load_gold(gold)]
    full = _events(documents, prefilter=False)
    monkeypatch.setattr(parse_module, "WHOLE_DOCUMENT_CHARS", 0)
    assert _events(documents, prefilter=True) == full
