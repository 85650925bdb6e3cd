package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** POST /api/v2/voucher/{voucher_id}/reverse 的答复（红字冲销凭证）。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class VoucherReverseResponse extends ApiResponse {
    @JsonProperty("voucher_id")
    private String voucherId;
    @JsonProperty("voucher_no")
    private String voucherNo;
    @JsonProperty("reverses_voucher_id")
    private String reversesVoucherId;

    VoucherReverseResponse() {}

    /** 红字冲销凭证ID（voucher_id） */
    public String getVoucherId() { return voucherId; }

    /** 红字冲销凭证号，如 记-7（voucher_no） */
    public String getVoucherNo() { return voucherNo; }

    /** 被冲销的原凭证ID（reverses_voucher_id） */
    public String getReversesVoucherId() { return reversesVoucherId; }
}
