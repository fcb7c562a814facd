"""The only importer of spaCy: load the English pipeline once, turn text into ParsedDoc records."""

from riftwatch.nlp.model import MODEL_NAME, load_model
from riftwatch.nlp.parse import parse, parse_many
from riftwatch.nlp.prefilter import Prefilter, Selection, load_prefilter

__all__ = [
    "MODEL_NAME",
    "Prefilter",
    "Selection",
    "load_model",
    "load_prefilter",
    "parse",
    "parse_many",
]
