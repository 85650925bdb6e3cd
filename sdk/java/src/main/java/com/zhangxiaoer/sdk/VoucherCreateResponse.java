package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** POST /api/v2/voucher/create 的答复。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class VoucherCreateResponse extends ApiResponse {
    @JsonProperty("voucher_id")
    private String voucherId;
    @JsonProperty("voucher_no")
    private String voucherNo;

    VoucherCreateResponse() {}

    /** 凭证唯一标识（voucher_id） */
    public String getVoucherId() { return voucherId; }

    /** 凭证号，如 记-1（voucher_no） */
    public String getVoucherNo() { return voucherNo; }
}
