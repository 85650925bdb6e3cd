<?php

declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Zhangxiaoer\Client;
use Zhangxiaoer\Exception\AuthenticationException;
use Zhangxiaoer\Exception\ConnectionException;
use Zhangxiaoer\Exception\InvalidRequestException;
use Zhangxiaoer\Exception\NotFoundException;
use Zhangxiaoer\Exception\OutcomeUnknownException;
use Zhangxiaoer\Exception\RateLimitException;

/** The shared SDK scenario against a real engine: accounts, recognition, voucher, statements, errors. */
final class ScenarioTest extends TestCase
{
    /** @param array<string, mixed> $options */
    private static function client(?string $key = null, array $options = []): Client
    {
        $f = zxe_fixture();
        return new Client($key ?? $f['api_key'], ['base_url' => $f['base_url']] + $options);
    }

    public function testListsAccountSets(): void
    {
        $ids = array_column(self::client()->listAccounts()['accounts'], 'id');
        $this->assertContains(zxe_fixture()['account_id'], $ids);
    }

    public function testRecognizesAnInvoiceBooksItAndReadsTheThreeStatements(): void
    {
        $f = zxe_fixture();
        $c = self::client();
        $invoice = $c->recognizeInvoice($f['invoice_path'], $f['account_id'], ['invoice_type' => 'vat']);
        $this->assertStringStartsWith('inv_', $invoice['invoice_id']);
        $this->assertSame(2143.62, $invoice['amount']);
        $this->assertSame('办公费', $invoice['category']);
        $this->assertGreaterThanOrEqual(2, count($invoice['entries']));
        $this->assertSame($invoice['invoice_id'], $c->getInvoice($invoice['invoice_id'])['invoice_id']);
        $original = (string) file_get_contents($f['invoice_path']);
        $this->assertSame($original, $c->getInvoiceFile($invoice['invoice_id']));

        $options = ['bytes' => true, 'filename' => 'again.pdf', 'idempotency_key' => 'php-inv-1'];
        $again = $c->recognizeInvoice($original, $f['account_id'], $options);
        $this->assertSame($again['invoice_id'], $c->recognizeInvoice($original, $f['account_id'], $options)['invoice_id']);

        $date = $invoice['issue_date'];
        $voucher = $c->createVoucher($f['account_id'], $date, $invoice['entries'], ['idempotency_key' => 'php-voucher-1']);
        $this->assertStringStartsWith('vch_', $voucher['voucher_id']);
        $same = $c->createVoucher($f['account_id'], $date, $invoice['entries'], ['idempotency_key' => 'php-voucher-1']);
        $this->assertSame($voucher['voucher_id'], $same['voucher_id']);
        $this->assertSame($voucher['voucher_no'], $c->getVoucher($voucher['voucher_id'])['voucher_no']);
        $listed = $c->listVouchers($f['account_id'], ['period' => substr($date, 0, 7)]);
        $this->assertContains($voucher['voucher_id'], array_column($listed['vouchers'], 'voucher_id'));

        $start = substr($date, 0, 7) . '-01';
        foreach (['balance', 'profit', 'cashflow'] as $type) {
            $report = $c->getReport($type, $f['account_id'], $start, $date);
            $this->assertSame(['start_date' => $start, 'end_date' => $date], $report['period']);
            $this->assertIsArray($report['report_data']);
        }
        $this->assertArrayHasKey('rows', $c->getTrialBalance($f['account_id'], $start, $date));
        $this->assertSame('1002', $c->getDetailLedger($f['account_id'], '1002', $start, $date)['account_code']);
    }

    public function testBadKeyIs401AndTheKeyIsNowhereInTheError(): void
    {
        $badKey = 'sk_test_' . str_repeat('x', 32);
        $client = self::client($badKey);
        try {
            $client->listAccounts();
            $this->fail('no exception');
        } catch (AuthenticationException $e) {
            $this->assertSame([401, 401], [$e->getStatus(), $e->getErrorCode()]);
            $this->assertNotSame('', $e->getErrorType());
            $this->assertStringNotContainsString($badKey, $e->getMessage() . $e->getErrorMessage() . (string) $e);
        }
        $this->assertStringNotContainsString($badKey, print_r($client, true));
    }

    public function testUnbalancedVoucherIs400(): void
    {
        $f = zxe_fixture();
        $this->expectException(InvalidRequestException::class);
        self::client()->createVoucher($f['account_id'], '2024-03-15', [
            ['abstract' => '不平', 'account_code' => '560203', 'debit' => 500, 'credit' => 0],
            ['abstract' => '不平', 'account_code' => '1002', 'debit' => 0, 'credit' => 400],
        ]);
    }

    public function testUnknownAndForeignAccountSetsAre404(): void
    {
        foreach (['acc_doesnotexist', zxe_fixture()['other_tenant_account_id']] as $accountId) {
            try {
                self::client()->getReport('balance', $accountId, '2024-01-01', '2024-03-31');
                $this->fail('no exception');
            } catch (NotFoundException $e) {
                $this->assertSame(404, $e->getStatus());
            }
        }
    }

    public function testRateLimitedKeyGets429ThenTheRetrySucceeds(): void
    {
        $key = zxe_fixture()['limited_key'];
        $noRetry = self::client($key, ['max_retries' => 0]);
        $noRetry->listAccounts();
        try {
            $noRetry->listAccounts();
            $this->fail('no 429');
        } catch (RateLimitException $e) {
            $this->assertSame(429, $e->getStatus());
            $this->assertGreaterThanOrEqual(1.0, $e->getRetryAfter());
        }
        $retrying = self::client($key, ['max_retries' => 2]);
        $this->assertArrayHasKey('accounts', $retrying->listAccounts());
        $this->assertSame(429, $retrying->statuses[0]);
        $this->assertSame(200, end($retrying->statuses));
    }

    public function testRefusedConnectionIsAConnectionErrorNeverShowingTheKey(): void
    {
        $f = zxe_fixture();
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $name = stream_socket_get_name($socket, false);
        fclose($socket);
        $client = new Client($f['api_key'], ['base_url' => 'http://' . $name, 'max_retries' => 0, 'timeout' => 5]);
        try {
            $client->createVoucher($f['account_id'], '2024-03-15', []);
            $this->fail('no exception');
        } catch (ConnectionException $e) {
            $this->assertTrue($e->isNotSent());
            $this->assertNotInstanceOf(OutcomeUnknownException::class, $e);
            $this->assertStringNotContainsString($f['api_key'], $e->getMessage());
        }
    }

    public function testEveryOperationOfTheServersOpenapiDocumentHasAMethod(): void
    {
        $document = self::client()->getOpenapi();
        $source = (string) file_get_contents(__DIR__ . '/../src/Client.php');
        foreach ($document['paths'] as $path => $operations) {
            foreach ($operations as $method => $operation) {
                $needle = "'{$operation['operationId']}', '" . strtoupper($method) . "', '{$path}'";
                $this->assertStringContainsString($needle, $source, "no method for {$operation['operationId']}");
            }
        }
    }
}
