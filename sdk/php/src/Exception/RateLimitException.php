<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** 429: too many requests; getRetryAfter() says how long to wait. */
class RateLimitException extends ApiException
{
}
