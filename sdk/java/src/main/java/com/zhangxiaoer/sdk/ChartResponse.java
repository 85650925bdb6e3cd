package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /api/v2/accounts/{account_id}/chart 的答复。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ChartResponse extends ApiResponse {
    @JsonProperty("account_id")
    private String accountId;
    @JsonProperty("accounts")
    private List<ChartAccount> accounts;

    ChartResponse() {}

    /** 账套ID（account_id） */
    public String getAccountId() { return accountId; }

    /** 科目表，按编码排序（accounts） */
    public List<ChartAccount> getAccounts() { return list(accounts); }
}
