<?php

declare(strict_types=1);

namespace Zhangxiaoer;

use Zhangxiaoer\Exception\ApiException;
use Zhangxiaoer\Exception\ConnectionException;
use Zhangxiaoer\Exception\OutcomeUnknownException;

/**
 * The 账小二 API v2 client: one method per operation of the OpenAPI document.
 *
 * Reads (GET) are retried on 429, 5xx and network errors, waiting as Retry-After says. Writes (POST)
 * carry an Idempotency-Key (yours, or a random one) and are retried only when the failed attempt
 * provably did not apply (429, connection refused) — or, toward a server that has said
 * `Idempotency-Key-Honoured: true`, also after a timeout or a 5xx, with the same key. Otherwise a
 * write whose outcome is unknown throws OutcomeUnknownException.
 */
final class Client
{
    public const DEFAULT_BASE_URL = 'https://api.zhangxiaoer.com';
    private const HONOURED_HEADER = 'idempotency-key-honoured';
    /** curl errors that mean the request never left: no proxy/host address, connection refused. */
    private const NOT_SENT_ERRORS = [5, 6, 7];

    /** @var string */
    private $apiKey;
    /** @var string */
    private $baseUrl;
    /** @var float */
    private $timeout;
    /** @var int */
    private $maxRetries;
    /** @var float */
    private $maxRetryWait;
    /** @var bool */
    private $honoursIdempotencyKey = false;
    /** @var list<int> statuses of every answer, for tests and diagnostics */
    public $statuses = [];

    /**
     * @param array{base_url?: string, timeout?: float, max_retries?: int, max_retry_wait?: float} $options
     */
    public function __construct(string $apiKey, array $options = [])
    {
        if ($apiKey === '') {
            throw new \InvalidArgumentException('apiKey 不能为空');
        }
        $this->apiKey = $apiKey;
        $this->baseUrl = rtrim($options['base_url'] ?? self::DEFAULT_BASE_URL, '/');
        $this->timeout = (float) ($options['timeout'] ?? 30.0);
        $this->maxRetries = (int) ($options['max_retries'] ?? 2);
        $this->maxRetryWait = (float) ($options['max_retry_wait'] ?? 60.0);
    }

    /** @return array<string, mixed> the key is hidden from var_dump/print_r */
    public function __debugInfo(): array
    {
        return ['baseUrl' => $this->baseUrl, 'apiKey' => '***'];
    }

    public function honoursIdempotencyKey(): bool
    {
        return $this->honoursIdempotencyKey;
    }

    // ——— The four documented endpoints ———

    /** GET /api/v2/accounts/list */
    public function listAccounts(): array
    {
        return $this->request('accountsList', 'GET', '/api/v2/accounts/list');
    }

    /**
     * POST /api/v2/invoice/recognize. $file is a path, or the file's bytes when $options['filename'] is given
     * or $options['bytes'] is true.
     *
     * @param array{invoice_type?: string, page?: int, filename?: string, bytes?: bool, idempotency_key?: string} $options
     */
    public function recognizeInvoice(string $file, string $accountId, array $options = []): array
    {
        $isBytes = ($options['bytes'] ?? false) === true;
        if ($isBytes) {
            $content = $file;
            $name = $options['filename'] ?? 'invoice';
        } else {
            if (!is_file($file) || !is_readable($file)) {
                throw new \InvalidArgumentException('无法读取票据文件：' . basename($file));
            }
            $content = (string) file_get_contents($file);
            $name = $options['filename'] ?? basename($file);
        }
        $fields = ['account_id' => $accountId];
        if (isset($options['invoice_type'])) {
            $fields['invoice_type'] = $options['invoice_type'];
        }
        if (isset($options['page'])) {
            $fields['page'] = (string) $options['page'];
        }
        return $this->request('invoiceRecognize', 'POST', '/api/v2/invoice/recognize', [
            'multipart' => ['fields' => $fields, 'name' => $name, 'content' => $content],
            'idempotency_key' => $options['idempotency_key'] ?? null,
        ]);
    }

