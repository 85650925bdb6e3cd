package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** GET /api/v2/voucher/list 的答复（一页）。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class VoucherListResponse extends ApiResponse {
    @JsonProperty("vouchers")
    private List<Voucher> vouchers;
    @JsonProperty("total")
    private int total;
    @JsonProperty("page")
    private int page;
    @JsonProperty("page_size")
    private int pageSize;

    VoucherListResponse() {}

    /** 凭证，按期间、凭证号排序（vouchers） */
    public List<Voucher> getVouchers() { return list(vouchers); }

    /** 符合条件的凭证总数（total） */
    public int getTotal() { return total; }

    /** 页码（page） */
    public int getPage() { return page; }

    /** 每页条数（page_size） */
    public int getPageSize() { return pageSize; }

    @Override
    void setRaw(JsonNode value) {
        super.setRaw(value);
        setRaw(vouchers, value.get("vouchers"));
    }
}
