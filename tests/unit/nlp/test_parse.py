from __future__ import annotations

from riftwatch.nlp import parse, parse_many
from riftwatch.nlp.parse import segment_offsets
from riftwatch.types import Document


def test_tokens_keep_offsets_into_the_document_text() -> None:
    text = "Nato expelled seven Russian diplomats on Tuesday. Moscow said it would respond."
    parsed = parse(Document(id="x", text=text))
    assert len(parsed.sentences) == 2
    for sentence in parsed.sentences:
        assert text[sentence.start : sentence.end] == sentence.text
        for tok in sentence.tokens:
            assert text[tok.start : tok.end] == tok.text
    expelled = parsed.sentences[0].tokens[1]
    assert (expelled.lemma, expelled.pos, expelled.dep) == ("expel", "VERB", "ROOT")


def test_long_documents_are_parsed_in_segments_with_global_offsets() -> None:
    paragraph = "Germany expelled four Russian diplomats on Monday.\n"
    text = paragraph * 1500  # ~76,000 characters: more than one segment
    parsed = parse(Document(id="long", text=text))
    assert len(parsed.sentences) == 1500
    last = parsed.sentences[-1]
    assert text[last.start : last.end] == last.text
    assert all(last.token(t.head).i == t.head for t in last.tokens)
    indices = [t.i for s in parsed.sentences for t in s.tokens]
    assert indices == list(range(len(indices)))


def test_segments_cover_the_text_without_gaps() -> None:
    text = ("word " * 30 + "\n") * 50
    spans = list(segment_offsets(text, limit=400))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))
    assert all(end - start <= 400 for start, end in spans)


def test_parse_many_keeps_document_order() -> None:
    docs = [Document(id=str(i), text=f"Text number {i}.") for i in range(5)]
    assert [p.document.id for p in parse_many(docs)] == ["0", "1", "2", "3", "4"]


def test_a_dateline_is_not_parsed_as_a_subject_but_stays_in_the_text() -> None:
    from riftwatch.nlp import parse
    from riftwatch.types import Document

    text = "KHARTOUM - Thousands of protesters stormed the embassy."
    sentence = parse(Document(id="d", text=text)).sentences[0]
    subjects = [t.text for t in sentence.tokens if t.dep == "nsubj"]
    assert subjects == ["Thousands"]
    assert sentence.text.startswith("KHARTOUM -")
