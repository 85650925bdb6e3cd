<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** The server answered with the envelope {"error": {"code", "message", "type"}}. */
class ApiException extends ZhangxiaoerException
{
    /** @var int */
    private $status;
    /** @var int */
    private $errorCode;
    /** @var string */
    private $errorType;
    /** @var string */
    private $errorMessage;
    /** @var float|null */
    private $retryAfter;

    public function __construct(int $status, int $errorCode, string $errorType, string $errorMessage, ?float $retryAfter = null)
    {
        parent::__construct("HTTP {$status} {$errorType}: {$errorMessage}", $errorCode);
        $this->status = $status;
        $this->errorCode = $errorCode;
        $this->errorType = $errorType;
        $this->errorMessage = $errorMessage;
        $this->retryAfter = $retryAfter;
    }

    public function getStatus(): int
    {
        return $this->status;
    }

    public function getErrorCode(): int
    {
        return $this->errorCode;
    }

    public function getErrorType(): string
    {
        return $this->errorType;
    }

    public function getErrorMessage(): string
    {
        return $this->errorMessage;
    }

    /** Seconds the server asked to wait (429), or null. */
    public function getRetryAfter(): ?float
    {
        return $this->retryAfter;
    }

    public static function forStatus(int $status, int $code, string $type, string $message, ?float $retryAfter): self
    {
        $classes = [
            400 => InvalidRequestException::class,
            401 => AuthenticationException::class,
            403 => PermissionDeniedException::class,
            404 => NotFoundException::class,
            409 => ConflictException::class,
            429 => RateLimitException::class,
        ];
        $class = $classes[$status] ?? ($status >= 500 ? ServerException::class : self::class);
        return new $class($status, $code, $type, $message, $retryAfter);
    }
}
