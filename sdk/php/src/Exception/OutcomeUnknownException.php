<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/**
 * A write may or may not have been applied, and the server never said it honours Idempotency-Key,
 * so it was not resent. Check (e.g. list vouchers) before sending it again.
 */
class OutcomeUnknownException extends ConnectionException
{
}
