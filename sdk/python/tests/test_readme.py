"""Runs every Python example of README.md against the engine, with only key, base URL, file and account replaced."""
import os
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(__file__))
from fixture import engine_fixture  # noqa: E402

F = engine_fixture()
HERE = os.path.dirname(__file__)
README = os.path.join(HERE, "..", "README.md")
SRC = os.path.abspath(os.path.join(HERE, "..", "src"))


def examples():
    text = open(README, encoding="utf-8").read()
    return re.findall(r"```python\n(.*?)```", text, re.S)


def adapt(code: str) -> str:
    code = code.replace('Client("{your_api_key}")', f'Client("{F["api_key"]}", base_url="{F["base_url"]}")')
    code = code.replace("/path/to/invoice.pdf", F["invoice_path"]).replace("acc_123456", F["account_id"])
    return code


class ReadmeExamples(unittest.TestCase):
    def test_readme_has_the_documented_examples(self) -> None:
        self.assertGreaterEqual(len(examples()), 5)

    def test_every_example_runs(self) -> None:
        env = dict(os.environ, PYTHONPATH=SRC, PYTHONIOENCODING="utf-8")
        for index, code in enumerate(examples()):
            with self.subTest(example=index):
                self.assertIn("{your_api_key}", code)
                done = subprocess.run([sys.executable, "-c", adapt(code)], env=env, capture_output=True, text=True, timeout=60)
                self.assertEqual(done.returncode, 0, done.stderr[-2000:])
                self.assertTrue(done.stdout.strip(), "example printed nothing")


if __name__ == "__main__":
    unittest.main()
