package com.zhangxiaoer.sdk;

/** 5xx: the server failed. */
public class ServerException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ServerException(int status, int code, String type, String message, Double retryAfter) {
        super(status, code, type, message, retryAfter);
    }
}
