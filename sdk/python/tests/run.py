"""Runs the tests and writes a JSON result {suite, passed, failed, skipped, failures} to argv[1]."""
import json
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))


class Recorder(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.passed = 0

    def addSuccess(self, test):
        super().addSuccess(test)
        self.passed += 1


def main() -> int:
    suite = unittest.defaultTestLoader.discover(HERE, pattern="test_*.py", top_level_dir=HERE)
    result = unittest.TextTestRunner(resultclass=Recorder, verbosity=2).run(suite)
    failures = [{"name": str(t), "message": m[-2000:]} for t, m in result.failures + result.errors]
    report = {"suite": "sdk-python", "passed": result.passed, "failed": len(failures),
              "skipped": len(result.skipped), "failures": failures}
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w", encoding="utf-8") as handle:
            json.dump(report, handle, ensure_ascii=False)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
