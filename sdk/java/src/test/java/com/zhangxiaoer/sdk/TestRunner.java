package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A plain test runner (no JUnit download needed): runs the shared SDK scenario against the engine in
 * ZXE_SDK_FIXTURE and the README's examples, then writes {suite, passed, failed, skipped, failures}.
 * Usage: TestRunner <result.json> <README.md>
 */
public final class TestRunner {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonNode fixture;
    private static Path readme;

    private static String f(String name) { return fixture.get(name).asText(); }

    private static ZhangxiaoerClient client(String key) {
        return ZhangxiaoerClient.builder(key).baseUrl(f("base_url")).build();
    }

    private static void check(boolean condition, String what) {
        if (!condition) throw new AssertionError(what);
    }

    private static <T extends Throwable> T expect(Class<T> type, Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            if (type.isInstance(t)) return type.cast(t);
            throw new AssertionError("expected " + type.getSimpleName() + ", got " + t);
        }
        throw new AssertionError("expected " + type.getSimpleName() + ", nothing thrown");
    }

    // ——— The scenario ———

    public static void test1ListsAccountSets() {
        boolean found = false;
        for (JsonNode a : client(f("api_key")).listAccounts().get("accounts")) found |= a.get("id").asText().equals(f("account_id"));
        check(found, "account set listed");
    }

    public static void test2RecognizesAnInvoiceBooksItAndReadsTheThreeStatements() throws Exception {
        ZhangxiaoerClient c = client(f("api_key"));
        Path file = Paths.get(f("invoice_path"));
        JsonNode invoice = c.recognizeInvoice(file, f("account_id"), "vat", null);
        String invoiceId = invoice.get("invoice_id").asText();
        check(invoiceId.startsWith("inv_"), "invoice id");
        check(invoice.get("amount").decimalValue().compareTo(new java.math.BigDecimal("2143.62")) == 0, "amount");
        check("办公费".equals(invoice.get("category").asText()), "category");
        check(invoice.get("entries").size() >= 2, "entries");
        check(c.getInvoice(invoiceId).get("invoice_id").asText().equals(invoiceId), "invoice get");
        byte[] original = Files.readAllBytes(file);
        check(Arrays.equals(original, c.getInvoiceFile(invoiceId)), "stored file");

        JsonNode again = c.recognizeInvoice(original, "again.pdf", f("account_id"), null, "java-inv-1");
        JsonNode repeat = c.recognizeInvoice(original, "again.pdf", f("account_id"), null, "java-inv-1");
        check(again.get("invoice_id").equals(repeat.get("invoice_id")), "idempotent recognition");

        String date = invoice.get("issue_date").asText();
        JsonNode voucher = c.createVoucher(f("account_id"), date, invoice.get("entries"), null, "java-voucher-1");
        String voucherId = voucher.get("voucher_id").asText();
        check(voucherId.startsWith("vch_"), "voucher id");
        JsonNode same = c.createVoucher(f("account_id"), date, invoice.get("entries"), null, "java-voucher-1");
        check(same.get("voucher_id").asText().equals(voucherId), "idempotent voucher");
        check(c.getVoucher(voucherId).get("voucher_no").equals(voucher.get("voucher_no")), "voucher get");
        Map<String, Object> filters = new LinkedHashMap<String, Object>();
        filters.put("period", date.substring(0, 7));
        boolean listed = false;
        for (JsonNode v : c.listVouchers(f("account_id"), filters).get("vouchers")) listed |= v.get("voucher_id").asText().equals(voucherId);
        check(listed, "voucher listed");

        String start = date.substring(0, 7) + "-01";
        for (String type : new String[] {"balance", "profit", "cashflow"}) {
            JsonNode report = c.getReport(type, f("account_id"), start, date);
            check(report.get("period").get("start_date").asText().equals(start), type + " period");
            check(report.get("period").get("end_date").asText().equals(date), type + " period end");
            check(report.get("report_data").isObject(), type + " data");
        }
        check(c.getTrialBalance(f("account_id"), start, date).has("rows"), "trial balance");
        check("1002".equals(c.getDetailLedger(f("account_id"), "1002", start, date, null, null).get("account_code").asText()), "detail");
    }

    public static void test3BadKeyIs401AndTheKeyIsNowhereInTheError() {
        final String badKey = "sk_test_" + new String(new char[32]).replace('\0', 'x');
        final ZhangxiaoerClient c = client(badKey);
        AuthenticationException e = expect(AuthenticationException.class, new Runnable() {
            public void run() { c.listAccounts(); }
        });
        check(e.getStatus() == 401 && e.getCode() == 401, "401");
        check(!e.getType().isEmpty(), "type");
        check(!(e.getMessage() + e.getErrorMessage() + e + c).contains(badKey), "key not shown");
    }

    public static void test4UnbalancedVoucherIs400() {
        final List<Map<String, Object>> entries = new ArrayList<Map<String, Object>>();
        entries.add(entry("不平", "560203", 500, 0));
        entries.add(entry("不平", "1002", 0, 400));
        InvalidRequestException e = expect(InvalidRequestException.class, new Runnable() {
            public void run() { client(f("api_key")).createVoucher(f("account_id"), "2024-03-15", entries); }
        });
        check(e.getCode() == 400 && "invalid_request_error".equals(e.getType()), "400 envelope");
    }

    public static void test5UnknownAndForeignAccountSetsAre404() {
        for (final String accountId : new String[] {"acc_doesnotexist", f("other_tenant_account_id")}) {
            NotFoundException e = expect(NotFoundException.class, new Runnable() {
                public void run() { client(f("api_key")).getReport("balance", accountId, "2024-01-01", "2024-03-31"); }
            });
            check(e.getStatus() == 404, "404");
        }
    }

    public static void test6RateLimitedKeyGets429ThenTheRetrySucceeds() {
        final ZhangxiaoerClient noRetry = ZhangxiaoerClient.builder(f("limited_key")).baseUrl(f("base_url")).maxRetries(0).build();
        noRetry.listAccounts();
        RateLimitException e = expect(RateLimitException.class, new Runnable() {
            public void run() { noRetry.listAccounts(); }
        });
        check(e.getStatus() == 429 && e.getRetryAfter() != null && e.getRetryAfter() >= 1, "429 with Retry-After");
        final List<Integer> statuses = Collections.synchronizedList(new ArrayList<Integer>());
        ZhangxiaoerClient retrying = ZhangxiaoerClient.builder(f("limited_key")).baseUrl(f("base_url")).maxRetries(2)
                .statusListener(new ZhangxiaoerClient.StatusListener() {
                    public void onStatus(int status) { statuses.add(status); }
                }).build();
        check(retrying.listAccounts().has("accounts"), "retry succeeded");
        check(statuses.get(0) == 429 && statuses.get(statuses.size() - 1) == 200, "429 then 200: " + statuses);
    }

    public static void test7RefusedConnectionIsAConnectionErrorNeverShowingTheKey() throws Exception {
        ServerSocket socket = new ServerSocket(0);
        int port = socket.getLocalPort();
        socket.close();
        final ZhangxiaoerClient c = ZhangxiaoerClient.builder(f("api_key")).baseUrl("http://127.0.0.1:" + port).maxRetries(0).timeoutMillis(5000).build();
        ConnectionException e = expect(ConnectionException.class, new Runnable() {
            public void run() { c.createVoucher(f("account_id"), "2024-03-15", new ArrayList<Object>()); }
        });
        check(e.isNotSent() && !(e instanceof OutcomeUnknownException), "not sent");
        check(!e.getMessage().contains(f("api_key")), "key not shown");
    }

    public static void test8EveryOperationOfTheServersOpenapiDocumentHasAMethod() throws Exception {
        JsonNode paths = client(f("api_key")).getOpenapi().get("paths");
        Path source = readme.getParent().resolve("src/main/java/com/zhangxiaoer/sdk/ZhangxiaoerClient.java");
        String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String id = op.getValue().get("operationId").asText();
                String needle = "\"" + id + "\", \"" + op.getKey().toUpperCase() + "\", \"" + p.getKey() + "\"";
                check(text.contains(needle), "no method for " + id);
            }
        }
    }

    public static void test9EveryReadmeExampleRuns() throws Exception {
        String text = new String(Files.readAllBytes(readme), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(text);
        int count = 0;
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        while (m.find()) {
            String code = m.group(1);
            check(code.contains("\"{your_api_key}\""), "example uses the placeholder key");
            code = code.replace("new ZhangxiaoerClient(\"{your_api_key}\")",
                    "ZhangxiaoerClient.builder(\"" + f("api_key") + "\").baseUrl(\"" + f("base_url") + "\").build()")
                    .replace("/path/to/invoice.pdf", f("invoice_path")).replace("acc_123456", f("account_id"));
            Matcher name = Pattern.compile("public class (\\w+)").matcher(code);
            check(name.find(), "example is a class");
            Path dir = Files.createTempDirectory("zxe-java-example");
            Path src = dir.resolve(name.group(1) + ".java");
            Files.write(src, code.getBytes(StandardCharsets.UTF_8));
            int rc = compiler.run(null, null, null, "-encoding", "UTF-8", "-nowarn", "-cp", System.getProperty("java.class.path"), "-d", dir.toString(), src.toString());
            check(rc == 0, "example " + name.group(1) + " compiles");
            URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, TestRunner.class.getClassLoader());
            PrintStream saved = System.out;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, "UTF-8"));
            try {
                loader.loadClass(name.group(1)).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
            } finally {
                System.setOut(saved);
                loader.close();
            }
            check(captured.size() > 0, "example " + name.group(1) + " printed something");
            count++;
        }
        check(count >= 5, "README has the documented examples");
    }

    // ——— The retry rule, against a local server that answers every request with a 500 envelope ———

    private static List<String> againstFailingServer(boolean honours, final java.util.function.Consumer<ZhangxiaoerClient> call)
            throws Exception {
        final List<String> seen = Collections.synchronizedList(new ArrayList<String>());
        final boolean honoured = honours;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            InputStream in = exchange.getRequestBody();
            while (in.read() != -1) { /* drain */ }
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            byte[] body = "{\"error\":{\"code\":500,\"message\":\"内部错误\",\"type\":\"api_error\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Retry-After", "0");
            if (honoured) exchange.getResponseHeaders().add("Idempotency-Key-Honoured", "true");
            exchange.sendResponseHeaders(500, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body);
            out.close();
        });
        server.start();
        try {
            final ZhangxiaoerClient c = ZhangxiaoerClient.builder("sk_test_" + new String(new char[32]).replace('\0', 'r'))
                    .baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).build();
            ServerException e = expect(ServerException.class, new Runnable() {
                public void run() { call.accept(c); }
            });
            check(e.getStatus() == 500, "500");
            return new ArrayList<String>(seen);
        } finally {
            server.stop(0);
        }
    }

    public static void testRetryReadsAreRetriedOn5xx() throws Exception {
        List<String> seen = againstFailingServer(false, c -> c.listAccounts());
        check(seen.size() == 3, "3 attempts: " + seen);
    }

    public static void testRetryAWriteIsNotResentTowardAServerThatNeverSaidItHonoursTheKey() throws Exception {
        List<String> seen = againstFailingServer(false, c -> c.createVoucher("acc_1", "2024-03-15", new ArrayList<Object>()));
        check(seen.size() == 1 && !seen.get(0).endsWith(" null"), "one attempt with a key: " + seen);
    }

    public static void testRetryAWriteIsResentWithTheSameKeyTowardAServerThatHonoursIt() throws Exception {
        List<String> seen = againstFailingServer(true,
                c -> c.createVoucher("acc_1", "2024-03-15", new ArrayList<Object>(), null, "k-1"));
        check(seen.equals(Arrays.asList("POST k-1", "POST k-1", "POST k-1")), "three attempts with one key: " + seen);
    }

    private static Map<String, Object> entry(String abstractText, String code, double debit, double credit) {
        Map<String, Object> e = new LinkedHashMap<String, Object>();
        e.put("abstract", abstractText);
        e.put("account_code", code);
        e.put("debit", debit);
        e.put("credit", credit);
        return e;
    }

    public static void main(String[] args) throws Exception {
        fixture = MAPPER.readTree(System.getenv("ZXE_SDK_FIXTURE"));
        readme = Paths.get(args[1]).toAbsolutePath();
        List<Method> tests = new ArrayList<Method>();
        for (Method method : TestRunner.class.getDeclaredMethods()) {
            if (method.getName().startsWith("test")) tests.add(method);
        }
        Collections.sort(tests, (a, b) -> a.getName().compareTo(b.getName()));
        int passed = 0;
        List<Map<String, String>> failures = new ArrayList<Map<String, String>>();
        for (Method test : tests) {
            try {
                test.invoke(null);
                passed++;
                System.out.println("ok   " + test.getName());
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                System.out.println("FAIL " + test.getName() + ": " + cause);
                cause.printStackTrace(System.out);
                Map<String, String> failure = new LinkedHashMap<String, String>();
                failure.put("name", test.getName());
                failure.put("message", String.valueOf(cause));
                failures.add(failure);
            }
        }
        Map<String, Object> result = new LinkedHashMap<String, Object>();
        result.put("suite", "sdk-java");
        result.put("passed", passed);
        result.put("failed", failures.size());
        result.put("skipped", 0);
        result.put("failures", failures);
        MAPPER.writeValue(new File(args[0]), result);
        System.out.println(passed + " passed, " + failures.size() + " failed");
        System.exit(failures.isEmpty() ? 0 : 1);
    }
}
