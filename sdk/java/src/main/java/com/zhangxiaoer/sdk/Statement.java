package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A statement in the official format of 小企业会计准则 (会小企01/02/03表): title, form number, account
 * set, unit 元, its columns and every line. The same class serves all three report types; they differ
 * in their columns and lines.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Statement extends ApiObject {
    @JsonProperty("title")
    private String title;
    @JsonProperty("form_no")
    private String formNo;
    @JsonProperty("account_set_id")
    private String accountSetId;
    @JsonProperty("account_set_name")
    private String accountSetName;
    @JsonProperty("unit")
    private String unit;
    @JsonProperty("columns")
    private List<Column> columns;
    @JsonProperty("lines")
    private List<StatementLine> lines;

    Statement() {}

    /** 资产负债表、利润表 或 现金流量表（title） */
    public String getTitle() { return title; }

    /** 会小企01表、会小企02表 或 会小企03表（form_no） */
    public String getFormNo() { return formNo; }

    /** 账套ID（account_set_id） */
    public String getAccountSetId() { return accountSetId; }

    /** 账套名称（account_set_name） */
    public String getAccountSetName() { return accountSetName; }

    /** 金额单位，元（unit） */
    public String getUnit() { return unit; }

    /** 栏目，按报表顺序（columns） */
    public List<Column> getColumns() { return list(columns); }

    /** 各行，按报表顺序（lines） */
    public List<StatementLine> getLines() { return list(lines); }

    /** The line with this 行次, or null. */
    public StatementLine line(int lineNo) {
        for (StatementLine line : getLines()) {
            if (line.getLineNo() != null && line.getLineNo() == lineNo) return line;
        }
        return null;
    }

    /** The first line whose 项目 is exactly this text, or null. */
    public StatementLine line(String item) {
        for (StatementLine line : getLines()) {
            if (item.equals(line.getItem())) return line;
        }
        return null;
    }

    /** 栏目：key（ending_balance、beginning_balance、current_period、year_to_date）与表头文字。 */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Column extends ApiObject {
        @JsonProperty("key")
        private String key;
        @JsonProperty("label")
        private String label;

        Column() {}

        /** 栏目 key，即 {@link StatementLine#getValues()} 的键（key） */
        public String getKey() { return key; }

        /** 表头文字，如 期末余额、本年累计金额（label） */
        public String getLabel() { return label; }
    }
}
