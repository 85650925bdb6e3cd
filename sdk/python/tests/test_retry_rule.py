"""The retry rule against a tiny local server that answers 500: reads are retried; a write is resent
only toward a server that said Idempotency-Key-Honoured: true, and then with the same key."""
import json
import os
import sys
import threading
import unittest
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))
import zhangxiaoer  # noqa: E402

KEY = "sk_test_" + "r" * 32


def serve(honours: bool):
    seen = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            self.rfile.read(length)
            seen.append((self.command, self.headers.get("Idempotency-Key")))
            body = json.dumps({"error": {"code": 500, "message": "内部错误 " + KEY, "type": "api_error"}}).encode()
            self.send_response(500)
            self.send_header("Content-Type", "application/json")
            self.send_header("Retry-After", "0")
            if honours:
                self.send_header("Idempotency-Key-Honoured", "true")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = answer
        do_POST = answer

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, seen


class RetryRule(unittest.TestCase):
    def run_against(self, honours: bool, call):
        server, seen = serve(honours)
        try:
            c = zhangxiaoer.Client(KEY, base_url=f"http://127.0.0.1:{server.server_address[1]}", max_retries=2)
            with self.assertRaises(zhangxiaoer.ServerError) as caught:
                call(c)
            self.assertNotIn(KEY, str(caught.exception))
            return seen
        finally:
            server.shutdown()
            server.server_close()

    def test_reads_are_retried_on_5xx(self) -> None:
        seen = self.run_against(False, lambda c: c.list_accounts())
        self.assertEqual(len(seen), 3)

    def test_a_write_is_not_resent_toward_a_server_that_never_said_it_honours_the_key(self) -> None:
        seen = self.run_against(False, lambda c: c.create_voucher("acc_1", "2024-03-15", []))
        self.assertEqual(len(seen), 1)
        self.assertTrue(seen[0][1])

    def test_a_write_is_resent_with_the_same_key_toward_a_server_that_honours_it(self) -> None:
        seen = self.run_against(True, lambda c: c.create_voucher("acc_1", "2024-03-15", [], idempotency_key="k-1"))
        self.assertEqual(seen, [("POST", "k-1")] * 3)


if __name__ == "__main__":
    unittest.main()
