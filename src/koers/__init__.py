"""Koers: an open-source learning and career platform driven by skills forecasts."""

__version__ = "0.1.0"
