package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** 一项交叉校验的结果。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class InvoiceCheck extends ApiObject {
    @JsonProperty("name")
    private String name;
    @JsonProperty("passed")
    private boolean passed;
    @JsonProperty("detail")
    private String detail;

    InvoiceCheck() {}

    /** 校验项，如 items_sum、amount_plus_tax、qr_amount、buyer_tax_id（name） */
    public String getName() { return name; }

    /** 是否通过（passed） */
    public boolean isPassed() { return passed; }

    /** 中文说明（detail） */
    public String getDetail() { return detail; }
}
