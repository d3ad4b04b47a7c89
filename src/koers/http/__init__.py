"""What the two HTTP adapters (``koers.api`` and ``koers.web``) share: service dependencies,
sessions and CSRF, upload reading, the error table and the hardening middleware."""
