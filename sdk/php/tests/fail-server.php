<?php

// Router for `php -S`: answers every request with a 500 envelope (Retry-After: 0), logs method and
// Idempotency-Key, and says Idempotency-Key-Honoured: true when ZXE_HONOURS=1. Used by RetryRuleTest.
file_put_contents((string) getenv('ZXE_LOG'), $_SERVER['REQUEST_METHOD'] . ' ' . ($_SERVER['HTTP_IDEMPOTENCY_KEY'] ?? '-') . "\n", FILE_APPEND);
http_response_code(500);
header('Content-Type: application/json');
header('Retry-After: 0');
if (getenv('ZXE_HONOURS') === '1') {
    header('Idempotency-Key-Honoured: true');
}
echo json_encode(['error' => ['code' => 500, 'message' => '内部错误', 'type' => 'api_error']]);
