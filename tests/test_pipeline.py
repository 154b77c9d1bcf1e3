"""The pipeline chain and the build date."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import TODAY

from generator.errors import UsageError
from generator.pipeline import build_date, run_pipeline


def test_build_date_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    assert build_date("2027-01-31") == dt.date(2027, 1, 31)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert build_date() == dt.date(2027, 1, 15)
    with pytest.raises(UsageError, match="YYYY-MM-DD"):
        build_date("31/01/2027")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "soon")
    with pytest.raises(UsageError):
        build_date()


def test_run_pipeline_is_deterministic(make_catalogue) -> None:
    root = make_catalogue()
    first = run_pipeline(root, TODAY, "https://example.org/")
    second = run_pipeline(root, TODAY, "https://example.org/")
    assert dict(first) == dict(second)
    assert "professions/podiatrist.md" in first


def test_missing_catalogue_is_a_usage_error(tmp_path) -> None:
    with pytest.raises(UsageError, match="no catalogue"):
        run_pipeline(tmp_path, TODAY)
