package com.zhangxiaoer.sdk;

/** The server answered with the envelope {"error": {"code", "message", "type"}}. */
public class ApiException extends ZhangxiaoerException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final int code;
    private final String type;
    private final String errorMessage;
    private final Double retryAfter;

    public ApiException(int status, int code, String type, String errorMessage, Double retryAfter) {
        super("HTTP " + status + " " + type + ": " + errorMessage);
        this.status = status;
        this.code = code;
        this.type = type;
        this.errorMessage = errorMessage;
        this.retryAfter = retryAfter;
    }

    public int getStatus() { return status; }

    public int getCode() { return code; }

    public String getType() { return type; }

    public String getErrorMessage() { return errorMessage; }

    /** Seconds the server asked to wait (429), or null. */
    public Double getRetryAfter() { return retryAfter; }

    static ApiException forStatus(int status, int code, String type, String message, Double retryAfter) {
        switch (status) {
            case 400: return new InvalidRequestException(status, code, type, message, retryAfter);
            case 401: return new AuthenticationException(status, code, type, message, retryAfter);
            case 403: return new PermissionDeniedException(status, code, type, message, retryAfter);
            case 404: return new NotFoundException(status, code, type, message, retryAfter);
            case 409: return new ConflictException(status, code, type, message, retryAfter);
            case 429: return new RateLimitException(status, code, type, message, retryAfter);
            default:
                return status >= 500 ? new ServerException(status, code, type, message, retryAfter)
                        : new ApiException(status, code, type, message, retryAfter);
        }
    }
}
