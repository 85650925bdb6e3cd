package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** GET /api/v2/report/{type} 的答复：报表的官方格式与期间。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ReportResponse extends ApiResponse {
    @JsonProperty("report_data")
    private Statement reportData;
    @JsonProperty("period")
    private ReportPeriod period;

    ReportResponse() {}

    /** 报表数据：表头、栏目与各行次（report_data） */
    public Statement getReportData() { return reportData; }

    /** 报表期间（period） */
    public ReportPeriod getPeriod() { return period; }
}