    /**
     * POST /api/v2/voucher/create
     *
     * @param list<array{abstract: string, account_code: string, debit: float|int, credit: float|int}> $entries
     * @param array{attachments?: list<string>, idempotency_key?: string} $options
     */
    public function createVoucher(string $accountId, string $date, array $entries, array $options = []): array
    {
        $body = ['account_id' => $accountId, 'date' => $date, 'entries' => $entries];
        if (isset($options['attachments'])) {
            $body['attachments'] = $options['attachments'];
        }
        return $this->request('voucherCreate', 'POST', '/api/v2/voucher/create', [
            'json' => $body,
            'idempotency_key' => $options['idempotency_key'] ?? null,
        ]);
    }

    /** GET /api/v2/report/{type}: $type is balance, profit or cashflow. */
    public function getReport(string $type, string $accountId, string $startDate, string $endDate): array
    {
        return $this->request('report', 'GET', '/api/v2/report/{type}', [
            'path' => ['type' => $type],
            'query' => ['account_id' => $accountId, 'start_date' => $startDate, 'end_date' => $endDate],
        ]);
    }

    // ——— Engine extensions (local or self-hosted engine) ———

    public function getInvoice(string $invoiceId): array
    {
        return $this->request('invoiceGet', 'GET', '/api/v2/invoice/{invoice_id}', ['path' => ['invoice_id' => $invoiceId]]);
    }

    /** @param array{period?: string, direction?: string, duplicate?: bool, page?: int, page_size?: int} $filters */
    public function listInvoices(string $accountId, array $filters = []): array
    {
        if (isset($filters['duplicate'])) {
            $filters['duplicate'] = $filters['duplicate'] ? 'true' : 'false';
        }
        return $this->request('invoiceList', 'GET', '/api/v2/invoice/list', ['query' => ['account_id' => $accountId] + $filters]);
    }

    /** The stored original file's bytes. */
    public function getInvoiceFile(string $invoiceId): string
    {
        return $this->request('invoiceFile', 'GET', '/api/v2/invoice/{invoice_id}/file', [
            'path' => ['invoice_id' => $invoiceId],
            'raw' => true,
        ]);
    }

    public function getOpenapi(): array
    {
        return $this->request('openapi', 'GET', '/api/v2/openapi.json');
    }

    public function getChart(string $accountId): array
    {
        return $this->request('chart', 'GET', '/api/v2/accounts/{account_id}/chart', ['path' => ['account_id' => $accountId]]);
    }

    /** @param array{period?: string, start_date?: string, end_date?: string, q?: string, page?: int, page_size?: int} $filters */
    public function listVouchers(string $accountId, array $filters = []): array
    {
        return $this->request('voucherList', 'GET', '/api/v2/voucher/list', ['query' => ['account_id' => $accountId] + $filters]);
    }

    public function getVoucher(string $voucherId): array
    {
        return $this->request('voucherGet', 'GET', '/api/v2/voucher/{voucher_id}', ['path' => ['voucher_id' => $voucherId]]);
    }

    /**
     * 红字冲销: a voucher with the same lines in negative amounts.
     *
     * @param array{date?: string, idempotency_key?: string} $options
     */
    public function reverseVoucher(string $voucherId, array $options = []): array
    {
        $body = isset($options['date']) ? ['date' => $options['date']] : new \stdClass();
        return $this->request('voucherReverse', 'POST', '/api/v2/voucher/{voucher_id}/reverse', [
            'path' => ['voucher_id' => $voucherId],
            'json' => $body,
            'idempotency_key' => $options['idempotency_key'] ?? null,
        ]);
    }

    public function listPeriods(string $accountId): array
    {
        return $this->request('periodList', 'GET', '/api/v2/period/list', ['query' => ['account_id' => $accountId]]);
    }

    /** 结账 */
    public function closePeriod(string $accountId, string $period, ?string $idempotencyKey = null): array
    {
        return $this->request('periodClose', 'POST', '/api/v2/period/close', [
            'json' => ['account_id' => $accountId, 'period' => $period],
            'idempotency_key' => $idempotencyKey,
        ]);
    }

    /** 反结账 */
    public function reopenPeriod(string $accountId, string $period, ?string $idempotencyKey = null): array
    {
        return $this->request('periodReopen', 'POST', '/api/v2/period/reopen', [
            'json' => ['account_id' => $accountId, 'period' => $period],
            'idempotency_key' => $idempotencyKey,
        ]);
    }

