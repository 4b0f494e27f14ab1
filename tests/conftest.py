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


@pytest.fixture(scope="module")
def small_db(tmp_path_factory) -> Path:
    """A small store for the web tests, built through the store's own schema (one per module)."""
    from fixtures.web.webstore import build_small

    return build_small(tmp_path_factory.mktemp("web") / "small.db")


@pytest.fixture(scope="module")
def client(small_db):
    """An in-process client of `saywho serve`'s app on ``small_db``."""
    from starlette.testclient import TestClient

    from saywho.web.app import create_app

    with TestClient(create_app(small_db)) as client:
        yield client
