package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** GET /api/v2/ledger/detail（明细账）的答复（一页）。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class DetailLedgerResponse extends ApiResponse {
    @JsonProperty("account_id")
    private String accountId;
    @JsonProperty("account_code")
    private String accountCode;
    @JsonProperty("account_name")
    private String accountName;
    @JsonProperty("period")
    private ReportPeriod period;
    @JsonProperty("opening")
    private LedgerBalance opening;
    @JsonProperty("closing")
    private LedgerBalance closing;
    @JsonProperty("rows")
    private List<DetailLedgerRow> rows;
    @JsonProperty("total_rows")
    private int totalRows;
    @JsonProperty("posting_count")
    private int postingCount;
    @JsonProperty("page")
    private int page;
    @JsonProperty("page_size")
    private int pageSize;

    DetailLedgerResponse() {}

    /** 账套ID（account_id） */
    public String getAccountId() { return accountId; }

    /** 科目编码（account_code） */
    public String getAccountCode() { return accountCode; }

    /** 科目名称（account_name） */
    public String getAccountName() { return accountName; }

    /** 期间（period） */
    public ReportPeriod getPeriod() { return period; }

    /** 期初余额（开始日期前一天）（opening） */
    public LedgerBalance getOpening() { return opening; }

    /** 期末余额（结束日期）（closing） */
    public LedgerBalance getClosing() { return closing; }

    /** 本页的行，按日期、凭证号排序（rows） */
    public List<DetailLedgerRow> getRows() { return list(rows); }

    /** 全部行数（含汇总行）（total_rows） */
    public int getTotalRows() { return totalRows; }

    /** 期间内的分录数（posting_count） */
    public int getPostingCount() { return postingCount; }

    /** 页码（page） */
    public int getPage() { return page; }

    /** 每页行数（page_size） */
    public int getPageSize() { return pageSize; }
}
