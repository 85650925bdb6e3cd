package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** POST /api/v2/period/close（结账）的答复。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PeriodCloseResponse extends ApiResponse {
    @JsonProperty("account_id")
    private String accountId;
    @JsonProperty("period")
    private String period;
    @JsonProperty("status")
    private String status;
    @JsonProperty("closing_voucher_id")
    private String closingVoucherId;
    @JsonProperty("closing_voucher_no")
    private String closingVoucherNo;
    @JsonProperty("net_profit")
    private BigDecimal netProfit;

    PeriodCloseResponse() {}

    /** 账套ID（account_id） */
    public String getAccountId() { return accountId; }

    /** 会计期间 YYYY-MM（period） */
    public String getPeriod() { return period; }

    /** 期间状态，结账后为 closed（status） */
    public String getStatus() { return status; }

    /** 结转损益凭证ID；无损益发生额时为 null（closing_voucher_id） */
    public String getClosingVoucherId() { return closingVoucherId; }

    /** 结转损益凭证号；可能为 null（closing_voucher_no） */
    public String getClosingVoucherNo() { return closingVoucherNo; }

    /** 本期净利润（亏损为负）（net_profit） */
    public BigDecimal getNetProfit() { return netProfit; }
}
