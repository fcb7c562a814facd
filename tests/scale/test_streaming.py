"""A long run streams: it stores batch by batch and merges in steps, and ends as one pass would."""

from __future__ import annotations

from pathlib import Path

import pytest

from riftwatch import pipeline
from tests.scale.conftest import Snapshot, run_into, snapshot


def test_merging_every_few_documents_ends_in_the_same_store(
    articles: Path, reference: Snapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pipeline, "MERGE_EVERY", 50)
    monkeypatch.setattr(pipeline, "BATCH_SIZE", 25)
    report = run_into(tmp_path / "steps.duckdb", [articles])
    assert (report.documents, report.failures) == (200, [])
    assert snapshot(tmp_path / "steps.duckdb") == reference
