"""The exceptions riftwatch raises.

RiftwatchError                 base: every error we raise on purpose
├── InputError                 a document could not be read (one per document, batch goes on)
│   ├── EmptyDocumentError     nothing but whitespace / page furniture
│   ├── DecodeError            bytes that are not text in any encoding we accept
│   ├── TooLargeError          over the size limit
│   └── RecordError            a JSONL line that is not a valid record, or an impossible date
├── LexiconError               a lexicon file is missing or fails its schema
├── QueryError                 a query too large to answer as asked (a span of too many periods)
└── StoreError                 the database could not be opened or written
    ├── StoreBusyError         another process holds the database's write lock: try again
    └── NotFoundError          no document, event or paging cursor with the id asked for
"""

from __future__ import annotations


class RiftwatchError(Exception):
    """Base class; `code` is a stable identifier users can grep for."""

    code = "RW000"


class InputError(RiftwatchError):
    code = "RW100"

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class EmptyDocumentError(InputError):
    code = "RW101"


class DecodeError(InputError):
    code = "RW102"


class TooLargeError(InputError):
    code = "RW103"


class RecordError(InputError):
    code = "RW104"


class LexiconError(RiftwatchError):
    code = "RW200"


class QueryError(RiftwatchError):
    code = "RW250"


class StoreError(RiftwatchError):
    code = "RW300"


class StoreBusyError(StoreError):
    code = "RW301"


class NotFoundError(StoreError):
    code = "RW302"
