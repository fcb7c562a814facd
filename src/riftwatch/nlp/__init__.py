"""The only importer of spaCy: load the English pipeline once, turn text into ParsedDoc records."""

from riftwatch.nlp.parse import MODEL_NAME, load_model, parse, parse_many

__all__ = ["MODEL_NAME", "load_model", "parse", "parse_many"]
