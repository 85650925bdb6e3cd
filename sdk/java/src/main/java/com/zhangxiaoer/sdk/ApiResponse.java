package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A whole answer of one operation; {@link #getRaw()} keeps the JSON it was read from. */
public abstract class ApiResponse extends ApiObject {
    @JsonIgnore
    private JsonNode raw;

    ApiResponse() {}

    /**
     * The answer exactly as received (numbers with decimals as BigDecimal), for fields this SDK version
     * does not know yet — or a server whose report_data has another shape. An invoice or voucher inside
     * a list answer has its own part of the list's JSON.
     */
    @JsonIgnore
    public JsonNode getRaw() { return raw; }

    /** Keeps the JSON this answer was read from (list answers also hand each item its part). */
    void setRaw(JsonNode value) { this.raw = value; }

    static void setRaw(List<? extends ApiResponse> items, JsonNode array) {
        if (items == null || array == null || !array.isArray()) return;
        for (int i = 0; i < items.size() && i < array.size(); i++) {
            if (items.get(i) != null) items.get(i).setRaw(array.get(i));
        }
    }
}
