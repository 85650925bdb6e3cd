package com.zhangxiaoer.sdk;

/** No answer: connection refused, DNS failure, timeout, reset, or an unreadable answer. */
public class ConnectionException extends ZhangxiaoerException {
    private static final long serialVersionUID = 1L;
    private final boolean notSent;

    public ConnectionException(String message, boolean notSent) {
        super(message);
        this.notSent = notSent;
    }

    /** True when the request provably never left (connection refused, no address, connect timeout). */
    public boolean isNotSent() { return notSent; }
}
