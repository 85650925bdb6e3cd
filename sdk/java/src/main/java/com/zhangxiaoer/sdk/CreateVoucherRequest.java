package com.zhangxiaoer.sdk;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The body of POST /api/v2/voucher/create: account set, date (YYYY-MM-DD), at least two entries whose
 * debits and credits balance, and optionally attached invoice ids. Build it with {@link #builder}:
 *
 * <pre>
 * CreateVoucherRequest request = CreateVoucherRequest.builder("acc_123456", "2024-03-15")
 *         .debit("采购办公用品", "560203", "500.00")
 *         .credit("支付办公用品款", "1002", "500.00")
 *         .build();
 * </pre>
 */
public final class CreateVoucherRequest {
    private final String accountId;
    private final String date;
    private final List<VoucherEntry> entries;
    private final List<String> attachments;

    private CreateVoucherRequest(Builder b) {
        this.accountId = b.accountId;
        this.date = b.date;
        this.entries = Collections.unmodifiableList(new ArrayList<VoucherEntry>(b.entries));
        this.attachments = b.attachments == null ? null
                : Collections.unmodifiableList(new ArrayList<String>(b.attachments));
    }

    public static Builder builder(String accountId, String date) {
        return new Builder(accountId, date);
    }

    /** 账套ID */
    public String getAccountId() { return accountId; }

    /** 凭证日期 YYYY-MM-DD */
    public String getDate() { return date; }

    /** 分录 */
    public List<VoucherEntry> getEntries() { return entries; }

    /** 附件（票据ID），未设置时为 null（不发送该字段） */
    public List<String> getAttachments() { return attachments; }

    /** The sum of the debit column. */
    public BigDecimal debitTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (VoucherEntry e : entries) sum = sum.add(e.getDebit());
        return sum;
    }

    /** The sum of the credit column. */
    public BigDecimal creditTotal() {
        BigDecimal sum = BigDecimal.ZERO;
        for (VoucherEntry e : entries) sum = sum.add(e.getCredit());
        return sum;
    }

    @Override
    public String toString() {
        return "CreateVoucherRequest(accountId=" + accountId + ", date=" + date + ", entries=" + entries
                + ", attachments=" + attachments + ")";
    }

    public static final class Builder {
        private final String accountId;
        private final String date;
        private final List<VoucherEntry> entries = new ArrayList<VoucherEntry>();
        private List<String> attachments;

        private Builder(String accountId, String date) {
            if (accountId == null || date == null) throw new IllegalArgumentException("accountId 与 date 不能为 null");
            this.accountId = accountId;
            this.date = date;
        }

        public Builder entry(VoucherEntry entry) {
            if (entry == null) throw new IllegalArgumentException("分录不能为 null");
            entries.add(entry);
            return this;
        }

        /** Adds every entry, e.g. {@link Invoice#getEntries()} of a recognized invoice. */
        public Builder entries(Iterable<VoucherEntry> values) {
            for (VoucherEntry e : values) entry(e);
            return this;
        }

        public Builder debit(String abstractText, String accountCode, BigDecimal amount) {
            return entry(VoucherEntry.debit(abstractText, accountCode, amount));
        }

        public Builder debit(String abstractText, String accountCode, String amount) {
            return entry(VoucherEntry.debit(abstractText, accountCode, amount));
        }

        public Builder credit(String abstractText, String accountCode, BigDecimal amount) {
            return entry(VoucherEntry.credit(abstractText, accountCode, amount));
        }

        public Builder credit(String abstractText, String accountCode, String amount) {
            return entry(VoucherEntry.credit(abstractText, accountCode, amount));
        }

        /** Attaches an invoice (its invoice_id) to the voucher. */
        public Builder attachment(String invoiceId) {
            if (attachments == null) attachments = new ArrayList<String>();
            attachments.add(invoiceId);
            return this;
        }

        public CreateVoucherRequest build() { return new CreateVoucherRequest(this); }
    }
}
