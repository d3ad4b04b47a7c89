"""ORM classes; importing this module registers every table on ``Base.metadata``."""

from koers.store.orm import accounts, taxonomy
from koers.store.orm import audit as audit
from koers.store.orm import forecast as forecast
from koers.store.orm import portfolio as portfolio

__all__ = ["accounts", "audit", "forecast", "portfolio", "taxonomy"]
