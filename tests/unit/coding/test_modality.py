from __future__ import annotations

import pytest

from riftwatch.coding.modality import classify, has_condition, is_future
from riftwatch.types import Modality, Sentence, Token
from tests.conftest import ParseText


def _trigger(parse_text: ParseText, text: str, word: str) -> tuple[Sentence, Token]:
    sentence = parse_text(text).sentences[0]
    return sentence, next(t for t in sentence.tokens if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Nato expelled seven Russian diplomats on Tuesday.", "expelled", Modality.ASSERTED),
        ("Denmark is expelling two Russian diplomats.", "expelling", Modality.ASSERTED),
        ("Hungary will expel one Russian diplomat.", "expel", Modality.ANNOUNCED),
        ("May said that Britain would expel 23 Russian diplomats.", "expel", Modality.ANNOUNCED),
        ("Turkey will not expel any Russian diplomats.", "expel", Modality.NEGATED),
        ("Greece has not expelled Russian diplomats either.", "expelled", Modality.NEGATED),
        ("Japan has no plans to expel Russian diplomats.", "expel", Modality.NEGATED),
        ("Austria refused to expel Russian diplomats.", "expel", Modality.REFUSED),
        (
            "Iran said it would retaliate against any attack by Israel.",
            "attack",
            Modality.HYPOTHETICAL,
        ),
        ("Israel barred the UN envoy from visiting Gaza.", "visiting", Modality.NEGATED),
        ("Minsk will ban them from travelling to the bloc.", "travelling", Modality.NEGATED),
        (
            "The court ruled that Serbia had violated its duty to prevent genocide in the"
            " Srebrenica massacre.",
            "massacre",
            Modality.ASSERTED,
        ),
        (
            "Portugal stopped short of expelling any Russian diplomats.",
            "expelling",
            Modality.REFUSED,
        ),
        (
            "Britain could expel more Russian diplomats if Moscow retaliates.",
            "expel",
            Modality.HYPOTHETICAL,
        ),
        ("China urged Washington to cancel the sale.", "cancel", Modality.HYPOTHETICAL),
        ("Italy is considering expelling Russian diplomats.", "expelling", Modality.HYPOTHETICAL),
        (
            "Russia demanded that NATO rule out expansion and pull back its forces.",
            "pull",
            Modality.HYPOTHETICAL,
        ),
        ("Russia denied the report and expelled two diplomats.", "expelled", Modality.ASSERTED),
    ],
)
def test_modality_of_common_phrasings(
    parse_text: ParseText, text: str, word: str, expected: Modality
) -> None:
    sentence, trigger = _trigger(parse_text, text, word)
    assert classify(sentence, trigger) is expected


def test_condition_is_seen_on_the_main_clause(parse_text: ParseText) -> None:
    sentence, trigger = _trigger(
        parse_text, "Britain could expel more Russian diplomats if Moscow retaliates.", "expel"
    )
    assert has_condition(sentence, trigger)
    sentence, trigger = _trigger(parse_text, "Britain expelled 23 Russian diplomats.", "expelled")
    assert not has_condition(sentence, trigger)


def test_only_asserted_and_announced_are_facts() -> None:
    assert {m for m in Modality if m.is_factual} == {Modality.ASSERTED, Modality.ANNOUNCED}


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Burundi rejected an African Union plan to send 5,000 peacekeepers.", "send"),
        ("Trump threatened on Sunday to impose sanctions on Iraq.", "impose"),
    ],
)
def test_proposed_and_threatened_acts_are_not_facts(
    parse_text: ParseText, text: str, word: str
) -> None:
    sentence, trigger = _trigger(parse_text, text, word)
    assert classify(sentence, trigger) is Modality.HYPOTHETICAL


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Ukraine sent a delegation to meet Russian officials.", "meet", Modality.HYPOTHETICAL),
        ("India denied his claim that Modi had asked for help.", "asked", Modality.HYPOTHETICAL),
        ("The Kremlin said it had no plans for a meeting.", "had", Modality.NEGATED),
        ("Britain was the first country to expel Russian diplomats.", "expel", Modality.ASSERTED),
    ],
)
def test_purposes_claims_and_absent_plans(
    parse_text: ParseText, text: str, word: str, expected: Modality
) -> None:
    sentence, trigger = _trigger(parse_text, text, word)
    assert classify(sentence, trigger) is expected


def test_what_is_unclear_whether_it_happens_is_not_a_fact(parse_text) -> None:
    from riftwatch.actors import find_mentions
    from riftwatch.coding.coder import code_document

    parsed = parse_text(
        "US officials said it was not clear whether Iraq intended to invade Kuwait."
    )
    invasions = [e for e in code_document(parsed, find_mentions(parsed)) if e.action.root == "19"]
    assert invasions and not any(e.modality.is_factual for e in invasions)


def test_a_coordinated_clause_with_its_own_subject_keeps_its_own_tense(
    parse_text: ParseText,
) -> None:
    text = (
        "Havana has said it will send 300 health workers to Liberia, and WHO chief Margaret "
        "Chan has praised Cuba's contribution."
    )
    sentence, praised = _trigger(parse_text, text, "praised")
    send = next(t for t in sentence.tokens if t.text == "send")
    assert is_future(sentence, send) and not is_future(sentence, praised)
