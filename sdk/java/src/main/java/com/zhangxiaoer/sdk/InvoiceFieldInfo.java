package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** 一个识别字段的置信度与来源。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class InvoiceFieldInfo extends ApiObject {
    @JsonProperty("confidence")
    private double confidence;
    @JsonProperty("source")
    private String source;

    InvoiceFieldInfo() {}

    /** 置信度 0–1（confidence） */
    public double getConfidence() { return confidence; }

    /** 来源：pdf-text、ofd、xml、qr、ocr 或 computed（source） */
    public String getSource() { return source; }
}
