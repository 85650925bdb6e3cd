<?php

declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Zhangxiaoer\Client;
use Zhangxiaoer\Exception\ServerException;

/**
 * The retry rule against a local server that answers 500: reads are retried; a write is resent only
 * toward a server that said Idempotency-Key-Honoured: true, and then with the same key.
 */
final class RetryRuleTest extends TestCase
{
    /** @return list<string> the requests the server saw */
    private function runAgainst(bool $honours, callable $call): array
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        $address = stream_socket_get_name($socket, false);
        fclose($socket);
        $log = tempnam(sys_get_temp_dir(), 'zxe-php-retry');
        $env = ['ZXE_LOG' => $log, 'ZXE_HONOURS' => $honours ? '1' : '0'];
        $process = proc_open(
            [PHP_BINARY, '-S', $address, __DIR__ . '/fail-server.php'],
            [0 => ['file', '/dev/null', 'r'], 1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']],
            $pipes,
            null,
            $env
        );
        try {
            for ($i = 0; $i < 100 && @fsockopen('tcp://' . $address) === false; $i++) {
                usleep(50000);
            }
            try {
                $call(new Client('sk_test_' . str_repeat('r', 32), ['base_url' => 'http://' . $address]));
                $this->fail('no exception');
            } catch (ServerException $e) {
                $this->assertSame(500, $e->getStatus());
            }
            return array_values(array_filter(explode("\n", (string) file_get_contents($log))));
        } finally {
            proc_terminate($process);
            proc_close($process);
            unlink($log);
        }
    }

    public function testReadsAreRetriedOn5xx(): void
    {
        $this->assertCount(3, $this->runAgainst(false, static function (Client $c): void {
            $c->listAccounts();
        }));
    }

    public function testAWriteIsNotResentTowardAServerThatNeverSaidItHonoursTheKey(): void
    {
        $seen = $this->runAgainst(false, static function (Client $c): void {
            $c->createVoucher('acc_1', '2024-03-15', []);
        });
        $this->assertCount(1, $seen);
        $this->assertStringStartsWith('POST ', $seen[0]);
        $this->assertNotSame('POST -', $seen[0]);
    }

    public function testAWriteIsResentWithTheSameKeyTowardAServerThatHonoursIt(): void
    {
        $seen = $this->runAgainst(true, static function (Client $c): void {
            $c->createVoucher('acc_1', '2024-03-15', [], ['idempotency_key' => 'k-1']);
        });
        $this->assertSame(['POST k-1', 'POST k-1', 'POST k-1'], $seen);
    }
}
