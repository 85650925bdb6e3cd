package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * One line of a voucher to create (VoucherEntry of the OpenAPI document): 摘要, 科目编码, and a debit
 * or a credit amount in 元 (≥ 0, at most two decimals; 0 marks the unused side). Recognition returns
 * its suggested entries in this form, so {@link Invoice#getEntries()} can be passed to voucher/create
 * as it is.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class VoucherEntry extends ApiObject {
    @JsonProperty("abstract")
    private String abstractText;
    @JsonProperty("account_code")
    private String accountCode;
    @JsonProperty("debit")
    private BigDecimal debit;
    @JsonProperty("credit")
    private BigDecimal credit;

    VoucherEntry() {}

    public VoucherEntry(String abstractText, String accountCode, BigDecimal debit, BigDecimal credit) {
        if (abstractText == null || accountCode == null || debit == null || credit == null) {
            throw new IllegalArgumentException("分录的摘要、科目编码与借贷金额都不能为 null");
        }
        this.abstractText = abstractText;
        this.accountCode = accountCode;
        this.debit = debit;
        this.credit = credit;
    }

    /** A debit line (credit 0). */
    public static VoucherEntry debit(String abstractText, String accountCode, BigDecimal amount) {
        return new VoucherEntry(abstractText, accountCode, amount, BigDecimal.ZERO);
    }

    /** A debit line, the amount written as text such as "500.00" (never through a double). */
    public static VoucherEntry debit(String abstractText, String accountCode, String amount) {
        return debit(abstractText, accountCode, new BigDecimal(amount));
    }

    /** A credit line (debit 0). */
    public static VoucherEntry credit(String abstractText, String accountCode, BigDecimal amount) {
        return new VoucherEntry(abstractText, accountCode, BigDecimal.ZERO, amount);
    }

    /** A credit line, the amount written as text such as "500.00". */
    public static VoucherEntry credit(String abstractText, String accountCode, String amount) {
        return credit(abstractText, accountCode, new BigDecimal(amount));
    }

    /** 摘要（abstract） */
    public String getAbstractText() { return abstractText; }

    /** 科目编码，末级科目，如 560203（account_code） */
    public String getAccountCode() { return accountCode; }

    /** 借方金额（debit） */
    public BigDecimal getDebit() { return debit; }

    /** 贷方金额（credit） */
    public BigDecimal getCredit() { return credit; }

    /** Same text, same account, equal amounts (500 equals 500.00). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof VoucherEntry)) return false;
        VoucherEntry o = (VoucherEntry) other;
        return same(abstractText, o.abstractText) && same(accountCode, o.accountCode) && sameAmount(debit, o.debit)
                && sameAmount(credit, o.credit);
    }

    @Override
    public int hashCode() {
        int h = abstractText == null ? 0 : abstractText.hashCode();
        h = 31 * h + (accountCode == null ? 0 : accountCode.hashCode());
        h = 31 * h + (debit == null ? 0 : debit.stripTrailingZeros().hashCode());
        return 31 * h + (credit == null ? 0 : credit.stripTrailingZeros().hashCode());
    }

    private static boolean same(String a, String b) { return a == null ? b == null : a.equals(b); }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
