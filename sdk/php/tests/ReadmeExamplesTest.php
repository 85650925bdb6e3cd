<?php

declare(strict_types=1);

use PHPUnit\Framework\TestCase;

/** Runs every PHP example of README.md against the engine, with only key, base URL, file and account replaced. */
final class ReadmeExamplesTest extends TestCase
{
    /** @return list<string> */
    private static function examples(): array
    {
        preg_match_all('/```php\n(.*?)```/s', (string) file_get_contents(__DIR__ . '/../README.md'), $m);
        return $m[1];
    }

    public function testReadmeHasTheDocumentedExamples(): void
    {
        $this->assertGreaterThanOrEqual(5, count(self::examples()));
    }

    public function testEveryExampleRuns(): void
    {
        $f = zxe_fixture();
        foreach (self::examples() as $index => $code) {
            $this->assertStringContainsString("'{your_api_key}'", $code);
            $code = str_replace(
                ["new Client('{your_api_key}')", '/path/to/invoice.pdf', 'acc_123456', "require 'vendor/autoload.php';"],
                [
                    "new Client('{$f['api_key']}', ['base_url' => '{$f['base_url']}'])",
                    $f['invoice_path'],
                    $f['account_id'],
                    'require ' . var_export(__DIR__ . '/bootstrap.php', true) . ';',
                ],
                $code
            );
            $file = tempnam(sys_get_temp_dir(), 'zxe-php-example');
            file_put_contents($file, $code);
            exec(escapeshellarg(PHP_BINARY) . ' ' . escapeshellarg($file) . ' 2>&1', $output, $rc);
            unlink($file);
            $this->assertSame(0, $rc, "example {$index}: " . implode("\n", $output));
            $this->assertNotSame([], $output, "example {$index} printed nothing");
            $output = [];
        }
    }
}