    public function getTrialBalance(string $accountId, string $startDate, string $endDate): array
    {
        return $this->request('trialBalance', 'GET', '/api/v2/ledger/trial-balance', [
            'query' => ['account_id' => $accountId, 'start_date' => $startDate, 'end_date' => $endDate],
        ]);
    }

    /** @param array{page?: int, page_size?: int} $paging */
    public function getDetailLedger(string $accountId, string $accountCode, string $startDate, string $endDate, array $paging = []): array
    {
        return $this->request('detailLedger', 'GET', '/api/v2/ledger/detail', [
            'query' => ['account_id' => $accountId, 'account_code' => $accountCode, 'start_date' => $startDate, 'end_date' => $endDate] + $paging,
        ]);
    }

    // ——— Transport ———

    /**
     * @param array<string, mixed> $spec
     * @return mixed
     */
    private function request(string $operationId, string $method, string $path, array $spec = [])
    {
        foreach ($spec['path'] ?? [] as $name => $value) {
            $path = str_replace('{' . $name . '}', rawurlencode((string) $value), $path);
        }
        $url = $this->baseUrl . $path;
        $query = array_filter($spec['query'] ?? [], static function ($v) {
            return $v !== null;
        });
        if ($query !== []) {
            $url .= '?' . http_build_query($query, '', '&', PHP_QUERY_RFC3986);
        }
        $write = $method !== 'GET';
        $headers = ['Authorization: Bearer ' . $this->apiKey, 'Accept: application/json', 'Expect:'];
        if ($write) {
            $headers[] = 'Idempotency-Key: ' . ($spec['idempotency_key'] ?? bin2hex(random_bytes(16)));
        }
        $body = null;
        if (isset($spec['json'])) {
            $headers[] = 'Content-Type: application/json';
            $body = json_encode($spec['json'], JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION | JSON_THROW_ON_ERROR);
        } elseif (isset($spec['multipart'])) {
            $boundary = '----zxe' . bin2hex(random_bytes(12));
            $headers[] = 'Content-Type: multipart/form-data; boundary=' . $boundary;
            $body = self::multipart($boundary, $spec['multipart']['fields'], $spec['multipart']['name'], $spec['multipart']['content']);
        }

        $attempt = 0;
        while (true) {
            $answer = $this->send($method, $url, $headers, $body);
            if (isset($answer['curl_error'])) {
                $notSent = in_array($answer['curl_error'], self::NOT_SENT_ERRORS, true);
                if ($attempt < $this->maxRetries && (!$write || $notSent || $this->honoursIdempotencyKey)) {
                    $attempt++;
                    $this->pause($this->backoff($attempt, null));
                    continue;
                }
                $host = (string) parse_url($url, PHP_URL_HOST) . ':' . (string) parse_url($url, PHP_URL_PORT);
                $message = ($answer['curl_error'] === 28 ? '请求超时：' : '无法连接到服务器：') . $host;
                if ($write && !$notSent) {
                    throw new OutcomeUnknownException($message . '；写操作可能已生效，服务器未声明支持 Idempotency-Key，未自动重发');
                }
                throw new ConnectionException($message, $notSent);
            }
            $status = $answer['status'];
            $this->statuses[] = $status;
            if (($answer['headers'][self::HONOURED_HEADER] ?? '') === 'true') {
                $this->honoursIdempotencyKey = true;
            }
            if ($status >= 300 && $status < 400) {
                throw new ConnectionException("服务器要求转到其他地址（HTTP {$status}），已拒绝：API Key 只发往所设置的地址");
            }
            if ($status >= 200 && $status < 300) {
                if (($spec['raw'] ?? false) === true) {
                    return $answer['body'];
                }
                $decoded = json_decode($answer['body'], true);
                if (!is_array($decoded)) {
                    throw new ConnectionException("服务器返回的不是 JSON（HTTP {$status}）");
                }
                return $decoded;
            }
            $retryAfter = self::parseRetryAfter($answer['headers']['retry-after'] ?? null);
            $envelope = self::envelope($answer['body']);
            if ($attempt < $this->maxRetries && ($status === 429 || $status >= 500)) {
                $safe = !$write || $status === 429 || ($status === 503 && $envelope === null) || $this->honoursIdempotencyKey;
                if ($safe) {
                    $attempt++;
                    $this->pause($this->backoff($attempt, $retryAfter));
                    continue;
                }
            }
            if ($envelope === null) {
                throw ApiException::forStatus($status, $status, 'api_error', "服务器返回了无法识别的错误（HTTP {$status}）", $retryAfter);
            }
            throw ApiException::forStatus($status, $envelope[0], $envelope[1], $this->redact($envelope[2]), $retryAfter);
        }
    }

