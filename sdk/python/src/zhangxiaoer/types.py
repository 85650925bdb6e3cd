"""Shapes of the answers (TypedDicts; answers are plain dicts, fields as documented in the OpenAPI document)."""
import sys
from typing import Any, Dict, List, Optional

if sys.version_info >= (3, 8):
    from typing import Literal, TypedDict
else:  # pragma: no cover
    from typing_extensions import Literal, TypedDict

ReportType = Literal["balance", "profit", "cashflow"]
InvoiceType = Literal["vat", "normal", "receipt"]


class AccountSet(TypedDict):
    id: str
    name: str
    status: str
    created_at: str


class AccountsListResponse(TypedDict):
    accounts: List[AccountSet]


class EntryInput(TypedDict, total=False):
    abstract: str
    account_code: str
    debit: float
    credit: float


class VoucherCreateResponse(TypedDict):
    voucher_id: str
    voucher_no: str


class InvoiceRecognizeResponse(TypedDict, total=False):
    invoice_id: str
    amount: float
    category: str
    entries: List[Dict[str, Any]]
    account_id: str
    kind: str
    invoice_number: Optional[str]
    issue_date: Optional[str]
    total_amount: Optional[float]
    total_tax: Optional[float]
    total_with_tax: Optional[float]
    duplicate: Any
    warnings: List[Any]
    created_at: str


class ReportResponse(TypedDict):
    report_data: Dict[str, Any]
    period: Dict[str, str]


class VoucherReverseResponse(TypedDict):
    voucher_id: str
    voucher_no: str
    reverses_voucher_id: str


class ListResponse(TypedDict, total=False):
    total: int
    page: int
    page_size: int
