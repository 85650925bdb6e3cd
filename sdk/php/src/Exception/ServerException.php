<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** 5xx: the server failed. */
class ServerException extends ApiException
{
}
