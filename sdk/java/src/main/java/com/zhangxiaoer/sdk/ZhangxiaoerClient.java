package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The 账小二 API v2 client: one method per operation of the OpenAPI document; each answer is a typed
 * object ({@link AccountsListResponse}, {@link Invoice}, {@link ReportResponse}, …) with the documented
 * fields, money as {@link java.math.BigDecimal}, and the JSON it was read from in {@code getRaw()}.
 *
 * <p>Reads (GET) are retried on 429, 5xx and network errors, waiting as Retry-After says. Writes (POST)
 * carry an Idempotency-Key (yours, or a random one) and are retried only when the failed attempt
 * provably did not apply (429, connection refused) — or, toward a server that has said
 * {@code Idempotency-Key-Honoured: true}, also after a timeout or a 5xx, with the same key. Otherwise a
 * write whose outcome is unknown throws {@link OutcomeUnknownException}. Redirects are never followed.
 */
public final class ZhangxiaoerClient {
    public static final String DEFAULT_BASE_URL = "https://api.zhangxiaoer.com";
    private static final String HONOURED_HEADER = "Idempotency-Key-Honoured";
    private static final Pattern KEY_SHAPE = Pattern.compile("sk_(?:live|test)_[A-Za-z0-9]+");
    private static final ObjectMapper MAPPER = Json.MAPPER;

    private final String apiKey;
    private final String baseUrl;
    private final int timeoutMillis;
    private final int maxRetries;
    private final double maxRetryWaitSeconds;
    private volatile boolean honoursIdempotencyKey;
    /** Called with the status of every answer (for diagnostics and tests); may be null. */
    private final StatusListener statusListener;

    /** Hears the HTTP status of every answer. */
    public interface StatusListener {
        void onStatus(int status);
    }

    public ZhangxiaoerClient(String apiKey) {
        this(builder(apiKey));
    }

    private ZhangxiaoerClient(Builder b) {
        if (b.apiKey == null || b.apiKey.isEmpty()) throw new IllegalArgumentException("apiKey 不能为空");
        this.apiKey = b.apiKey;
        this.baseUrl = b.baseUrl.replaceAll("/+$", "");
        this.timeoutMillis = b.timeoutMillis;
        this.maxRetries = b.maxRetries;
        this.maxRetryWaitSeconds = b.maxRetryWaitSeconds;
        this.statusListener = b.statusListener;
    }

    public static Builder builder(String apiKey) {
        return new Builder(apiKey);
    }

    /** Options: base URL (default the cloud), timeout, retries. */
    public static final class Builder {
        private final String apiKey;
        private String baseUrl = DEFAULT_BASE_URL;
        private int timeoutMillis = 30_000;
        private int maxRetries = 2;
        private double maxRetryWaitSeconds = 60;
        private StatusListener statusListener;

        private Builder(String apiKey) { this.apiKey = apiKey; }

        public Builder baseUrl(String value) { this.baseUrl = value; return this; }

        public Builder timeoutMillis(int value) { this.timeoutMillis = value; return this; }

        public Builder maxRetries(int value) { this.maxRetries = value; return this; }

        public Builder maxRetryWaitSeconds(double value) { this.maxRetryWaitSeconds = value; return this; }

        public Builder statusListener(StatusListener value) { this.statusListener = value; return this; }

        public ZhangxiaoerClient build() { return new ZhangxiaoerClient(this); }
    }

    public String getBaseUrl() { return baseUrl; }

    public boolean honoursIdempotencyKey() { return honoursIdempotencyKey; }

    @Override
    public String toString() {
        return "ZhangxiaoerClient(baseUrl=" + baseUrl + ", apiKey=***)";
    }

    // ——— The four documented endpoints ———

    /** GET /api/v2/accounts/list: the key's account sets. */
    public AccountsListResponse listAccounts() {
        return call(AccountsListResponse.class, "accountsList", "GET", "/api/v2/accounts/list", null, null, null, null);
    }

    /** POST /api/v2/invoice/recognize, the file read from a path. */
    public Invoice recognizeInvoice(Path file, String accountId) {
        return recognizeInvoice(file, accountId, null, null);
    }

