package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** 一个会计期间的状态（period/list 的一项）。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PeriodInfo extends ApiObject {
    @JsonProperty("period")
    private String period;
    @JsonProperty("status")
    private String status;
    @JsonProperty("voucher_count")
    private int voucherCount;
    @JsonProperty("last_voucher_no")
    private String lastVoucherNo;
    @JsonProperty("closed_at")
    private String closedAt;
    @JsonProperty("closing_voucher_id")
    private String closingVoucherId;

    PeriodInfo() {}

    /** 会计期间 YYYY-MM（period） */
    public String getPeriod() { return period; }

    /** 期间状态：open 或 closed（status） */
    public String getStatus() { return status; }

    /** 本期凭证数（含已作废）（voucher_count） */
    public int getVoucherCount() { return voucherCount; }

    /** 本期已用到的最大凭证号，没有时为 null（last_voucher_no） */
    public String getLastVoucherNo() { return lastVoucherNo; }

    /** 结账时间，未结账为 null（closed_at） */
    public String getClosedAt() { return closedAt; }

    /** 结转损益凭证ID，没有时为 null（closing_voucher_id） */
    public String getClosingVoucherId() { return closingVoucherId; }
}
