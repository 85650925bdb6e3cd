<?php

declare(strict_types=1);

namespace Zhangxiaoer\Exception;

/** 404: no such account set, voucher, invoice or endpoint. */
class NotFoundException extends ApiException
{
}
