"""The whole SDK: its tags (API classes), webhooks, security schemes and error classes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from generator.config import PackageConfig  # noqa: F401 - part of the IR; defined where the config file is read
from generator.ir.operations import Operation
from generator.ir.schemas import Alias, Enum, Model, Schema


@dataclass(frozen=True)
class Tag:
    """A tag: one API class (``ImagesApi``) reached as a client attribute (``images``)."""

    name: str
    description: str
    class_name: str
    async_class_name: str
    attribute: str
    module: str
    operations: tuple[Operation, ...]

    @property
    def flagged_operations(self) -> tuple[Operation, ...]:
        """The operations whose :attr:`Operation.stream_flag` chooses an event stream: their methods are
        overloaded on it, and the raw and streaming response classes wrap them with methods of their own."""
        return tuple(op for op in self.operations if op.stream_flag)

    @property
    def schema_refs(self) -> list[str]:
        names: set[str] = set()
        for op in self.operations:
            names |= op.schema_refs
        return sorted(names)


@dataclass(frozen=True)
class WebhookShape:
    """One body a webhook may carry: a model, or an envelope model wrapping the entity."""

    model: str  # the model the body is validated as
    envelope: str  # Python attribute of ``model`` holding the entity; "" when the body is the entity
    entity: str  # the model returned to the caller
    specificity: int  # required properties of the entity: more specific shapes are tried first
    envelope_wire: str = ""  # the wire name of ``envelope``


@dataclass(frozen=True)
class Webhook:
    """One entry of the spec's ``webhooks``: what the API POSTs to a URL of the user's."""

    name: str  # the key under ``webhooks``
    method: str  # Python name of its parse method, e.g. "parse_inference_finished"
    summary: str
    description: str
    shapes: tuple[WebhookShape, ...]
    pointer: str

    @property
    def entities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(shape.entity for shape in self.shapes))


@dataclass(frozen=True)
class OAuthFlow:
    """One flow of an OAuth2 security scheme, as the spec declares it (documentation, and the
    ``tokenUrl`` the client-credentials flow fetches its token from)."""

    kind: Literal["authorizationCode", "implicit", "password", "clientCredentials"]
    authorization_url: str  # "" for the flows that have none
    token_url: str  # "" for the implicit flow; may be relative to the server URL
    refresh_url: str
    scopes: tuple[tuple[str, str], ...]  # (scope, description)


@dataclass(frozen=True)
class WebhookSignature:
    """``x-webhook-signature``: how ``webhooks.unwrap`` checks that the API sent a webhook request.

    ``standard`` is Standard Webhooks (``webhook-id``, ``webhook-timestamp`` and
    ``webhook-signature: v1,<base64>`` headers, ``whsec_`` secrets); otherwise an HMAC of
    ``signed_payload`` (``{id}``, ``{timestamp}`` and ``{body}`` filled in) in ``header``.
    """

    standard: bool
    header: str  # the header holding the signatures
    algorithm: str  # "sha256", "sha1", "sha512"
    encoding: str  # "hex" or "base64"
    prefix: str  # before the signature in the header, e.g. "sha256="; "" for none
    signed_payload: str  # e.g. "{timestamp}.{body}"
    timestamp_header: str  # the header with the Unix time of sending; "" when none (or in the signature header)
    timestamp_key: str  # the key of the time among the signature header's ``key=value`` pairs, e.g. "t"; ""
    id_header: str  # the header with the message id; "" when none
    signature_key: str  # the key of the signatures among ``key=value`` pairs, e.g. "v1"; "" when the header is one signature
    tolerance: int  # seconds a timestamp may be off
    env: str  # the environment variable with the secret
    pointer: str


@dataclass(frozen=True)
class SecurityScheme:
    """A security scheme the SDK applies: what it sends, and the client arguments that give it."""

    name: str  # the key under components/securitySchemes
    kind: Literal["bearer", "basic", "apiKey", "oauth2", "openIdConnect"]
    location: Literal["header", "query", "cookie"]
    wire_name: str  # the header, query parameter or cookie that carries the credential
    #: The client's keyword arguments: ("api_key",), ("username", "password"), ("access_token",),
    #: or ("access_token", "client_id", "client_secret") for an oauth2 scheme whose
    #: clientCredentials flow the client can run itself.
    arguments: tuple[str, ...]
    env: tuple[str, ...]  # the environment variable behind each argument
    description: str
    pointer: str = ""
    flows: tuple[OAuthFlow, ...] = ()  # oauth2: its flows, in the spec's order
    openid_url: str = ""  # openIdConnect: the discovery document's URL

    @property
    def token_url(self) -> str:
        """The ``tokenUrl`` the client fetches tokens from ("" unless the client runs the clientCredentials flow)."""
        if "client_id" not in self.arguments:
            return ""
        return next(f.token_url for f in self.flows if f.kind == "clientCredentials")

    @property
    def bearer(self) -> bool:
        """The credential goes as ``Authorization: Bearer <token>`` (HTTP bearer, OAuth2, OpenID Connect)."""
        return self.kind in ("bearer", "oauth2", "openIdConnect")

    @property
    def header(self) -> str:
        """The header that carries the credential ("" when it goes in the query or a cookie)."""
        return self.wire_name if self.location == "header" else ""


@dataclass(frozen=True)
class ErrorClass:
    """An exception the SDK raises for an error status: one row of the status -> exception table."""

    status: str  # "404"; "5XX": every 5xx status without a class of its own
    name: str  # the class, e.g. "NotFoundError"
    description: str  # when it is raised, e.g. "the resource (for example the ID in the path) does not exist"


@dataclass(frozen=True)
class Api:
    """The whole SDK to generate."""

    title: str
    version: str
    description: str
    base_url: str
    config: PackageConfig
    tags: tuple[Tag, ...]
    schemas: tuple[Schema, ...]
    security: tuple[SecurityScheme, ...]
    spec_sha256: str
    generator_version: str
    webhooks: tuple[Webhook, ...] = ()
    #: How webhook requests are signed (``x-webhook-signature``); ``None``: they are not.
    webhook_signature: WebhookSignature | None = None
    #: The document's ``security`` (see :attr:`Operation.security`), schemes the SDK applies only.
    default_security: tuple[tuple[str, ...], ...] = ((),)
    #: The subclasses of ``APIStatusError`` and the statuses that raise them; every other 4xx or
    #: 5xx status (a range, ``default``) raises ``APIStatusError`` itself.
    error_classes: tuple[ErrorClass, ...] = ()

    @property
    def credential_arguments(self) -> tuple[tuple[str, str], ...]:
        """``(argument, environment variable)`` of every credential the client takes, ``api_key`` first.

        ``api_key`` is taken when a scheme uses it, and (unused) when the spec declares no
        scheme the SDK applies, so that every client accepts it."""
        used = any("api_key" in scheme.arguments for scheme in self.security)
        out = {"api_key": f"{self.config.env_prefix}_API_KEY"} if used or not self.security else {}
        for scheme in self.security:
            out.update(zip(scheme.arguments, scheme.env))
        return tuple(out.items())

    @property
    def oauth_schemes(self) -> tuple[SecurityScheme, ...]:
        """The OAuth2 and OpenID Connect schemes: they share ``access_token``."""
        return tuple(s for s in self.security if s.kind in ("oauth2", "openIdConnect"))

    @property
    def token_scheme(self) -> SecurityScheme | None:
        """The oauth2 scheme whose clientCredentials flow the client runs with ``client_id`` and ``client_secret``."""
        return next((s for s in self.security if s.token_url), None)

    def scheme(self, name: str) -> SecurityScheme:
        """The applied security scheme called ``name``; ``StopIteration`` when there is none."""
        return next(s for s in self.security if s.name == name)

    @property
    def webhook_shapes(self) -> tuple[WebhookShape, ...]:
        """Every webhook shape once, in the order ``parse`` tries them: envelopes first, then
        the most specific entity first (ties in spec order)."""
        shapes = tuple({s.model: s for w in self.webhooks for s in w.shapes}.values())
        return tuple(sorted(shapes, key=lambda s: (not s.envelope, -s.specificity)))

    @property
    def webhook_entities(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e for w in self.webhooks for e in w.entities))

    @property
    def models(self) -> tuple[Model, ...]:
        return tuple(s for s in self.schemas if isinstance(s, Model))

    @property
    def enums(self) -> tuple[Enum, ...]:
        return tuple(s for s in self.schemas if isinstance(s, Enum))

    @property
    def aliases(self) -> tuple[Alias, ...]:
        return tuple(s for s in self.schemas if isinstance(s, Alias))

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for tag in self.tags for op in tag.operations)

    @property
    def has_operation_servers(self) -> bool:
        """Some operation has a server of its own (``servers`` of the operation or its path item)."""
        return any(op.server_url for op in self.operations)

    @cached_property
    def _schemas_by_name(self) -> dict[str, Schema]:
        return {s.name: s for s in self.schemas}

    def tag_of(self, operation: Operation) -> Tag:
        """The tag (API class) ``operation`` belongs to; operations of two tags may share a name."""
        return next(tag for tag in self.tags if any(op is operation for op in tag.operations))

    def schema(self, name: str) -> Schema:
        """The generated schema called ``name`` (a class name); ``KeyError`` when there is none."""
        return self._schemas_by_name[name]
