"""ORM classes; importing this module registers every table on ``Base.metadata``."""

from koers.store.orm import taxonomy

__all__ = ["taxonomy"]
