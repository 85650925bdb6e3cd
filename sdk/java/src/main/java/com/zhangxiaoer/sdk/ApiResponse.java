package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

/** A whole answer of one operation; {@link #getRaw()} keeps the JSON it was read from. */
public abstract class ApiResponse extends ApiObject {
    @JsonIgnore
    private JsonNode raw;

    ApiResponse() {}

    /**
     * The answer exactly as received (numbers with decimals as BigDecimal), for fields this SDK version
     * does not know yet — or a server whose report_data has another shape. Null if built by hand.
     */
    @JsonIgnore
    public JsonNode getRaw() { return raw; }

    final void setRaw(JsonNode value) { this.raw = value; }
}
