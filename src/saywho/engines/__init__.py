"""Executors that run the per-article work of a corpus run: ``local`` (a process pool) and,
where installed, ``ray``. All share ``Executor`` and ``process`` from ``engines.base``."""

from __future__ import annotations

from saywho.engines.base import ArticleResult, Executor, FailureResult, RunOptions, article_key, process


def get_executor(name: str, workers: int) -> Executor:
    """The executor called ``name`` with ``workers`` workers; unknown names are a ``SaywhoError``."""
    if name == "local":
        from saywho.engines.local import LocalExecutor

        return LocalExecutor(workers)
    if name == "ray":
        try:
            from saywho.engines.ray import RayExecutor  # type: ignore[import-not-found]
        except ImportError as err:
            from saywho.errors import SaywhoError

            raise SaywhoError(f"the ray engine is not available ({err}); install saywho[ray]") from None
        return RayExecutor(workers)
    from saywho.errors import SaywhoError

    raise SaywhoError(f"unknown engine {name!r}: choose local or ray")


__all__ = ["ArticleResult", "Executor", "FailureResult", "RunOptions", "article_key", "get_executor", "process"]
