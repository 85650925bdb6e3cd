package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** 明细账的一行。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class DetailLedgerRow extends ApiObject {
    @JsonProperty("kind")
    private String kind;
    @JsonProperty("date")
    private String date;
    @JsonProperty("voucher_id")
    private String voucherId;
    @JsonProperty("voucher_no")
    private String voucherNo;
    @JsonProperty("account_code")
    private String accountCode;
    @JsonProperty("abstract")
    private String abstractText;
    @JsonProperty("debit")
    private BigDecimal debit;
    @JsonProperty("credit")
    private BigDecimal credit;
    @JsonProperty("direction")
    private String direction;
    @JsonProperty("balance")
    private BigDecimal balance;

    DetailLedgerRow() {}

    /** 行类型：opening(期初余额)、posting(分录)、month_total(本月合计)、year_total(本年累计)、closing(期末余额)（kind） */
    public String getKind() { return kind; }

    /** 日期 YYYY-MM-DD；汇总行为所汇总期间的最后一天（date） */
    public String getDate() { return date; }

    /** 凭证ID（仅分录行，否则 null）（voucher_id） */
    public String getVoucherId() { return voucherId; }

    /** 凭证字号，如 记-3（仅分录行，否则 null）（voucher_no） */
    public String getVoucherNo() { return voucherNo; }

    /** 分录所记科目（上级科目的明细账中为其下级科目）；汇总行为 null（account_code） */
    public String getAccountCode() { return accountCode; }

    /** 摘要；汇总行为“期初余额”“本月合计”等（abstract） */
    public String getAbstractText() { return abstractText; }

    /** 借方金额（元）（debit） */
    public BigDecimal getDebit() { return debit; }

    /** 贷方金额（元）（credit） */
    public BigDecimal getCredit() { return credit; }

    /** 余额方向：借、贷、平（direction） */
    public String getDirection() { return direction; }

    /** 余额（元，非负，方向见 direction）（balance） */
    public BigDecimal getBalance() { return balance; }
}
