package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** 报表（或账簿）的期间。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ReportPeriod extends ApiObject {
    @JsonProperty("start_date")
    private String startDate;
    @JsonProperty("end_date")
    private String endDate;

    ReportPeriod() {}

    /** 开始日期 YYYY-MM-DD（start_date） */
    public String getStartDate() { return startDate; }

    /** 结束日期 YYYY-MM-DD（end_date） */
    public String getEndDate() { return endDate; }
}
