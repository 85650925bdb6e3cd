package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /api/v2/period/list 的答复。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class PeriodListResponse extends ApiResponse {
    @JsonProperty("account_id")
    private String accountId;
    @JsonProperty("periods")
    private List<PeriodInfo> periods;

    PeriodListResponse() {}

    /** 账套ID（account_id） */
    public String getAccountId() { return accountId; }

    /** 有凭证或结过账的期间，按时间排序（periods） */
    public List<PeriodInfo> getPeriods() { return list(periods); }
}
