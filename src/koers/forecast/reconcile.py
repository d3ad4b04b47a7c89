"""Forecast reconciliation so that sectors add up to the total (report Annex B.1).

A two-level hierarchy: the total (top) and n sectors (bottom). The summing matrix is
``S = [1ᵀ; I_n]`` ((n+1) × n). Given base forecasts ŷ for all n+1 series, every linear
reconciliation has the form ỹ = S G ŷ; the MinT family (Wickramasuriya, Athanasopoulos &
Hyndman 2019) takes G = (Sᵀ W⁻¹ S)⁻¹ Sᵀ W⁻¹ with W the covariance of the base forecast errors:

* ``bottom_up``: G = [0 | I], the sectors as forecast, the total as their sum;
* ``ols``: W = I;
* ``wls_struct``: W = diag(S·1), i.e. the total weighs n times a sector;
* ``mint_shrink``: W = the one-step in-sample residual covariance shrunk towards its diagonal
  (Schäfer & Strimmer 2005), the same estimator as hierarchicalforecast's ``MinT
  (mint_shrink)``.

Implemented in numpy because the hierarchy is two levels deep (a closed form), and
hierarchicalforecast would bring matplotlib, scikit-learn and a QP solver into the platform.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]

RECONCILIATION_METHODS = ("mint_shrink", "wls_struct", "ols", "bottom_up", "none")


def summing_matrix(n_bottom: int) -> FloatArray:
    """S = [1ᵀ; I]: row 0 is the total, rows 1..n the sectors."""
    return np.vstack([np.ones((1, n_bottom)), np.eye(n_bottom)])


def shrunk_covariance(residuals: npt.ArrayLike) -> FloatArray:
    """Schäfer–Strimmer shrinkage of the residual covariance towards its diagonal.

    Args:
        residuals: (series × time) in-sample one-step errors; columns with a missing value
            in any series are dropped.

    Returns:
        The (series × series) shrunk covariance; the diagonal is the sample variance
        (floored at a tiny positive value so that W is invertible).
    """
    r = np.asarray(residuals, dtype=np.float64)
    r = r[:, np.all(np.isfinite(r), axis=0)]
    n_series, n_time = r.shape
    if n_time < 3:
        return np.eye(n_series)
    centred = r - r.mean(axis=1, keepdims=True)
    variance = np.maximum((centred**2).sum(axis=1) / (n_time - 1), 1e-12)
    sd = np.sqrt(variance)
    x = centred / sd[:, None]
    w = np.einsum("it,jt->ijt", x, x)
    w_mean = w.mean(axis=2)
    corr = w_mean * n_time / (n_time - 1)
    var_corr = ((w - w_mean[:, :, None]) ** 2).sum(axis=2) * n_time / (n_time - 1) ** 3
    off = ~np.eye(n_series, dtype=bool)
    denominator = float((corr[off] ** 2).sum())
    lam = 1.0 if denominator == 0 else float(var_corr[off].sum() / denominator)
    lam = min(max(lam, 0.0), 1.0)
    shrunk = corr * (1 - lam)
    np.fill_diagonal(shrunk, 1.0)
    return np.asarray(shrunk * np.outer(sd, sd), dtype=np.float64)


def reconciliation_matrix(
    n_bottom: int, method: str, residuals: npt.ArrayLike | None = None
) -> FloatArray:
    """The (n+1) × (n+1) projection P = S G with ỹ = P ŷ.

    Args:
        n_bottom: Number of sectors n.
        method: One of :data:`RECONCILIATION_METHODS`.
        residuals: (n+1) × T in-sample errors, total first; needed for ``mint_shrink``.

    Returns:
        P; coherent: rows 1..n of P ŷ sum to row 0.

    Raises:
        ValueError: Unknown method, or residuals of the wrong shape.
    """
    s = summing_matrix(n_bottom)
    if method == "none":
        return np.eye(n_bottom + 1)
    if method == "bottom_up":
        bottom = np.hstack([np.zeros((n_bottom, 1)), np.eye(n_bottom)])
        return np.asarray(s @ bottom, dtype=np.float64)
    w_inv: npt.NDArray[np.float64]
    if method == "ols":
        w_inv = np.eye(n_bottom + 1)
    elif method == "wls_struct":
        w_inv = np.asarray(np.diag(1.0 / s.sum(axis=1)), dtype=np.float64)
    elif method == "mint_shrink":
        if residuals is None:
            raise ValueError("mint_shrink needs in-sample residuals")
        r = np.asarray(residuals, dtype=np.float64)
        if r.shape[0] != n_bottom + 1:
            raise ValueError(f"residuals need {n_bottom + 1} rows (total first), got {r.shape}")
        w_inv = np.asarray(np.linalg.pinv(shrunk_covariance(r)), dtype=np.float64)
    else:
        raise ValueError(f"unknown reconciliation '{method}'; one of {RECONCILIATION_METHODS}")
    g = np.linalg.solve(s.T @ w_inv @ s, s.T @ w_inv)
    return np.asarray(s @ g, dtype=np.float64)


def reconcile(
    base: npt.ArrayLike, method: str, residuals: npt.ArrayLike | None = None
) -> FloatArray:
    """Reconcile base forecasts (total first, then sectors) for every horizon step.

    Args:
        base: (n+1) × h base forecasts, row 0 the total.
        method: One of :data:`RECONCILIATION_METHODS`.
        residuals: (n+1) × T residuals for ``mint_shrink``.

    Returns:
        (n+1) × h reconciled forecasts; for every method but ``none`` the sectors sum to
        the total in every column.
    """
    y = np.asarray(base, dtype=np.float64)
    p = reconciliation_matrix(y.shape[0] - 1, method, residuals)
    return np.asarray(p @ y, dtype=np.float64)


__all__ = [
    "RECONCILIATION_METHODS",
    "reconcile",
    "reconciliation_matrix",
    "shrunk_covariance",
    "summing_matrix",
]
