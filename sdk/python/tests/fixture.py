"""The engine the test script started: its base URL, keys and ids come in ZXE_SDK_FIXTURE (JSON)."""
import json
import os
from typing import Any, Dict


def engine_fixture() -> Dict[str, Any]:
    raw = os.environ.get("ZXE_SDK_FIXTURE")
    if not raw:
        raise RuntimeError("ZXE_SDK_FIXTURE is not set: run these tests through scripts/test-sdks.sh")
    return json.loads(raw)
