package com.zhangxiaoer.sdk;

/** Base of every exception this SDK throws. Messages never contain the API key. */
public class ZhangxiaoerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ZhangxiaoerException(String message) {
        super(message);
    }
}
