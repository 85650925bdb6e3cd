"""Errors of the 账小二 API: one class per HTTP status of the error envelope, plus transport failures."""
from typing import Optional


class ZhangxiaoerError(Exception):
    """Base class of every error this SDK raises. Messages never contain the API key."""


class ApiError(ZhangxiaoerError):
    """The server answered with the envelope ``{"error": {"code", "message", "type"}}``."""

    def __init__(self, status: int, code: int, type: str, message: str, retry_after: Optional[float] = None) -> None:
        super().__init__(f"HTTP {status} {type}: {message}")
        self.status = status
        self.code = code
        self.type = type
        self.message = message
        self.retry_after = retry_after


class InvalidRequestError(ApiError):
    """400: a parameter is missing or wrong."""


class AuthenticationError(ApiError):
    """401: the API key is missing, wrong or revoked."""


class PermissionDeniedError(ApiError):
    """403: the key may not do this (read-only key, frozen account set)."""


class NotFoundError(ApiError):
    """404: no such account set, voucher, invoice or endpoint."""


class ConflictError(ApiError):
    """409: the request conflicts with the current state (e.g. an idempotency key reused)."""


class RateLimitError(ApiError):
    """429: too many requests; ``retry_after`` says how many seconds to wait."""


class ServerError(ApiError):
    """5xx: the server failed."""


class ApiConnectionError(ZhangxiaoerError):
    """No answer: connection refused, DNS failure, timeout, connection reset, or an unreadable answer."""

    def __init__(self, message: str, not_sent: bool = False) -> None:
        super().__init__(message)
        self.not_sent = not_sent


class OutcomeUnknownError(ApiConnectionError):
    """A write may or may not have been applied, and the server never said it honours Idempotency-Key,
    so it was not resent. Check (e.g. list vouchers) before sending it again."""


_BY_STATUS = {
    400: InvalidRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitError,
}


def error_for_status(status: int, code: int, type: str, message: str, retry_after: Optional[float]) -> ApiError:
    cls = _BY_STATUS.get(status, ServerError if status >= 500 else ApiError)
    return cls(status, code, type, message, retry_after)
