package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** POST /api/v2/period/reopen（反结账）的答复。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PeriodReopenResponse extends ApiResponse {
    @JsonProperty("account_id")
    private String accountId;
    @JsonProperty("period")
    private String period;
    @JsonProperty("status")
    private String status;
    @JsonProperty("voided_voucher_id")
    private String voidedVoucherId;
    @JsonProperty("voided_voucher_no")
    private String voidedVoucherNo;

    PeriodReopenResponse() {}

    /** 账套ID（account_id） */
    public String getAccountId() { return accountId; }

    /** 会计期间 YYYY-MM（period） */
    public String getPeriod() { return period; }

    /** 期间状态，反结账后为 open（status） */
    public String getStatus() { return status; }

    /** 被作废的结转损益凭证ID（凭证号不再使用），没有时为 null（voided_voucher_id） */
    public String getVoidedVoucherId() { return voidedVoucherId; }

    /** 被作废的结转损益凭证号，可能为 null（voided_voucher_no） */
    public String getVoidedVoucherNo() { return voidedVoucherNo; }
}
