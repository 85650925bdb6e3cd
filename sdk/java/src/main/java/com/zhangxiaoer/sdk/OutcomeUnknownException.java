package com.zhangxiaoer.sdk;

/**
 * A write may or may not have been applied, and the server never said it honours Idempotency-Key,
 * so it was not resent. Check (e.g. list vouchers) before sending it again.
 */
public class OutcomeUnknownException extends ConnectionException {
    private static final long serialVersionUID = 1L;

    public OutcomeUnknownException(String message) {
        super(message, false);
    }
}
