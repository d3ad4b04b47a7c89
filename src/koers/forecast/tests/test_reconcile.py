"""Reconciliation: hand-computed OLS case, coherence of every method, MinT shrinkage."""

from __future__ import annotations

import numpy as np
import pytest

from koers.forecast.reconcile import RECONCILIATION_METHODS, reconcile, shrunk_covariance


def test_ols_hand_computed() -> None:
    # S = [[1, 1], [1, 0], [0, 1]]; (S'S)^-1 S' y with y = (10, 3, 4) gives bottom (4, 5)
    out = reconcile(np.array([[10.0], [3.0], [4.0]]), "ols")
    assert out[:, 0] == pytest.approx([9.0, 4.0, 5.0])


def test_bottom_up_keeps_sectors() -> None:
    out = reconcile(np.array([[10.0, 11.0], [3.0, 3.5], [4.0, 4.5]]), "bottom_up")
    assert out[1:].tolist() == [[3.0, 3.5], [4.0, 4.5]]
    assert out[0].tolist() == [7.0, 8.0]


@pytest.mark.parametrize("method", [m for m in RECONCILIATION_METHODS if m != "none"])
def test_every_method_is_coherent(method: str) -> None:
    rng = np.random.default_rng(1)
    base = rng.uniform(10, 20, size=(5, 3))
    residuals = rng.normal(size=(5, 12))
    out = reconcile(base, method, residuals)
    assert out[0] == pytest.approx(out[1:].sum(axis=0))


def test_mint_trusts_the_precise_series() -> None:
    rng = np.random.default_rng(2)
    residuals = np.vstack([rng.normal(0, 50, 30), rng.normal(0, 0.1, 30), rng.normal(0, 0.1, 30)])
    out = reconcile(np.array([[20.0], [3.0], [4.0]]), "mint_shrink", residuals)
    # the total is noisy, the sectors precise: the result stays close to bottom-up
    assert out[1:, 0] == pytest.approx([3.0, 4.0], abs=0.05)


def test_shrunk_covariance_keeps_variances() -> None:
    rng = np.random.default_rng(3)
    r = rng.normal(size=(4, 20))
    w = shrunk_covariance(r)
    assert np.diag(w) == pytest.approx(r.var(axis=1, ddof=1))
    assert np.all(np.abs(w - w.T) < 1e-12)
