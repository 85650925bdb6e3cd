<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** 409: conflicts with the current state. */
class ConflictException extends ApiException
{
}
