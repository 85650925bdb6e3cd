package com.zhangxiaoer.sdk;

/** 403: the key may not do this. */
public class PermissionDeniedException extends ApiException {
    private static final long serialVersionUID = 1L;

    public PermissionDeniedException(int status, int code, String type, String message, Double retryAfter) {
        super(status, code, type, message, retryAfter);
    }
}
