"""The 账小二 API v2 client: one method per operation of the OpenAPI document."""
import os
import random
import re
import time
import uuid
from email.utils import parsedate_to_datetime
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import requests

from .errors import (
    ApiConnectionError,
    ApiError,
    OutcomeUnknownError,
    error_for_status,
)
from .types import (
    AccountsListResponse,
    EntryInput,
    InvoiceRecognizeResponse,
    InvoiceType,
    ReportResponse,
    ReportType,
    VoucherCreateResponse,
    VoucherReverseResponse,
)

__all__ = ["Client", "DEFAULT_BASE_URL"]

DEFAULT_BASE_URL = "https://api.zhangxiaoer.com"
HONOURED_HEADER = "Idempotency-Key-Honoured"
_KEY_SHAPE = re.compile(r"sk_(?:live|test)_[A-Za-z0-9]+")

FileInput = Union[str, "os.PathLike[str]", bytes, bytearray]


class Client:
    """``Client(api_key, base_url=DEFAULT_BASE_URL, timeout=30.0, max_retries=2)``.

    Reads (GET) are retried on 429, 5xx and network errors, waiting as ``Retry-After`` says.
    Writes (POST) carry an ``Idempotency-Key`` (yours, or a random one) and are retried only when
    the failed attempt provably did not apply (429, connection refused) — or, toward a server that
    has said ``Idempotency-Key-Honoured: true``, also after a timeout or a 5xx, with the same key.
    Otherwise a write whose outcome is unknown raises :class:`OutcomeUnknownError`.
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = DEFAULT_BASE_URL,
        timeout: float = 30.0,
        max_retries: int = 2,
        max_retry_wait: float = 60.0,
        session: Optional[requests.Session] = None,
    ) -> None:
        if not api_key:
            raise ValueError("api_key 不能为空")
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.max_retries = max_retries
        self.max_retry_wait = max_retry_wait
        self.__api_key = api_key
        self.__session = session or requests.Session()
        self.honours_idempotency_key = False

    def __repr__(self) -> str:
        return f"Client(base_url={self.base_url!r}, api_key='***')"

    # ——— The four documented endpoints ———

    def list_accounts(self) -> AccountsListResponse:
        """GET /api/v2/accounts/list: the account sets this key may use."""
        return self._request("accountsList", "GET", "/api/v2/accounts/list")

    def recognize_invoice(
        self,
        file: FileInput,
        account_id: str,
        invoice_type: Optional[InvoiceType] = None,
        filename: Optional[str] = None,
        page: Optional[int] = None,
        idempotency_key: Optional[str] = None,
    ) -> InvoiceRecognizeResponse:
        """POST /api/v2/invoice/recognize: ``file`` is a path or the file's bytes (jpg, png, pdf, ofd, xml; ≤ 10 MB)."""
        if isinstance(file, (bytes, bytearray)):
            content = bytes(file)
            name = filename or "invoice"
        else:
            with open(file, "rb") as handle:
                content = handle.read()
            name = filename or os.path.basename(os.fspath(file))
        data: Dict[str, str] = {"account_id": account_id}
        if invoice_type is not None:
            data["invoice_type"] = invoice_type
        if page is not None:
            data["page"] = str(page)
        files = {"file": (name, content, "application/octet-stream")}
        return self._request(
            "invoiceRecognize", "POST", "/api/v2/invoice/recognize",
            data=data, files=files, idempotency_key=idempotency_key,
        )

    def create_voucher(
        self,
        account_id: str,
        date: str,
        entries: Sequence[EntryInput],
        attachments: Optional[Sequence[str]] = None,
        idempotency_key: Optional[str] = None,
    ) -> VoucherCreateResponse:
        """POST /api/v2/voucher/create: a voucher with any number of debit and credit lines."""
        body: Dict[str, Any] = {"account_id": account_id, "date": date, "entries": list(entries)}
        if attachments is not None:
            body["attachments"] = list(attachments)
        return self._request(
            "voucherCreate", "POST", "/api/v2/voucher/create", json_body=body, idempotency_key=idempotency_key
        )

    def get_report(self, type: ReportType, account_id: str, start_date: str, end_date: str) -> ReportResponse:
        """GET /api/v2/report/{type}: balance (资产负债表), profit (利润表) or cashflow (现金流量表)."""
        return self._request(
            "report", "GET", "/api/v2/report/{type}", path_params={"type": type},
            query={"account_id": account_id, "start_date": start_date, "end_date": end_date},
        )

    # ——— Engine extensions (local or self-hosted engine) ———

    def get_invoice(self, invoice_id: str) -> InvoiceRecognizeResponse:
        return self._request("invoiceGet", "GET", "/api/v2/invoice/{invoice_id}", path_params={"invoice_id": invoice_id})

    def list_invoices(
        self,
        account_id: str,
        period: Optional[str] = None,
        direction: Optional[str] = None,
        duplicate: Optional[bool] = None,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> Dict[str, Any]:
        query = {"account_id": account_id, "period": period, "direction": direction,
                 "duplicate": None if duplicate is None else ("true" if duplicate else "false"),
                 "page": page, "page_size": page_size}
        return self._request("invoiceList", "GET", "/api/v2/invoice/list", query=query)

    def get_invoice_file(self, invoice_id: str) -> bytes:
        """The stored original file's bytes."""
        return self._request(
            "invoiceFile", "GET", "/api/v2/invoice/{invoice_id}/file",
            path_params={"invoice_id": invoice_id}, raw=True,
        )

    def get_openapi(self) -> Dict[str, Any]:
        return self._request("openapi", "GET", "/api/v2/openapi.json")

    def get_chart(self, account_id: str) -> Dict[str, Any]:
        return self._request("chart", "GET", "/api/v2/accounts/{account_id}/chart", path_params={"account_id": account_id})

    def list_vouchers(
        self,
        account_id: str,
        period: Optional[str] = None,
        start_date: Optional[str] = None,
        end_date: Optional[str] = None,
        q: Optional[str] = None,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> Dict[str, Any]:
        query = {"account_id": account_id, "period": period, "start_date": start_date, "end_date": end_date,
                 "q": q, "page": page, "page_size": page_size}
        return self._request("voucherList", "GET", "/api/v2/voucher/list", query=query)

    def get_voucher(self, voucher_id: str) -> Dict[str, Any]:
        return self._request("voucherGet", "GET", "/api/v2/voucher/{voucher_id}", path_params={"voucher_id": voucher_id})

    def reverse_voucher(
        self, voucher_id: str, date: Optional[str] = None, idempotency_key: Optional[str] = None
    ) -> VoucherReverseResponse:
        """红字冲销: a voucher with the same lines in negative amounts."""
        body: Dict[str, Any] = {} if date is None else {"date": date}
        return self._request(
            "voucherReverse", "POST", "/api/v2/voucher/{voucher_id}/reverse",
            path_params={"voucher_id": voucher_id}, json_body=body, idempotency_key=idempotency_key,
        )

    def list_periods(self, account_id: str) -> Dict[str, Any]:
        return self._request("periodList", "GET", "/api/v2/period/list", query={"account_id": account_id})

    def close_period(self, account_id: str, period: str, idempotency_key: Optional[str] = None) -> Dict[str, Any]:
        """结账: posts the closing voucher (结转损益) and closes the period."""
        return self._request(
            "periodClose", "POST", "/api/v2/period/close",
            json_body={"account_id": account_id, "period": period}, idempotency_key=idempotency_key,
        )

    def reopen_period(self, account_id: str, period: str, idempotency_key: Optional[str] = None) -> Dict[str, Any]:
        """反结账: voids the closing voucher and opens the period again."""
        return self._request(
            "periodReopen", "POST", "/api/v2/period/reopen",
            json_body={"account_id": account_id, "period": period}, idempotency_key=idempotency_key,
        )

    def get_trial_balance(self, account_id: str, start_date: str, end_date: str) -> Dict[str, Any]:
        return self._request(
            "trialBalance", "GET", "/api/v2/ledger/trial-balance",
            query={"account_id": account_id, "start_date": start_date, "end_date": end_date},
        )

    def get_detail_ledger(
        self,
        account_id: str,
        account_code: str,
        start_date: str,
        end_date: str,
        page: Optional[int] = None,
        page_size: Optional[int] = None,
    ) -> Dict[str, Any]:
        query = {"account_id": account_id, "account_code": account_code, "start_date": start_date,
                 "end_date": end_date, "page": page, "page_size": page_size}
        return self._request("detailLedger", "GET", "/api/v2/ledger/detail", query=query)

    # ——— Transport ———

    def _request(
        self,
        operation_id: str,
        method: str,
        path: str,
        path_params: Optional[Mapping[str, str]] = None,
        query: Optional[Mapping[str, Any]] = None,
        json_body: Any = None,
        data: Optional[Dict[str, str]] = None,
        files: Optional[Dict[str, Tuple[str, bytes, str]]] = None,
        idempotency_key: Optional[str] = None,
        raw: bool = False,
    ) -> Any:
        for name, value in (path_params or {}).items():
            path = path.replace("{" + name + "}", requests.utils.quote(str(value), safe=""))
        url = self.base_url + path
        params = {k: str(v) for k, v in (query or {}).items() if v is not None}
        write = method != "GET"
        headers = {"Authorization": "Bearer " + self.__api_key, "Accept": "application/json"}
        if write:
            headers["Idempotency-Key"] = idempotency_key or uuid.uuid4().hex
        attempt = 0
        while True:
            try:
                response = self.__session.request(
                    method, url, params=params, headers=headers,
                    data=None if json_body is not None else data,
                    files=files,
                    json=json_body,
                    timeout=self.timeout,
                    allow_redirects=False,
                )
            except requests.RequestException as error:
                not_sent = _failed_before_sending(error)
                if attempt < self.max_retries and (not write or not_sent or self.honours_idempotency_key):
                    attempt += 1
                    time.sleep(self._backoff(attempt, None))
                    continue
                kind = "请求超时" if isinstance(error, requests.Timeout) else "无法连接到服务器"
                message = f"{kind}：{requests.utils.urlparse(url).netloc}"
                if write and not not_sent:
                    raise OutcomeUnknownError(
                        message + "；写操作可能已生效，服务器未声明支持 Idempotency-Key，未自动重发", not_sent=False
                    ) from None
                raise ApiConnectionError(message, not_sent=not_sent) from None

            if response.headers.get(HONOURED_HEADER) == "true":
                self.honours_idempotency_key = True
            status = response.status_code
            if 300 <= status < 400:
                raise ApiConnectionError(f"服务器要求转到其他地址（HTTP {status}），已拒绝：API Key 只发往所设置的地址")
            if 200 <= status < 300:
                if raw:
                    return response.content
                try:
                    return response.json()
                except ValueError:
                    raise ApiConnectionError(f"服务器返回的不是 JSON（HTTP {status}）") from None

            retry_after = _parse_retry_after(response.headers.get("Retry-After"))
            envelope = _envelope(response)
            if attempt < self.max_retries and (status == 429 or status >= 500):
                safe = (not write or status == 429 or (status == 503 and envelope is None)
                        or self.honours_idempotency_key)
                if safe:
                    attempt += 1
                    time.sleep(self._backoff(attempt, retry_after))
                    continue
            if envelope is None:
                raise error_for_status(status, status, "api_error", f"服务器返回了无法识别的错误（HTTP {status}）", retry_after)
            return_error: ApiError = error_for_status(
                status, envelope[0], envelope[1], self._redact(envelope[2]), retry_after
            )
            raise return_error

    def _backoff(self, attempt: int, retry_after: Optional[float]) -> float:
        if retry_after is not None:
            return min(retry_after, self.max_retry_wait)
        return min(0.5 * (2 ** (attempt - 1)) + random.uniform(0, 0.1), self.max_retry_wait)

    def _redact(self, text: str) -> str:
        if len(self.__api_key) >= 8:
            text = text.replace(self.__api_key, "***")
        return _KEY_SHAPE.sub("***", text)


def _envelope(response: requests.Response) -> Optional[Tuple[int, str, str]]:
    try:
        payload = response.json()
    except ValueError:
        return None
    error = payload.get("error") if isinstance(payload, dict) else None
    if not isinstance(error, dict):
        return None
    code, type_, message = error.get("code"), error.get("type"), error.get("message")
    if not isinstance(code, int) or not isinstance(type_, str) or not isinstance(message, str):
        return None
    return code, type_, message


def _parse_retry_after(value: Optional[str]) -> Optional[float]:
    if not value:
        return None
    try:
        seconds = float(value)
        return seconds if seconds >= 0 else None
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _failed_before_sending(error: BaseException) -> bool:
    """Connection refused, no address, connect timeout: the request provably never left."""
    if isinstance(error, requests.ConnectTimeout):
        return True
    if not isinstance(error, requests.ConnectionError) or isinstance(error, requests.ReadTimeout):
        return False
    seen: List[BaseException] = []
    stack: List[Any] = [error]
    while stack:
        current = stack.pop()
        if not isinstance(current, BaseException) or any(current is s for s in seen):
            continue
        seen.append(current)
        name = type(current).__name__
        if name in ("NewConnectionError", "NameResolutionError", "ConnectionRefusedError"):
            return True
        if name in ("ProtocolError", "RemoteDisconnected", "ConnectionResetError", "BrokenPipeError"):
            return False
        stack.extend([getattr(current, "reason", None), current.__cause__, current.__context__])
        stack.extend(a for a in current.args if isinstance(a, BaseException))
    return False


