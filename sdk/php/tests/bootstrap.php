<?php

declare(strict_types=1);

// The PSR-4 autoloading composer.json declares, without composer (the tests run from Debian's PHPUnit).
spl_autoload_register(static function (string $class): void {
    $prefix = 'Zhangxiaoer\\';
    if (strncmp($class, $prefix, strlen($prefix)) !== 0) {
        return;
    }
    $file = __DIR__ . '/../src/' . str_replace('\\', '/', substr($class, strlen($prefix))) . '.php';
    if (is_file($file)) {
        require $file;
    }
});

/** The engine the test script started (ZXE_SDK_FIXTURE, JSON). @return array<string, string> */
function zxe_fixture(): array
{
    $raw = getenv('ZXE_SDK_FIXTURE');
    if ($raw === false || $raw === '') {
        throw new RuntimeException('ZXE_SDK_FIXTURE is not set: run these tests through scripts/test-sdks.sh');
    }
    return json_decode($raw, true, 512, JSON_THROW_ON_ERROR);
}
