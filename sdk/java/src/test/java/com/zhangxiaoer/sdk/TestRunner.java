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
import java.math.BigDecimal;
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

    private static final BigDecimal INVOICE_TOTAL = new BigDecimal("2143.62");

    private static boolean same(BigDecimal a, BigDecimal b) { return a != null && b != null && a.compareTo(b) == 0; }

    private static BigDecimal sum(List<? extends Object> lines, boolean debit) {
        BigDecimal total = BigDecimal.ZERO;
        for (Object o : lines) {
            if (o instanceof VoucherEntry) total = total.add(debit ? ((VoucherEntry) o).getDebit() : ((VoucherEntry) o).getCredit());
            else total = total.add(debit ? ((VoucherLine) o).getDebit() : ((VoucherLine) o).getCredit());
        }
        return total;
    }

    public static void test1ListsAccountSets() {
        AccountsListResponse answer = client(f("api_key")).listAccounts();
        AccountSet mine = null;
        for (AccountSet a : answer.getAccounts()) if (a.getId().equals(f("account_id"))) mine = a;
        check(mine != null, "account set listed");
        check(!mine.getName().isEmpty() && "active".equals(mine.getStatus()), "name and status: " + mine);
        check(mine.getCreatedAt().matches("\\d{4}-\\d{2}-\\d{2}T.*"), "created_at: " + mine.getCreatedAt());
        check(answer.getRaw().get("accounts").size() == answer.getAccounts().size(), "raw answer kept");
    }

    public static void test2RecognizesAnInvoiceBooksItAndReadsTheThreeStatements() throws Exception {
        ZhangxiaoerClient c = client(f("api_key"));
        Path file = Paths.get(f("invoice_path"));
        Invoice invoice = c.recognizeInvoice(file, f("account_id"), InvoiceType.VAT, null);
        String invoiceId = invoice.getInvoiceId();
        check(invoiceId.startsWith("inv_"), "invoice id");
        check(same(invoice.getAmount(), INVOICE_TOTAL), "amount " + invoice.getAmount());
        check(same(invoice.getTotalWithTax(), INVOICE_TOTAL), "total_with_tax");
        check(same(invoice.getTotalAmount().add(invoice.getTotalTax()), INVOICE_TOTAL), "amount + tax");
        check("办公费".equals(invoice.getCategory()), "category");
        check(f("account_id").equals(invoice.getAccountId()) && "purchase".equals(invoice.getDirection()), "account, direction");
        check(invoice.getIssueDate().matches("\\d{4}-\\d{2}-\\d{2}"), "issue date " + invoice.getIssueDate());
        check(!invoice.getItems().isEmpty() && invoice.getSeller().getName() != null, "items and seller");
        BigDecimal items = BigDecimal.ZERO;
        for (InvoiceItem item : invoice.getItems()) items = items.add(item.getAmount());
        check(same(items, invoice.getTotalAmount()), "items add up to total_amount");
        check(invoice.getConfidence() > 0 && !invoice.getChecks().isEmpty() && !invoice.getFields().isEmpty(), "confidence, checks, fields");
        check(invoice.getTypeHint() != null && "vat".equals(invoice.getTypeHint().getGiven()), "type hint");
        check(invoice.getDuplicate() == null, "first time: no duplicate");
        List<VoucherEntry> entries = invoice.getEntries();
        check(entries.size() >= 2, "entries");
        check(same(sum(entries, true), sum(entries, false)) && same(sum(entries, true), INVOICE_TOTAL), "entries balance at the total");
        for (VoucherEntry e : entries) check(e.getAccountCode().matches("\\d{4,12}") && !e.getAbstractText().isEmpty(), "entry " + e);

        Invoice stored = c.getInvoice(invoiceId);
        check(stored.getInvoiceId().equals(invoiceId) && stored.getEntries().equals(entries), "invoice get");
        byte[] original = Files.readAllBytes(file);
        check(stored.getFile().getSize() == original.length && "application/pdf".equals(stored.getFile().getMediaType()), "file info");
        check(Arrays.equals(original, c.getInvoiceFile(invoiceId)), "stored file");

        Invoice again = c.recognizeInvoice(original, "again.pdf", f("account_id"), null, "java-inv-1");
        Invoice repeat = c.recognizeInvoice(original, "again.pdf", f("account_id"), null, "java-inv-1");
        check(again.getInvoiceId().equals(repeat.getInvoiceId()), "idempotent recognition");
        check(again.getDuplicate() != null && again.getDuplicate().getInvoiceId().equals(invoiceId), "duplicate found");

        String date = invoice.getIssueDate();
        String period = date.substring(0, 7);
        CreateVoucherRequest request = CreateVoucherRequest.builder(f("account_id"), date).entries(entries).attachment(invoiceId).build();
        check(same(request.debitTotal(), request.creditTotal()), "request balances");
        VoucherCreateResponse created = c.createVoucher(request, "java-voucher-1");
        String voucherId = created.getVoucherId();
        check(voucherId.startsWith("vch_") && created.getVoucherNo().startsWith("记-"), "voucher id and no");
        VoucherCreateResponse same = c.createVoucher(request, "java-voucher-1");
        check(same.getVoucherId().equals(voucherId), "idempotent voucher");
        Voucher voucher = c.getVoucher(voucherId);
        check(voucher.getVoucherNo().equals(created.getVoucherNo()) && voucher.getDate().equals(date), "voucher get");
        check(voucher.getPeriod().equals(period) && "posted".equals(voucher.getStatus()) && "normal".equals(voucher.getKind()), "period, status, kind");
        check(voucher.getAttachments().equals(Collections.singletonList(invoiceId)), "attachment");
        check(voucher.getEntries().size() == entries.size() && same(voucher.getDebitTotal(), INVOICE_TOTAL)
                && same(voucher.getCreditTotal(), INVOICE_TOTAL) && same(sum(voucher.getEntries(), true), INVOICE_TOTAL), "voucher lines");
        for (VoucherLine line : voucher.getEntries()) check(!line.getAccountName().isEmpty(), "account name of " + line.getAccountCode());
        VoucherListResponse listed = c.listVouchers(VoucherListQuery.forAccount(f("account_id")).period(period).pageSize(100));
        boolean found = false;
        for (Voucher v : listed.getVouchers()) found |= v.getVoucherId().equals(voucherId);
        check(found && listed.getTotal() >= 1 && listed.getPage() == 1 && listed.getPageSize() == 100, "voucher listed");
        for (Voucher v : listed.getVouchers()) check(v.getRaw().get("voucher_id").asText().equals(v.getVoucherId()), "raw of a listed voucher");
        InvoiceListResponse invoices = c.listInvoices(InvoiceListQuery.forAccount(f("account_id")).period(period).duplicate(false));
        found = false;
        for (Invoice i : invoices.getInvoices()) found |= i.getInvoiceId().equals(invoiceId) && same(i.getAmount(), INVOICE_TOTAL);
        check(found && invoices.getTotal() >= 1, "invoice listed");
        for (Invoice i : invoices.getInvoices()) check(i.getRaw().get("invoice_id").asText().equals(i.getInvoiceId()), "raw of a listed invoice");

        String start = period + "-01";
        String[][] forms = {{"资产负债表", "会小企01表"}, {"利润表", "会小企02表"}, {"现金流量表", "会小企03表"}};
        for (ReportType type : ReportType.values()) {
            ReportResponse report = c.getReport(type, f("account_id"), start, date);
            check(report.getPeriod().getStartDate().equals(start) && report.getPeriod().getEndDate().equals(date), type + " period");
            Statement s = report.getReportData();
            check(s.getTitle().equals(forms[type.ordinal()][0]) && s.getFormNo().equals(forms[type.ordinal()][1]), type + " title " + s.getTitle());
            check("元".equals(s.getUnit()) && f("account_id").equals(s.getAccountSetId()), type + " unit, account set");
            check(!s.getColumns().isEmpty() && s.getLines().size() > 10, type + " columns and lines");
            List<String> keys = new ArrayList<String>();
            for (Statement.Column col : s.getColumns()) keys.add(col.getKey());
            for (StatementLine line : s.getLines()) {
                check(keys.containsAll(line.getValues().keySet()), type + " line " + line.getItem() + " uses its columns");
                if (line.getLineNo() != null) check(s.line(line.getLineNo()) == line, "line(" + line.getLineNo() + ")");
            }
            check(report.getRaw().path("report_data").path("lines").size() == s.getLines().size(), type + " raw");
        }
        Statement profit = c.getReport(ReportType.PROFIT, f("account_id"), start, date).getReportData();
        StatementLine admin = null;
        for (StatementLine line : profit.getLines()) if (line.getItem().contains("管理费用")) { admin = line; break; }
        check(admin != null && admin.value("current_period").compareTo(invoice.getTotalAmount()) >= 0, "管理费用 holds the office supplies: " + admin);

        TrialBalanceResponse trial = c.getTrialBalance(f("account_id"), start, date);
        TrialBalanceTotals t = trial.getTotals();
        check(same(t.getPeriodDebit(), t.getPeriodCredit()) && same(t.getClosingDebit(), t.getClosingCredit())
                && t.getPeriodDebit().compareTo(INVOICE_TOTAL) >= 0, "trial balance totals agree");
        check(trial.getPeriod().getEndDate().equals(date) && !trial.getRows().isEmpty() && trial.getRows().get(0).getLevel() >= 1, "trial rows");

        VoucherEntry cash = null;
        for (VoucherEntry e : entries) if (e.getCredit().signum() > 0) cash = e;
        DetailLedgerResponse detail = c.getDetailLedger(f("account_id"), cash.getAccountCode(), start, date);
        check(cash.getAccountCode().equals(detail.getAccountCode()) && !detail.getAccountName().isEmpty(), "detail account");
        check(detail.getPostingCount() >= 1 && detail.getTotalRows() >= detail.getRows().size() && detail.getPage() == 1, "detail counts");
        DetailLedgerRow posting = null;
        for (DetailLedgerRow row : detail.getRows()) if (voucherId.equals(row.getVoucherId())) posting = row;
        check(posting != null && "posting".equals(posting.getKind()) && same(posting.getCredit(), cash.getCredit()), "detail posting " + posting);
        check(detail.getOpening().getBalance().signum() >= 0 && detail.getClosing().getDirection() != null, "opening/closing");
    }

    public static void test3ReversesAVoucherClosesAndReopensAPeriodAndReadsTheChart() {
        ZhangxiaoerClient c = client(f("api_key"));
        ChartResponse chart = c.getChart(f("account_id"));
        ChartAccount office = null;
        for (ChartAccount a : chart.getAccounts()) if (a.getCode().equals("560203")) office = a;
        check(office != null && office.isLeaf() && "损益".equals(office.getAccountClass()) && "debit".equals(office.getSide())
                && "5602".equals(office.getParent()), "chart: 560203 " + office);

        CreateVoucherRequest request = CreateVoucherRequest.builder(f("account_id"), "2024-03-20")
                .debit("采购打印纸", "560203", new BigDecimal("123.45"))
                .credit("银行付款", "1002", "123.45")
                .build();
        VoucherCreateResponse created = c.createVoucher(request);
        VoucherReverseResponse reversal = c.reverseVoucher(created.getVoucherId());
        check(reversal.getReversesVoucherId().equals(created.getVoucherId()) && reversal.getVoucherId().startsWith("vch_"), "reversal");
        Voucher red = c.getVoucher(reversal.getVoucherId());
        check("reversal".equals(red.getKind()) && same(red.getDebitTotal(), new BigDecimal("-123.45")), "red voucher: " + red.getDebitTotal());
        check(same(red.getEntries().get(0).getDebit(), new BigDecimal("-123.45")), "red line");
        Voucher original = c.getVoucher(created.getVoucherId());
        check("reversed".equals(original.getStatus()) && reversal.getVoucherId().equals(original.getReversedByVoucherId()), "original reversed");

        PeriodInfo first = null;
        for (PeriodInfo p : c.listPeriods(f("account_id")).getPeriods()) {
            if (first == null && p.getVoucherCount() > 0) first = p;
        }
        check(first != null && "open".equals(first.getStatus()) && first.getLastVoucherNo() != null && first.getClosedAt() == null, "first period " + first);
        PeriodCloseResponse closed = c.closePeriod(f("account_id"), first.getPeriod());
        check("closed".equals(closed.getStatus()) && closed.getPeriod().equals(first.getPeriod()) && closed.getNetProfit() != null, "closed " + closed);
        check(closed.getClosingVoucherId() == null || c.getVoucher(closed.getClosingVoucherId()).getKind().equals("closing"), "closing voucher");
        PeriodInfo after = null;
        for (PeriodInfo p : c.listPeriods(f("account_id")).getPeriods()) if (p.getPeriod().equals(first.getPeriod())) after = p;
        check("closed".equals(after.getStatus()) && after.getClosedAt() != null, "listed as closed");
        PeriodReopenResponse reopened = c.reopenPeriod(f("account_id"), first.getPeriod(), "java-reopen-1");
        check("open".equals(reopened.getStatus()) && reopened.getPeriod().equals(first.getPeriod()), "reopened " + reopened);
        if (closed.getClosingVoucherId() == null) {
            check(reopened.getVoidedVoucherId() == null, "nothing to void");
        } else {
            check(closed.getClosingVoucherId().equals(reopened.getVoidedVoucherId()), "the closing voucher is voided");
            Voucher voided = c.getVoucher(reopened.getVoidedVoucherId());
            check("voided".equals(voided.getStatus()) && voided.getVoidedAt() != null, "voided voucher");
        }
    }

    public static void test4BadKeyIs401AndTheKeyIsNowhereInTheError() {
        final String badKey = "sk_test_" + new String(new char[32]).replace('\0', 'x');
        final ZhangxiaoerClient c = client(badKey);
        AuthenticationException e = expect(AuthenticationException.class, new Runnable() {
            public void run() { c.listAccounts(); }
        });
        check(e.getStatus() == 401 && e.getCode() == 401, "401");
        check(!e.getType().isEmpty(), "type");
        check(!(e.getMessage() + e.getErrorMessage() + e + c).contains(badKey), "key not shown");
    }

    public static void test5UnbalancedVoucherIs400() {
        final List<VoucherEntry> entries = Arrays.asList(VoucherEntry.debit("不平", "560203", "500"),
                VoucherEntry.credit("不平", "1002", "400"));
        InvalidRequestException e = expect(InvalidRequestException.class, new Runnable() {
            public void run() { client(f("api_key")).createVoucher(f("account_id"), "2024-03-15", entries); }
        });
        check(e.getCode() == 400 && "invalid_request_error".equals(e.getType()), "400 envelope");
    }

    public static void test6UnknownAndForeignAccountSetsAre404() {
        for (final String accountId : new String[] {"acc_doesnotexist", f("other_tenant_account_id")}) {
            NotFoundException e = expect(NotFoundException.class, new Runnable() {
                public void run() { client(f("api_key")).getReport("balance", accountId, "2024-01-01", "2024-03-31"); }
            });
            check(e.getStatus() == 404, "404");
        }
    }

    public static void test7RateLimitedKeyGets429ThenTheRetrySucceeds() {
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
        check(!retrying.listAccounts().getAccounts().isEmpty(), "retry succeeded");
        check(statuses.get(0) == 429 && statuses.get(statuses.size() - 1) == 200, "429 then 200: " + statuses);
    }

    public static void test8RefusedConnectionIsAConnectionErrorNeverShowingTheKey() throws Exception {
        ServerSocket socket = new ServerSocket(0);
        int port = socket.getLocalPort();
        socket.close();
        final ZhangxiaoerClient c = ZhangxiaoerClient.builder(f("api_key")).baseUrl("http://127.0.0.1:" + port).maxRetries(0).timeoutMillis(5000).build();
        ConnectionException e = expect(ConnectionException.class, new Runnable() {
            public void run() { c.createVoucher(f("account_id"), "2024-03-15", new ArrayList<VoucherEntry>()); }
        });
        check(e.isNotSent() && !(e instanceof OutcomeUnknownException), "not sent");
        check(!e.getMessage().contains(f("api_key")), "key not shown");
    }

    /** Every operation has a method, and each reads its answer into a typed class (or returns the file's bytes). */
    public static void test9EveryOperationOfTheServersOpenapiDocumentHasATypedMethod() throws Exception {
        OpenApiDocument document = client(f("api_key")).getOpenapi();
        check(document.getOpenapi().startsWith("3.") && document.getInfo().getVersion().startsWith("2."), "openapi version");
        List<OpenApiDocument.Operation> operations = document.operations();
        int inRaw = 0;
        for (Iterator<JsonNode> it = document.getRaw().get("paths").elements(); it.hasNext();) inRaw += it.next().size();
        check(operations.size() == inRaw && operations.size() >= 17, "operations: " + operations.size());
        check(document.operation("report") != null && !document.operation("report").isExtension()
                && document.operation("chart").isExtension(), "x-zxe-extension");
        Path source = readme.getParent().resolve("src/main/java/com/zhangxiaoer/sdk/ZhangxiaoerClient.java");
        String text = new String(Files.readAllBytes(source), StandardCharsets.UTF_8);
        for (OpenApiDocument.Operation op : operations) {
            String needle = "\"" + op.getOperationId() + "\", \"" + op.getMethod() + "\", \"" + op.getPath() + "\"";
            check(text.contains(needle), "no method for " + op);
            Matcher typed = Pattern.compile("(?:call\\(\\w+\\.class, |exchange\\()" + Pattern.quote(needle)).matcher(text);
            check(typed.find(), "untyped answer for " + op);
        }
    }

    public static void testReadmeEveryExampleRuns() throws Exception {
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

    // ——— Typed answers against a local server that answers every request with one fixed 200 body ———

    private static <T> T againstServerAnswering(String json, java.util.function.Function<ZhangxiaoerClient, T> call) throws Exception {
        final byte[] body = json.getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            InputStream in = exchange.getRequestBody();
            while (in.read() != -1) { /* drain */ }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            OutputStream out = exchange.getResponseBody();
            out.write(body);
            out.close();
        });
        server.start();
        try {
            return call.apply(ZhangxiaoerClient.builder(SECRET).baseUrl("http://127.0.0.1:" + server.getAddress().getPort()).build());
        } finally {
            server.stop(0);
        }
    }

    private static final String SECRET = "sk_test_" + new String(new char[32]).replace('\0', 's');

    public static void testTypedAnswersIgnoreFieldsANewerServerAdds() throws Exception {
        AccountsListResponse answer = againstServerAnswering("{\"accounts\":[{\"id\":\"acc_1\",\"name\":\"甲\",\"status\":\"active\","
                + "\"created_at\":\"2024-01-01T00:00:00Z\",\"region\":{\"code\":31}}],\"next_cursor\":\"c2\"}", c -> c.listAccounts());
        check(answer.getAccounts().size() == 1 && "甲".equals(answer.getAccounts().get(0).getName()), "known fields read");
        check("c2".equals(answer.getRaw().get("next_cursor").asText()), "new field reachable through getRaw()");
        VoucherCreateResponse exact = againstServerAnswering("{\"voucher_id\":\"vch_1\",\"voucher_no\":\"记-1\"}",
                c -> c.createVoucher(CreateVoucherRequest.builder("acc_1", "2024-03-15").build()));
        check("记-1".equals(exact.getVoucherNo()), "write answer read");
        Voucher money = againstServerAnswering("{\"voucher_id\":\"vch_1\",\"debit_total\":0.10000000000000001,\"credit_total\":12345678901.23,"
                + "\"entries\":[]}", c -> c.getVoucher("vch_1"));
        check(money.getDebitTotal().toPlainString().equals("0.10000000000000001"), "money is read exactly, not through a double");
        check(money.getCreditTotal().toPlainString().equals("12345678901.23"), "large amount exact");
        check(money.getRaw().get("debit_total").decimalValue().toPlainString().equals("0.10000000000000001"), "raw keeps the exact number");
        check(money.getEntries().isEmpty() && money.getAttachments().isEmpty(), "absent list is empty");
    }

    public static void testAnAnswerThatContradictsTheDocumentIsAConnectionErrorNamingTheFieldNotTheKey() throws Exception {
        ConnectionException e = againstServerAnswering("{\"voucher_id\":\"vch_1\",\"debit_total\":\"" + SECRET + "\"}",
                c -> expect(ConnectionException.class, new Runnable() {
                    public void run() { c.getVoucher("vch_1"); }
                }));
        check(e.getMessage().contains("debit_total") && !e.getMessage().contains(SECRET) && !e.isNotSent(), "mismatch: " + e.getMessage());
        ConnectionException w = againstServerAnswering("[1]", c -> expect(ConnectionException.class, new Runnable() {
            public void run() { c.closePeriod("acc_1", "2024-03"); }
        }));
        check(w.getMessage().contains("不要重发") && !(w instanceof OutcomeUnknownException), "a 2xx write says it was accepted: " + w.getMessage());
    }

    public static void testRetryReadsAreRetriedOn5xx() throws Exception {
        List<String> seen = againstFailingServer(false, c -> c.listAccounts());
        check(seen.size() == 3, "3 attempts: " + seen);
    }

    public static void testRetryAWriteIsNotResentTowardAServerThatNeverSaidItHonoursTheKey() throws Exception {
        List<String> seen = againstFailingServer(false, c -> c.createVoucher("acc_1", "2024-03-15", new ArrayList<VoucherEntry>()));
        check(seen.size() == 1 && !seen.get(0).endsWith(" null"), "one attempt with a key: " + seen);
    }

    public static void testRetryAWriteIsResentWithTheSameKeyTowardAServerThatHonoursIt() throws Exception {
        List<String> seen = againstFailingServer(true,
                c -> c.createVoucher(CreateVoucherRequest.builder("acc_1", "2024-03-15").build(), "k-1"));
        check(seen.equals(Arrays.asList("POST k-1", "POST k-1", "POST k-1")), "three attempts with one key: " + seen);
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
