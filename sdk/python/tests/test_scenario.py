"""The shared SDK scenario against a real engine: accounts, recognition, voucher, statements, errors."""
import io
import os
import socket
import sys
import unittest

import requests

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
sys.path.insert(0, os.path.dirname(__file__))

import zhangxiaoer  # noqa: E402
from fixture import engine_fixture  # noqa: E402

F = engine_fixture()


def client(key: str = F["api_key"], **kwargs) -> zhangxiaoer.Client:
    return zhangxiaoer.Client(key, base_url=F["base_url"], **kwargs)


class Scenario(unittest.TestCase):
    def test_1_lists_account_sets(self) -> None:
        accounts = client().list_accounts()["accounts"]
        self.assertIn(F["account_id"], [a["id"] for a in accounts])
        self.assertTrue(all(a["status"] in ("active", "frozen") for a in accounts))

    def test_2_recognizes_an_invoice_books_it_and_reads_the_three_statements(self) -> None:
        c = client()
        invoice = c.recognize_invoice(F["invoice_path"], account_id=F["account_id"], invoice_type="vat")
        self.assertTrue(invoice["invoice_id"].startswith("inv_"))
        self.assertEqual(invoice["amount"], 2143.62)
        self.assertEqual(invoice["category"], "办公费")
        self.assertGreaterEqual(len(invoice["entries"]), 2)
        self.assertEqual(c.get_invoice(invoice["invoice_id"])["invoice_id"], invoice["invoice_id"])
        with open(F["invoice_path"], "rb") as handle:
            original = handle.read()
        self.assertEqual(c.get_invoice_file(invoice["invoice_id"]), original)

        # The same bytes again, uploaded from memory, with the same key: the engine answers once.
        again = c.recognize_invoice(original, account_id=F["account_id"], filename="again.pdf", idempotency_key="py-inv-1")
        repeat = c.recognize_invoice(original, account_id=F["account_id"], filename="again.pdf", idempotency_key="py-inv-1")
        self.assertEqual(again["invoice_id"], repeat["invoice_id"])

        date = invoice["issue_date"]
        voucher = c.create_voucher(F["account_id"], date, invoice["entries"], idempotency_key="py-voucher-1")
        self.assertTrue(voucher["voucher_id"].startswith("vch_"))
        same = c.create_voucher(F["account_id"], date, invoice["entries"], idempotency_key="py-voucher-1")
        self.assertEqual(same["voucher_id"], voucher["voucher_id"])
        stored = c.get_voucher(voucher["voucher_id"])
        self.assertEqual(stored["voucher_no"], voucher["voucher_no"])
        listed = c.list_vouchers(F["account_id"], period=date[:7])
        self.assertIn(voucher["voucher_id"], [v["voucher_id"] for v in listed["vouchers"]])

        start, end = date[:7] + "-01", date
        for kind in ("balance", "profit", "cashflow"):
            report = c.get_report(kind, F["account_id"], start, end)
            self.assertEqual(report["period"], {"start_date": start, "end_date": end})
            self.assertIsInstance(report["report_data"], dict)
        trial = c.get_trial_balance(F["account_id"], start, end)
        self.assertIn("rows", trial)
        detail = c.get_detail_ledger(F["account_id"], "1002", start, end)
        self.assertEqual(detail["account_code"], "1002")

    def test_3_bad_key_is_401_and_the_key_is_nowhere_in_the_error(self) -> None:
        bad_key = "sk_test_" + "x" * 32
        with self.assertRaises(zhangxiaoer.AuthenticationError) as caught:
            client(bad_key).list_accounts()
        error = caught.exception
        self.assertEqual((error.status, error.code), (401, 401))
        self.assertTrue(error.type)
        self.assertNotIn(bad_key, str(error) + repr(error) + error.message)
        self.assertNotIn(bad_key, repr(client(bad_key)))

    def test_4_unbalanced_voucher_is_400(self) -> None:
        with self.assertRaises(zhangxiaoer.InvalidRequestError) as caught:
            client().create_voucher(F["account_id"], "2024-03-15", [
                {"abstract": "不平", "account_code": "560203", "debit": 500, "credit": 0},
                {"abstract": "不平", "account_code": "1002", "debit": 0, "credit": 400},
            ])
        self.assertEqual(caught.exception.code, 400)
        self.assertEqual(caught.exception.type, "invalid_request_error")

    def test_5_unknown_and_foreign_account_sets_are_404(self) -> None:
        for account_id in ("acc_doesnotexist", F["other_tenant_account_id"]):
            with self.assertRaises(zhangxiaoer.NotFoundError) as caught:
                client().get_report("balance", account_id, "2024-01-01", "2024-03-31")
            self.assertEqual(caught.exception.status, 404)

    def test_6_rate_limited_key_gets_429_then_the_retry_succeeds(self) -> None:
        statuses = []
        session = requests.Session()
        session.hooks["response"].append(lambda r, *a, **k: statuses.append(r.status_code))
        no_retry = client(F["limited_key"], max_retries=0)
        no_retry.list_accounts()
        with self.assertRaises(zhangxiaoer.RateLimitError) as caught:
            no_retry.list_accounts()
        self.assertEqual(caught.exception.status, 429)
        self.assertGreaterEqual(caught.exception.retry_after, 1)
        retrying = client(F["limited_key"], max_retries=2, session=session)
        self.assertIn("accounts", retrying.list_accounts())
        self.assertEqual(statuses[0], 429)
        self.assertEqual(statuses[-1], 200)

    def test_7_refused_connection_is_a_connection_error_never_showing_the_key(self) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        c = zhangxiaoer.Client(F["api_key"], base_url=f"http://127.0.0.1:{port}", max_retries=0, timeout=5)
        with self.assertRaises(zhangxiaoer.ApiConnectionError) as caught:
            c.create_voucher(F["account_id"], "2024-03-15", [])
        self.assertTrue(caught.exception.not_sent)
        self.assertNotIsInstance(caught.exception, zhangxiaoer.OutcomeUnknownError)
        self.assertNotIn(F["api_key"], str(caught.exception))

    def test_8_every_operation_of_the_servers_openapi_document_has_a_method(self) -> None:
        document = client().get_openapi()
        source = io.open(os.path.join(os.path.dirname(zhangxiaoer.__file__), "client.py"), encoding="utf-8").read()
        for path, operations in document["paths"].items():
            for method, operation in operations.items():
                needle = f'"{operation["operationId"]}", "{method.upper()}", "{path}"'
                self.assertIn(needle, source, f"no method for {operation['operationId']}")


if __name__ == "__main__":
    unittest.main()
