package com.zhangxiaoer.sdk;

/** 409: conflicts with the current state. */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ConflictException(int status, int code, String type, String message, Double retryAfter) {
        super(status, code, type, message, retryAfter);
    }
}
