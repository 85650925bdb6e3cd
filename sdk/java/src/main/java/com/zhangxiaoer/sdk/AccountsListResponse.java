package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /api/v2/accounts/list 的答复。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AccountsListResponse extends ApiResponse {
    @JsonProperty("accounts")
    private List<AccountSet> accounts;

    AccountsListResponse() {}

    /** 账套列表（accounts） */
    public List<AccountSet> getAccounts() { return list(accounts); }
}
