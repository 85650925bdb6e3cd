package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /api/v2/ledger/trial-balance（科目余额表）的答复。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class TrialBalanceResponse extends ApiResponse {
    @JsonProperty("account_id")
    private String accountId;
    @JsonProperty("account_set_name")
    private String accountSetName;
    @JsonProperty("period")
    private ReportPeriod period;
    @JsonProperty("rows")
    private List<TrialBalanceRow> rows;
    @JsonProperty("totals")
    private TrialBalanceTotals totals;

    TrialBalanceResponse() {}

    /** 账套ID（account_id） */
    public String getAccountId() { return accountId; }

    /** 账套名称（account_set_name） */
    public String getAccountSetName() { return accountSetName; }

    /** 期间（period） */
    public ReportPeriod getPeriod() { return period; }

    /** 有余额或发生额的科目（上级科目已汇总），按编码排序（rows） */
    public List<TrialBalanceRow> getRows() { return list(rows); }

    /** 一级科目合计：借贷两栏两两相等（totals） */
    public TrialBalanceTotals getTotals() { return totals; }
}
