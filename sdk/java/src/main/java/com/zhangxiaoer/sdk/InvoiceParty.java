package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** 票面上的购买方或销售方。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class InvoiceParty extends ApiObject {
    @JsonProperty("name")
    private String name;
    @JsonProperty("tax_id")
    private String taxId;

    InvoiceParty() {}

    /** 名称，未识别时为 null（name） */
    public String getName() { return name; }

    /** 统一社会信用代码/纳税人识别号，未识别时为 null（tax_id） */
    public String getTaxId() { return taxId; }
}
