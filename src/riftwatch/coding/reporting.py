"""Which lexicon matches report an act of their own: not a reference to one told elsewhere
("condemned the invasion"), its toll ("..., killing dozens"), what a signed document or an
agreement says, or a warning that only forecasts ("warned that the deal would harm relations").
"""

from __future__ import annotations

from collections.abc import Sequence

from riftwatch.coding import counted, counts, modality
from riftwatch.coding.authorship import VERDICT_VERBS
from riftwatch.coding.roles import MentionIndex, Roles
from riftwatch.coding.verbs import ActionMatch
from riftwatch.types import Sentence, Token
from riftwatch.wordlists import words

# A warning of these threatens, whoever would act ("any punishment would mean all-out war").
_WAR_WORDS = frozenset({"war", "attack", "strike", "invasion", "force", "retaliation"})
_LIGHT_VERBS = words("light-verbs")
_SUFFERING = words("suffering-verbs")
_AGREEING = frozenset({"agree", "consent"})
_DOCUMENTS = frozenset(
    {"accord", "agreement", "communique", "declaration", "deal", "memorandum", "pact", "treaty"}
)


def forecast(sentence: Sentence, match: ActionMatch, roles: Roles, index: MentionIndex) -> bool:
    """ "warning that the deal would harm relations" forecasts; it threatens only when the
    speaker's own side is the one that would act ("warned that it would retaliate")."""
    if not match.cameo.startswith("13"):
        return False
    clause = _warned_clause(sentence, match.trigger)
    if clause is None:
        return False
    if clause.lemma in _SUFFERING:
        return True  # "warning that her country could lose the battle against the virus"
    subject = next((c for c in sentence.children(clause) if c.dep == "nsubj"), None)
    if subject is None or subject.lower in {"it", "we", "they", "he", "she"}:
        return False
    speakers = {m.code for m in roles.sources}
    said = sentence.subtree(clause)
    if any(t.lemma in _WAR_WORDS for t in said):
        return False  # "warned that any punishment would mean all-out war"
    if modality.has_condition(sentence, clause):
        return False  # "would be met with fire and fury if it kept threatening": a threat
    # "those responsible could face US sanctions": the speaker's own side would act
    return not any(m.code in speakers for t in said if (m := index.at(t)) is not None)


def _warned_clause(sentence: Sentence, trigger: Token) -> Token | None:
    """What a warning says: its "that" clause, which the parser may hang on a noun of the
    warning's own phrase ("warning in a letter ... that her country could lose")."""
    clause = next((c for c in sentence.children(trigger) if c.dep == "ccomp"), None)
    if clause is not None:
        return clause
    return next(
        (
            t
            for t in sentence.subtree(trigger)
            if t.dep == "acl" and any(m.lower == "that" for m in sentence.children(t))
        ),
        None,
    )


def referenced(sentence: Sentence, match: ActionMatch, index: MentionIndex) -> bool:
    """ "condemned the invasion", "welcomed the agreement": an event noun as the object of
    another verb refers to an act reported elsewhere; "imposed sanctions" is the act itself,
    and "condemned Iraq's invasion of Kuwait" states who did it."""
    trigger = match.trigger
    if trigger.pos == "NOUN" and trigger.dep == "nsubj" and match.cameo.startswith("09"):
        return True  # "the inquiry concluded that ...": its finding is the act told here
    if trigger.pos != "NOUN" or trigger.dep != "dobj" or trigger.head == trigger.i:
        return False
    if any(c.dep == "poss" and index.at(c) for c in sentence.children(trigger)):
        return False
    return sentence.token(trigger.head).lemma not in _LIGHT_VERBS | VERDICT_VERBS


def document_content(sentence: Sentence, match: ActionMatch) -> bool:
    """ "signed a declaration pledging to work toward normal relations": what the document
    says is the signing, coded on its verb, not a second pledge."""
    trigger = match.trigger
    if trigger.dep != "acl" or trigger.tag != "VBG" or trigger.head == trigger.i:
        return False
    return match.cameo.startswith("03") and sentence.token(trigger.head).lemma in _DOCUMENTS


def consequence(sentence: Sentence, match: ActionMatch, matches: Sequence[ActionMatch]) -> bool:
    """ "opened fire on mourners, killing dozens": the killing is the attack's toll (its count),
    not another attack."""
    trigger = match.trigger
    if trigger.lemma not in counted.CASUALTY_VERBS or trigger.head == trigger.i:
        return False
    if trigger.dep not in ("advcl", "xcomp", "conj", "relcl", "acl"):
        return False
    return any(m.trigger.i == trigger.head and m.cameo[:2] in counts.FORCE_ROOTS for m in matches)


def agreed_act(sentence: Sentence, match: ActionMatch, matches: Sequence[ActionMatch]) -> bool:
    """ "agreed to restore relations", "agreed to give Pakistan $3bn": the agreement reports
    the act it agrees to, coded on its own; an agreed meeting stays an intent (03)."""
    if match.trigger.lemma not in _AGREEING or not match.cameo.startswith("03"):
        return False
    agreed = {c.i for c in sentence.children(match.trigger) if c.dep == "xcomp"}
    agreed |= {t.i for t in sentence.tokens if t.dep == "conj" and t.head in agreed}
    return any(m.trigger.i in agreed and m.cameo[:2] not in {"03", "04"} for m in matches)


def reports_act(
    sentence: Sentence, match: ActionMatch, matches: Sequence[ActionMatch], index: MentionIndex
) -> bool:
    """False when `match` names an act reported elsewhere, or only part of one."""
    if referenced(sentence, match, index) or document_content(sentence, match):
        return False
    return not (consequence(sentence, match, matches) or agreed_act(sentence, match, matches))
