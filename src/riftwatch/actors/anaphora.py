"""State anaphors: "the country", "the kingdom", "the Gulf state" stand for a state named just
before ("... imposed financial sanctions on the country" after "Niger's junta").

The antecedent is the latest state named within a few sentences. An object or prepositional
object ("sanctions on the country", "visited the kingdom") does not mean its own clause's
subject; a possessive or a subject ("the country's isolation", "the country would") may. What
one leaves, flees or enters ("ordered the envoy to leave the country") is the scene: there the
clause's subject is the likeliest.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from riftwatch.types import Sentence, Token

STATE_ANAPHOR = "STATE"  # the lexicon's code for "the latest state named"
RECENT = 3  # sentences within which the antecedent must have been named
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative"})
_SCENE_VERBS = frozenset({"leave", "flee", "enter", "exit", "quit", "visit"})


@dataclass
class StatesSeen:
    """The states a document has named so far, latest last, and this sentence's subjects."""

    latest: list[tuple[str, str, int]] = field(default_factory=list)  # (code, name, sentence)
    subjects: set[str] = field(default_factory=set)

    def saw(self, code: str, name: str, sentence: int, *, subject: bool) -> None:
        self.latest = [s for s in self.latest if s[0] != code] + [(code, name, sentence)]
        if subject:
            self.subjects.add(code)

    def new_sentence(self) -> None:
        self.subjects = set()

    def antecedent(self, sentence: Sentence, head: Token) -> tuple[str, str] | None:
        """The state `head` ("country" in "the country") stands for, or None."""
        excluded = self.subjects if _is_object(sentence, head) else set()
        for code, name, seen in reversed(self.latest):
            if sentence.index - seen > RECENT:
                return None
            if code not in excluded:
                return code, name
        return None


def is_subject(tok: Token) -> bool:
    return tok.dep in {"nsubj", "nsubjpass"}


def _is_object(sentence: Sentence, head: Token) -> bool:
    if head.dep not in _OBJECT_DEPS or head.head == head.i:
        return False
    verb = sentence.token(head.head)
    if head.dep == "pobj" and verb.head != verb.i:
        verb = sentence.token(verb.head)
    return verb.lemma not in _SCENE_VERBS
