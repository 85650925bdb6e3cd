package com.zhangxiaoer.sdk;

/** 404: no such account set, voucher, invoice or endpoint. */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(int status, int code, String type, String message, Double retryAfter) {
        super(status, code, type, message, retryAfter);
    }
}
