package com.zhangxiaoer.sdk;

/** 429: too many requests; getRetryAfter() says how long to wait. */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    public RateLimitException(int status, int code, String type, String message, Double retryAfter) {
        super(status, code, type, message, retryAfter);
    }
}
