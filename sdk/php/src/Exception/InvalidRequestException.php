<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** 400: a parameter is missing or wrong. */
class InvalidRequestException extends ApiException
{
}
