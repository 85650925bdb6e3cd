package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** 本账套中已有的同一张票据。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class InvoiceDuplicate extends ApiObject {
    @JsonProperty("invoice_id")
    private String invoiceId;
    @JsonProperty("matched_by")
    private String matchedBy;
    @JsonProperty("created_at")
    private String createdAt;

    InvoiceDuplicate() {}

    /** 先前识别的同一张票据（invoice_id） */
    public String getInvoiceId() { return invoiceId; }

    /** 判定依据：number、code_number 或 file_hash（matched_by） */
    public String getMatchedBy() { return matchedBy; }

    /** 先前识别的时间（created_at） */
    public String getCreatedAt() { return createdAt; }
}