    /** POST /api/v2/invoice/recognize; invoiceType and idempotencyKey may be null. */
    public Invoice recognizeInvoice(Path file, String accountId, InvoiceType invoiceType, String idempotencyKey) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("无法读取票据文件：" + file.getFileName());
        }
        return recognizeInvoice(bytes, file.getFileName().toString(), accountId, invoiceType, idempotencyKey);
    }

    /** POST /api/v2/invoice/recognize, the file's bytes given; invoiceType and idempotencyKey may be null. */
    public Invoice recognizeInvoice(byte[] file, String filename, String accountId, InvoiceType invoiceType,
            String idempotencyKey) {
        Map<String, String> fields = new LinkedHashMap<String, String>();
        fields.put("account_id", accountId);
        if (invoiceType != null) fields.put("invoice_type", invoiceType.value());
        Multipart form = new Multipart(fields, filename, file);
        return call(Invoice.class, "invoiceRecognize", "POST", "/api/v2/invoice/recognize", null, null, form,
                idempotencyKey);
    }

    /** POST /api/v2/voucher/create with a random Idempotency-Key; entries e.g. {@link Invoice#getEntries()}. */
    public VoucherCreateResponse createVoucher(String accountId, String date, List<VoucherEntry> entries) {
        return createVoucher(CreateVoucherRequest.builder(accountId, date).entries(entries).build(), null);
    }

    /** POST /api/v2/voucher/create with a random Idempotency-Key. */
    public VoucherCreateResponse createVoucher(CreateVoucherRequest request) {
        return createVoucher(request, null);
    }

    /** POST /api/v2/voucher/create; the same idempotencyKey (or null for a random one) books it once. */
    public VoucherCreateResponse createVoucher(CreateVoucherRequest request, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<String, Object>();
        body.put("account_id", request.getAccountId());
        body.put("date", request.getDate());
        body.put("entries", request.getEntries());
        if (request.getAttachments() != null) body.put("attachments", request.getAttachments());
        return call(VoucherCreateResponse.class, "voucherCreate", "POST", "/api/v2/voucher/create", null, null, body,
                idempotencyKey);
    }

    /** GET /api/v2/report/{type}: 资产负债表, 利润表 or 现金流量表 for a period (YYYY-MM-DD). */
    public ReportResponse getReport(ReportType type, String accountId, String startDate, String endDate) {
        return getReport(type.value(), accountId, startDate, endDate);
    }

    /** GET /api/v2/report/{type}: type balance, profit or cashflow. */
    public ReportResponse getReport(String type, String accountId, String startDate, String endDate) {
        return call(ReportResponse.class, "report", "GET", "/api/v2/report/{type}", path("type", type),
                query("account_id", accountId, "start_date", startDate, "end_date", endDate), null, null);
    }

    // ——— Engine extensions (local or self-hosted engine) ———

    /** GET /api/v2/invoice/{invoice_id}: a recognized invoice with every field. */
    public Invoice getInvoice(String invoiceId) {
        return call(Invoice.class, "invoiceGet", "GET", "/api/v2/invoice/{invoice_id}", path("invoice_id", invoiceId),
                null, null, null);
    }

    /** GET /api/v2/invoice/list: the first page (20) of an account set's invoices. */
    public InvoiceListResponse listInvoices(String accountId) {
        return listInvoices(InvoiceListQuery.forAccount(accountId));
    }

    /** GET /api/v2/invoice/list with filters (period, direction, duplicate, page, page size). */
    public InvoiceListResponse listInvoices(InvoiceListQuery query) {
        return call(InvoiceListResponse.class, "invoiceList", "GET", "/api/v2/invoice/list", null, query.toQuery(), null,
                null);
    }

    /** GET /api/v2/invoice/{invoice_id}/file: the stored original file's bytes. */
    public byte[] getInvoiceFile(String invoiceId) {
        return exchange("invoiceFile", "GET", "/api/v2/invoice/{invoice_id}/file", path("invoice_id", invoiceId),
                null, null, null).body;
    }

    /** GET /api/v2/openapi.json: the server's OpenAPI document. */
    public OpenApiDocument getOpenapi() {
        return call(OpenApiDocument.class, "openapi", "GET", "/api/v2/openapi.json", null, null, null, null);
    }

    /** GET /api/v2/accounts/{account_id}/chart: the chart of accounts (科目表). */
    public ChartResponse getChart(String accountId) {
        return call(ChartResponse.class, "chart", "GET", "/api/v2/accounts/{account_id}/chart",
                path("account_id", accountId), null, null, null);
    }

    /** GET /api/v2/voucher/list: the first page (20) of an account set's vouchers, every period. */
    public VoucherListResponse listVouchers(String accountId) {
        return listVouchers(VoucherListQuery.forAccount(accountId));
    }

    /** GET /api/v2/voucher/list with filters (period, dates, search, page, page size). */
    public VoucherListResponse listVouchers(VoucherListQuery query) {
        return call(VoucherListResponse.class, "voucherList", "GET", "/api/v2/voucher/list", null, query.toQuery(), null,
                null);
    }

    /** GET /api/v2/voucher/{voucher_id} */
    public Voucher getVoucher(String voucherId) {
        return call(Voucher.class, "voucherGet", "GET", "/api/v2/voucher/{voucher_id}", path("voucher_id", voucherId),
                null, null, null);
    }

    /** 红字冲销 dated like the original voucher, with a random Idempotency-Key. */
    public VoucherReverseResponse reverseVoucher(String voucherId) {
        return reverseVoucher(voucherId, null, null);
    }

    /** 红字冲销; date (YYYY-MM-DD, needed when the original's period is closed) and idempotencyKey may be null. */
    public VoucherReverseResponse reverseVoucher(String voucherId, String date, String idempotencyKey) {
        Map<String, Object> body = new LinkedHashMap<String, Object>();
        if (date != null) body.put("date", date);
        return call(VoucherReverseResponse.class, "voucherReverse", "POST", "/api/v2/voucher/{voucher_id}/reverse",
                path("voucher_id", voucherId), null, body, idempotencyKey);
    }

    /** GET /api/v2/period/list: periods with vouchers or a close, and their status. */
    public PeriodListResponse listPeriods(String accountId) {
        return call(PeriodListResponse.class, "periodList", "GET", "/api/v2/period/list", null,
                query("account_id", accountId), null, null);
    }

    /** 结账 (period YYYY-MM), with a random Idempotency-Key. */
    public PeriodCloseResponse closePeriod(String accountId, String period) {
        return closePeriod(accountId, period, null);
    }

    /** 结账; idempotencyKey may be null. */
    public PeriodCloseResponse closePeriod(String accountId, String period, String idempotencyKey) {
        return call(PeriodCloseResponse.class, "periodClose", "POST", "/api/v2/period/close", null, null,
                query("account_id", accountId, "period", period), idempotencyKey);
    }

    /** 反结账 (period YYYY-MM), with a random Idempotency-Key. */
    public PeriodReopenResponse reopenPeriod(String accountId, String period) {
        return reopenPeriod(accountId, period, null);
    }

    /** 反结账; idempotencyKey may be null. */
    public PeriodReopenResponse reopenPeriod(String accountId, String period, String idempotencyKey) {
        return call(PeriodReopenResponse.class, "periodReopen", "POST", "/api/v2/period/reopen", null, null,
                query("account_id", accountId, "period", period), idempotencyKey);
    }

    /** GET /api/v2/ledger/trial-balance: 科目余额表 for a period (YYYY-MM-DD). */
    public TrialBalanceResponse getTrialBalance(String accountId, String startDate, String endDate) {
        return call(TrialBalanceResponse.class, "trialBalance", "GET", "/api/v2/ledger/trial-balance", null,
                query("account_id", accountId, "start_date", startDate, "end_date", endDate), null, null);
    }

    /** GET /api/v2/ledger/detail: 明细账 of one account, first page (100 rows). */
    public DetailLedgerResponse getDetailLedger(String accountId, String accountCode, String startDate,
            String endDate) {
        return getDetailLedger(accountId, accountCode, startDate, endDate, null, null);
    }

    /** GET /api/v2/ledger/detail; page and pageSize (rows, at most 500) may be null. */
    public DetailLedgerResponse getDetailLedger(String accountId, String accountCode, String startDate,
            String endDate, Integer page, Integer pageSize) {
        Map<String, Object> q = query("account_id", accountId, "account_code", accountCode, "start_date", startDate,
                "end_date", endDate, "page", page, "page_size", pageSize);
        return call(DetailLedgerResponse.class, "detailLedger", "GET", "/api/v2/ledger/detail", null, q, null, null);
    }

    // ——— Transport ———

    private static final class Multipart {
        final Map<String, String> fields;
        final String filename;
        final byte[] content;

        Multipart(Map<String, String> fields, String filename, byte[] content) {
            this.fields = fields;
            this.filename = filename == null ? "invoice" : filename;
            this.content = content;
        }
    }

    private static final class Answer {
        int status;
        byte[] body;
        String retryAfter;
    }

    private static final class TransportFailure extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean notSent;
        final boolean timeout;

        TransportFailure(boolean notSent, boolean timeout) {
            this.notSent = notSent;
            this.timeout = timeout;
        }
    }

    /** Sends one operation and reads its JSON answer into the operation's answer class. */
    private <T extends ApiResponse> T call(Class<T> type, String operationId, String method, String pathTemplate,
            Map<String, String> pathParams, Map<String, ?> query, Object body, String idempotencyKey) {
        Answer answer = exchange(operationId, method, pathTemplate, pathParams, query, body, idempotencyKey);
        String accepted = "GET".equals(method) ? "" : "；服务器已接受该写操作，不要重发";
        JsonNode tree;
        try {
            tree = MAPPER.readTree(answer.body);
        } catch (IOException e) {
            tree = null;
        }
        if (tree == null || !tree.isObject()) {
            throw new ConnectionException("服务器返回的不是 JSON 对象（HTTP " + answer.status + "）" + accepted, false);
        }
        T value;
        try {
            value = MAPPER.treeToValue(tree, type);
        } catch (IOException e) {
            String field = redact(fieldPath(e));
            throw new ConnectionException("服务器的答复与文档不符（HTTP " + answer.status + "，字段 " + field + "）" + accepted,
                    false);
        }
        value.setRaw(tree);
        return value;
    }

    /** Where in the answer a mapping failed, e.g. entries[0].debit (names only, never values). */
    private static String fieldPath(IOException e) {
        if (!(e instanceof JsonMappingException)) return "?";
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : ((JsonMappingException) e).getPath()) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) out.append('.');
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.length() == 0 ? "?" : out.toString();
    }

    /** Sends one operation with the retry rule; returns the 2xx answer or throws. */
    private Answer exchange(String operationId, String method, String pathTemplate, Map<String, String> pathParams,
            Map<String, ?> query, Object body, String idempotencyKey) {
        String path = pathTemplate;
        if (pathParams != null) {
            for (Map.Entry<String, String> e : pathParams.entrySet()) {
                path = path.replace("{" + e.getKey() + "}", encode(e.getValue()).replace("+", "%20"));
            }
        }
        StringBuilder url = new StringBuilder(baseUrl).append(path);
        if (query != null) {
            char sep = '?';
            for (Map.Entry<String, ?> e : query.entrySet()) {
                if (e.getValue() == null) continue;
                url.append(sep).append(encode(e.getKey())).append('=').append(encode(String.valueOf(e.getValue())));
                sep = '&';
            }
        }
        boolean write = !"GET".equals(method);
        String contentType = null;
        byte[] payload = null;
        if (body instanceof Multipart) {
            String boundary = "----zxe" + UUID.randomUUID().toString().replace("-", "");
            contentType = "multipart/form-data; boundary=" + boundary;
            payload = multipart(boundary, (Multipart) body);
        } else if (body != null) {
            contentType = "application/json";
            try {
                payload = MAPPER.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new IllegalArgumentException("请求内容无法转为 JSON");
            }
        }
        String key = write ? (idempotencyKey != null ? idempotencyKey : UUID.randomUUID().toString()) : null;
        String host = hostOf(url.toString());

        int attempt = 0;
        while (true) {
            Answer answer;
            try {
                answer = send(method, url.toString(), contentType, payload, key);
            } catch (TransportFailure f) {
                if (attempt < maxRetries && (!write || f.notSent || honoursIdempotencyKey)) {
                    attempt++;
                    pause(backoff(attempt, null));
                    continue;
                }
                String message = (f.timeout ? "请求超时：" : "无法连接到服务器：") + host;
                if (write && !f.notSent) {
                    throw new OutcomeUnknownException(message + "；写操作可能已生效，服务器未声明支持 Idempotency-Key，未自动重发");
                }
                throw new ConnectionException(message, f.notSent);
            }
            int status = answer.status;
            if (statusListener != null) statusListener.onStatus(status);
            if (status >= 300 && status < 400) {
                throw new ConnectionException("服务器要求转到其他地址（HTTP " + status + "），已拒绝：API Key 只发往所设置的地址", false);
            }
            if (status >= 200 && status < 300) return answer;
            Double retryAfter = parseRetryAfter(answer.retryAfter);
            JsonNode error = envelope(answer.body);
            if (attempt < maxRetries && (status == 429 || status >= 500)) {
                boolean safe = !write || status == 429 || (status == 503 && error == null) || honoursIdempotencyKey;
                if (safe) {
                    attempt++;
                    pause(backoff(attempt, retryAfter));
                    continue;
                }
            }
            if (error == null) {
                throw ApiException.forStatus(status, status, "api_error", "服务器返回了无法识别的错误（HTTP " + status + "）",
                        retryAfter);
            }
            throw ApiException.forStatus(status, error.get("code").asInt(), error.get("type").asText(),
                    redact(error.get("message").asText()), retryAfter);
        }
    }

    private Answer send(String method, String url, String contentType, byte[] payload, String idempotencyKey)
            throws TransportFailure {
        HttpURLConnection conn;
        try {
            conn = (HttpURLConnection) new URL(url).openConnection();
            conn.setRequestMethod(method);
        } catch (IOException e) {
            throw new TransportFailure(true, false);
        }
        conn.setInstanceFollowRedirects(false);
        conn.setConnectTimeout(Math.min(timeoutMillis, 10_000));
        conn.setReadTimeout(timeoutMillis);
        conn.setUseCaches(false);
        conn.setRequestProperty("Authorization", "Bearer " + apiKey);
        conn.setRequestProperty("Accept", "application/json");
        if (idempotencyKey != null) conn.setRequestProperty("Idempotency-Key", idempotencyKey);
        if (contentType != null) conn.setRequestProperty("Content-Type", contentType);
        if (payload != null) {
            conn.setDoOutput(true);
            // Streaming mode also stops HttpURLConnection from silently resending a POST itself.
            conn.setFixedLengthStreamingMode(payload.length);
        }
        try {
            conn.connect();
        } catch (ConnectException | UnknownHostException | NoRouteToHostException e) {
            throw new TransportFailure(true, false);
        } catch (SocketTimeoutException e) {
            throw new TransportFailure(true, true);
        } catch (IOException e) {
            throw new TransportFailure(false, false);
        }
        try {
            if (payload != null) {
                OutputStream out = conn.getOutputStream();
                out.write(payload);
                out.close();
            }
            Answer answer = new Answer();
            answer.status = conn.getResponseCode();
            if ("true".equals(conn.getHeaderField(HONOURED_HEADER))) honoursIdempotencyKey = true;
            answer.retryAfter = conn.getHeaderField("Retry-After");
            InputStream in = answer.status >= 400 ? conn.getErrorStream() : conn.getInputStream();
            answer.body = in == null ? new byte[0] : readAll(in);
            return answer;
        } catch (SocketTimeoutException e) {
            throw new TransportFailure(false, true);
        } catch (IOException e) {
            throw new TransportFailure(false, false);
        } finally {
            conn.disconnect();
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            int n;
            while ((n = in.read(buffer)) != -1) out.write(buffer, 0, n);
            return out.toByteArray();
        } finally {
            in.close();
        }
    }

    private static byte[] multipart(String boundary, Multipart form) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        for (Map.Entry<String, String> e : form.fields.entrySet()) {
            head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(e.getKey())
                    .append("\"\r\n\r\n").append(e.getValue()).append("\r\n");
        }
        String safeName = form.filename.replaceAll("[\"\r\n]", "_");
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"")
                .append(safeName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] h = head.toString().getBytes(StandardCharsets.UTF_8);
        out.write(h, 0, h.length);
        out.write(form.content, 0, form.content.length);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        out.write(tail, 0, tail.length);
        return out.toByteArray();
    }

    private static JsonNode envelope(byte[] body) {
        try {
            JsonNode error = MAPPER.readTree(body).get("error");
            if (error == null || !error.path("code").isInt() || !error.path("type").isTextual()
                    || !error.path("message").isTextual()) {
                return null;
            }
            return error;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    static Double parseRetryAfter(String value) {
        if (value == null || value.isEmpty()) return null;
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds >= 0 ? seconds : null;
        } catch (NumberFormatException ignored) {
            // an HTTP date
        }
        try {
            SimpleDateFormat format = new SimpleDateFormat("EEE, dd MMM yyyy HH:mm:ss zzz", Locale.US);
            long millis = format.parse(value).getTime() - System.currentTimeMillis();
            return Math.max(0, millis / 1000.0);
        } catch (java.text.ParseException e) {
            return null;
        }
    }

    private double backoff(int attempt, Double retryAfter) {
        if (retryAfter != null) return Math.min(retryAfter, maxRetryWaitSeconds);
        double base = 0.5 * Math.pow(2, attempt - 1) + ThreadLocalRandom.current().nextDouble(0.1);
        return Math.min(base, maxRetryWaitSeconds);
    }

    private static void pause(double seconds) {
        try {
            Thread.sleep((long) (seconds * 1000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("请求已取消", false);
        }
    }

    private String redact(String text) {
        String out = apiKey.length() >= 8 ? text.replace(apiKey, "***") : text;
        return KEY_SHAPE.matcher(out).replaceAll("***");
    }

    private static String hostOf(String url) {
        try {
            URL parsed = new URL(url);
            return parsed.getHost() + (parsed.getPort() >= 0 ? ":" + parsed.getPort() : "");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String encode(String value) {
        try {
            return URLEncoder.encode(value, "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> path(String name, String value) {
        Map<String, String> map = new LinkedHashMap<String, String>();
        map.put(name, value);
        return map;
    }

    private static Map<String, Object> query(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) map.put((String) pairs[i], pairs[i + 1]);
        return map;
    }
}