    /**
     * @param list<string> $headers
     * @return array{status?: int, headers?: array<string, string>, body?: string, curl_error?: int}
     */
    private function send(string $method, string $url, array $headers, ?string $body): array
    {
        $responseHeaders = [];
        $handle = curl_init($url);
        curl_setopt_array($handle, [
            CURLOPT_CUSTOMREQUEST => $method,
            CURLOPT_HTTPHEADER => $headers,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_FOLLOWLOCATION => false,
            CURLOPT_TIMEOUT_MS => (int) ($this->timeout * 1000),
            CURLOPT_CONNECTTIMEOUT_MS => (int) (min($this->timeout, 10.0) * 1000),
            CURLOPT_PROTOCOLS => CURLPROTO_HTTP | CURLPROTO_HTTPS,
            CURLOPT_HEADERFUNCTION => static function ($curl, string $line) use (&$responseHeaders): int {
                $parts = explode(':', $line, 2);
                if (count($parts) === 2) {
                    $responseHeaders[strtolower(trim($parts[0]))] = trim($parts[1]);
                }
                return strlen($line);
            },
        ]);
        if ($body !== null) {
            curl_setopt($handle, CURLOPT_POSTFIELDS, $body);
        }
        $result = curl_exec($handle);
        $errno = curl_errno($handle);
        $status = (int) curl_getinfo($handle, CURLINFO_RESPONSE_CODE);
        curl_close($handle);
        if ($errno !== 0 || !is_string($result)) {
            return ['curl_error' => $errno !== 0 ? $errno : 56];
        }
        return ['status' => $status, 'headers' => $responseHeaders, 'body' => $result];
    }

    /** @param array<string, string> $fields */
    private static function multipart(string $boundary, array $fields, string $name, string $content): string
    {
        $safeName = str_replace(['"', "\r", "\n"], '_', $name);
        $out = '';
        foreach ($fields as $field => $value) {
            $out .= "--{$boundary}\r\nContent-Disposition: form-data; name=\"{$field}\"\r\n\r\n{$value}\r\n";
        }
        $out .= "--{$boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{$safeName}\"\r\n"
            . "Content-Type: application/octet-stream\r\n\r\n" . $content . "\r\n--{$boundary}--\r\n";
        return $out;
    }

    /** @return array{0: int, 1: string, 2: string}|null */
    private static function envelope(string $body): ?array
    {
        $payload = json_decode($body, true);
        $error = is_array($payload) ? ($payload['error'] ?? null) : null;
        if (!is_array($error) || !is_int($error['code'] ?? null) || !is_string($error['type'] ?? null) || !is_string($error['message'] ?? null)) {
            return null;
        }
        return [$error['code'], $error['type'], $error['message']];
    }

    private static function parseRetryAfter(?string $value): ?float
    {
        if ($value === null || $value === '') {
            return null;
        }
        if (is_numeric($value)) {
            return max(0.0, (float) $value);
        }
        $when = strtotime($value);
        return $when === false ? null : max(0.0, (float) ($when - time()));
    }

    private function backoff(int $attempt, ?float $retryAfter): float
    {
        if ($retryAfter !== null) {
            return min($retryAfter, $this->maxRetryWait);
        }
        return min(0.5 * (2 ** ($attempt - 1)) + mt_rand(0, 100) / 1000, $this->maxRetryWait);
    }

    private function pause(float $seconds): void
    {
        usleep((int) ($seconds * 1000000));
    }

    private function redact(string $text): string
    {
        if (strlen($this->apiKey) >= 8) {
            $text = str_replace($this->apiKey, '***', $text);
        }
        return (string) preg_replace('/sk_(?:live|test)_[A-Za-z0-9]+/', '***', $text);
    }
}
