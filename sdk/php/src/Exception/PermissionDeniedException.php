<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** 403: the key may not do this. */
class PermissionDeniedException extends ApiException
{
}
