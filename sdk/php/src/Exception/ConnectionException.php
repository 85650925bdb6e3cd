<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** No answer: connection refused, DNS failure, timeout, reset, or an unreadable answer. */
class ConnectionException extends ZhangxiaoerException
{
    /** @var bool */
    private $notSent;

    public function __construct(string $message, bool $notSent = false)
    {
        parent::__construct($message);
        $this->notSent = $notSent;
    }

    /** True when the request provably never left (connection refused, no address). */
    public function isNotSent(): bool
    {
        return $this->notSent;
    }
}
