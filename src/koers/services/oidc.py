"""OpenID Connect login (the production option): authorization-code flow with PKCE (S256).

The issuer is configured (``KOERS_OIDC_ISSUER``, ``KOERS_OIDC_CLIENT_ID``,
``KOERS_OIDC_CLIENT_SECRET``). The ID token is validated in full: signature against the
issuer's JWKS (joserfc), ``iss``, ``aud`` (and ``azp`` when there are several audiences),
``exp``/``iat`` with one minute of leeway, ``nonce``, and a ``sub``.
The HTTP client is injected, so tests run against an in-process fake issuer (no network).
"""

from __future__ import annotations

import base64
import hashlib
import secrets
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import httpx
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import KeySet

from koers.access import Unauthenticated
from koers.config import Settings
from koers.errors import InvalidInput

ALGORITHMS = ("RS256", "ES256", "PS256")
LEEWAY_SECONDS = 60


class OidcError(Unauthenticated):
    """The issuer's answer could not be trusted; the message names the check, no token data."""

    code = "oidc_failed"


@dataclass(frozen=True)
class OidcStart:
    """Where to send the browser, and what to remember until it comes back."""

    url: str
    state: str
    nonce: str
    verifier: str


@dataclass(frozen=True)
class OidcIdentity:
    issuer: str
    subject: str
    email: str
    name: str


def pkce_challenge(verifier: str) -> str:
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OidcClient:
    """A relying party for one issuer; discovery and JWKS are fetched once and cached."""

    def __init__(self, settings: Settings, http: httpx.Client | None = None) -> None:
        self.issuer = settings.oidc_issuer.rstrip("/")
        self.client_id = settings.oidc_client_id
        self.client_secret = settings.oidc_client_secret
        self.http = http or httpx.Client(timeout=10.0, follow_redirects=False)
        self._metadata: dict[str, Any] | None = None
        self._keys: KeySet | None = None

    @property
    def enabled(self) -> bool:
        return bool(self.issuer and self.client_id)

    def metadata(self) -> dict[str, Any]:
        if self._metadata is None:
            response = self.http.get(f"{self.issuer}/.well-known/openid-configuration")
            if response.status_code != 200:
                raise OidcError("issuer discovery failed")
            data = response.json()
            if str(data.get("issuer", "")).rstrip("/") != self.issuer:
                raise OidcError("issuer in discovery does not match the configured issuer")
            for key in ("authorization_endpoint", "token_endpoint", "jwks_uri"):
                if not isinstance(data.get(key), str):
                    raise OidcError(f"issuer discovery lacks {key}")
            self._metadata = data
        return self._metadata

    def _key_set(self, refresh: bool = False) -> KeySet:
        if self._keys is None or refresh:
            response = self.http.get(self.metadata()["jwks_uri"])
            if response.status_code != 200:
                raise OidcError("issuer keys could not be fetched")
            self._keys = KeySet.import_key_set(response.json())
        return self._keys

    def start(self, redirect_uri: str) -> OidcStart:
        """The authorization URL with a fresh state, nonce and PKCE verifier."""
        if not self.enabled:
            raise InvalidInput("OpenID Connect is not configured")
        state = secrets.token_urlsafe(24)
        nonce = secrets.token_urlsafe(24)
        verifier = secrets.token_urlsafe(48)
        query = urlencode(
            {
                "response_type": "code",
                "client_id": self.client_id,
                "redirect_uri": redirect_uri,
                "scope": "openid email profile",
                "state": state,
                "nonce": nonce,
                "code_challenge": pkce_challenge(verifier),
                "code_challenge_method": "S256",
            }
        )
        return OidcStart(
            f"{self.metadata()['authorization_endpoint']}?{query}", state, nonce, verifier
        )

    def finish(self, code: str, redirect_uri: str, verifier: str, nonce: str) -> OidcIdentity:
        """Exchange the code (with the PKCE verifier) and validate the ID token."""
        response = self.http.post(
            self.metadata()["token_endpoint"],
            data={
                "grant_type": "authorization_code",
                "code": code,
                "redirect_uri": redirect_uri,
                "code_verifier": verifier,
            },
            auth=(self.client_id, self.client_secret),
            headers={"Accept": "application/json"},
        )
        if response.status_code != 200:
            raise OidcError("the issuer refused the authorization code")
        id_token = response.json().get("id_token")
        if not isinstance(id_token, str):
            raise OidcError("the issuer sent no ID token")
        claims = self.validate_id_token(id_token, nonce)
        return OidcIdentity(
            issuer=self.issuer,
            subject=str(claims["sub"]),
            email=str(claims.get("email", "")),
            name=str(claims.get("name", "")),
        )

    def validate_id_token(
        self, id_token: str, nonce: str, now: int | None = None
    ) -> dict[str, Any]:
        """Signature (JWKS), iss, aud/azp, exp/iat, nonce and sub; returns the claims."""
        try:
            token = jwt.decode(id_token, self._key_set(), algorithms=list(ALGORITHMS))
        except JoseError:
            try:  # the issuer may have rotated its keys
                token = jwt.decode(
                    id_token, self._key_set(refresh=True), algorithms=list(ALGORITHMS)
                )
            except JoseError as exc:
                raise OidcError("ID token signature is not valid") from exc
        registry = jwt.JWTClaimsRegistry(
            now=now if now is not None else int(time.time()),
            leeway=LEEWAY_SECONDS,
            iss={"essential": True, "value": self.issuer},
            aud={"essential": True, "value": self.client_id},
            exp={"essential": True},
            iat={"essential": True},
            sub={"essential": True},
            nonce={"essential": True, "value": nonce},
        )
        try:
            registry.validate(token.claims)
        except JoseError as exc:
            raise OidcError(f"ID token rejected ({type(exc).__name__})") from exc
        audience = token.claims.get("aud")
        several = isinstance(audience, list) and len(audience) > 1
        if several and token.claims.get("azp") != self.client_id:
            raise OidcError("ID token rejected (azp)")
        return dict(token.claims)
