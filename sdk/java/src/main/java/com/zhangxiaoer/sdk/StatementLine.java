package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.Map;

/**
 * One line of a statement: 行次, 项目 exactly as printed, and an amount per column. Which columns a
 * line has depends on the statement ({@link Statement#getColumns()}): ending_balance and
 * beginning_balance on the balance sheet, current_period and year_to_date on the others.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class StatementLine extends ApiObject {
    @JsonProperty("line_no")
    private Integer lineNo;
    @JsonProperty("item")
    private String item;
    @JsonProperty("kind")
    private String kind;
    @JsonProperty("section")
    private String section;
    @JsonProperty("values")
    private Map<String, BigDecimal> values;

    StatementLine() {}

    /** 行次；没有行次的标题行为 null（line_no） */
    public Integer getLineNo() { return lineNo; }

    /** 项目，与报表格式一致，如 “其中：原材料”（item） */
    public String getItem() { return item; }

    /** heading(标题，无金额)、item(项目) 或 total(合计)（kind） */
    public String getKind() { return kind; }

    /** 资产负债表上为 资产 或 负债和所有者权益；现金流量表上为活动类别；否则 null（section） */
    public String getSection() { return section; }

    /** 各栏金额（元），键为栏目 key，如 ending_balance、current_period（values） */
    public Map<String, BigDecimal> getValues() { return map(values); }

    /** The amount in one column (a key of {@link Statement#getColumns()}), or null if the line has none. */
    public BigDecimal value(String columnKey) { return values == null ? null : values.get(columnKey); }
}
