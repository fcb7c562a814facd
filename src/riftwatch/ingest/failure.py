"""The record that stands in for a document that could not be read."""

from __future__ import annotations

from dataclasses import dataclass

from riftwatch.errors import InputError


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A document (file or JSONL line) that could not be read, and why."""

    origin: str
    error: InputError

    @property
    def reason(self) -> str:
        """Why the document could not be read, without the origin."""
        return self.error.reason

    @property
    def code(self) -> str:
        """The stable error code (RW101 empty, RW102 decode, RW103 too large, RW104 record)."""
        return self.error.code

    def __str__(self) -> str:
        return f"{self.error.code} {self.origin}: {self.error.reason}"
