package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** The eight amount columns of 科目余额表 (元), shared by its rows and its totals. */
public abstract class TrialBalanceAmounts extends ApiObject {
    @JsonProperty("opening_debit")
    private BigDecimal openingDebit;
    @JsonProperty("opening_credit")
    private BigDecimal openingCredit;
    @JsonProperty("period_debit")
    private BigDecimal periodDebit;
    @JsonProperty("period_credit")
    private BigDecimal periodCredit;
    @JsonProperty("year_debit")
    private BigDecimal yearDebit;
    @JsonProperty("year_credit")
    private BigDecimal yearCredit;
    @JsonProperty("closing_debit")
    private BigDecimal closingDebit;
    @JsonProperty("closing_credit")
    private BigDecimal closingCredit;

    TrialBalanceAmounts() {}

    /** 期初借方余额（opening_debit） */
    public BigDecimal getOpeningDebit() { return openingDebit; }

    /** 期初贷方余额（opening_credit） */
    public BigDecimal getOpeningCredit() { return openingCredit; }

    /** 本期借方发生额（period_debit） */
    public BigDecimal getPeriodDebit() { return periodDebit; }

    /** 本期贷方发生额（period_credit） */
    public BigDecimal getPeriodCredit() { return periodCredit; }

    /** 本年累计借方发生额，期末所在年度 1 月 1 日起（year_debit） */
    public BigDecimal getYearDebit() { return yearDebit; }

    /** 本年累计贷方发生额（year_credit） */
    public BigDecimal getYearCredit() { return yearCredit; }

    /** 期末借方余额（closing_debit） */
    public BigDecimal getClosingDebit() { return closingDebit; }

    /** 期末贷方余额（closing_credit） */
    public BigDecimal getClosingCredit() { return closingCredit; }
}
