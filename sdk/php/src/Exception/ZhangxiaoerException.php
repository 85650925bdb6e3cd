<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** Base of every exception this SDK throws. Messages never contain the API key. */
class ZhangxiaoerException extends \RuntimeException
{
}
