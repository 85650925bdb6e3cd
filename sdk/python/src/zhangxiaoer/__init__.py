"""账小二开放平台 API v2 的 Python SDK。"""
from .client import DEFAULT_BASE_URL, Client
from .errors import (
    ApiConnectionError,
    ApiError,
    AuthenticationError,
    ConflictError,
    InvalidRequestError,
    NotFoundError,
    OutcomeUnknownError,
    PermissionDeniedError,
    RateLimitError,
    ServerError,
    ZhangxiaoerError,
)

__version__ = "2.1.0"
__all__ = [
    "Client", "DEFAULT_BASE_URL", "ZhangxiaoerError", "ApiError", "InvalidRequestError", "AuthenticationError",
    "PermissionDeniedError", "NotFoundError", "ConflictError", "RateLimitError", "ServerError",
    "ApiConnectionError", "OutcomeUnknownError",
]
