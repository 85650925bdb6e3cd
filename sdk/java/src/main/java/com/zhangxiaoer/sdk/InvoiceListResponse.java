package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** GET /api/v2/invoice/list 的答复（一页）。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class InvoiceListResponse extends ApiResponse {
    @JsonProperty("invoices")
    private List<Invoice> invoices;
    @JsonProperty("total")
    private int total;
    @JsonProperty("page")
    private int page;
    @JsonProperty("page_size")
    private int pageSize;

    InvoiceListResponse() {}

    /** 本页的票据（invoices） */
    public List<Invoice> getInvoices() { return list(invoices); }

    /** 符合条件的票据总数（total） */
    public int getTotal() { return total; }

    /** 页码（page） */
    public int getPage() { return page; }

    /** 每页条数（page_size） */
    public int getPageSize() { return pageSize; }

    @Override
    void setRaw(JsonNode value) {
        super.setRaw(value);
        setRaw(invoices, value.get("invoices"));
    }
}
