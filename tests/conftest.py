from __future__ import annotations

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(os.environ.get("SAYWHO_SHARED", Path(__file__).resolve().parents[1].parent / "shared"))
SEED = FIXTURES / "000_baf42c301885f353.txt"


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def shared_path(*parts: str) -> Path:
    """A path under ../shared, skipping the test where a user's clone does not have it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs {path} (the shared data beside the repo)")
    return path
