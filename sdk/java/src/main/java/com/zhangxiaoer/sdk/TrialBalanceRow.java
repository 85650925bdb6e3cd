package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** 科目余额表的一行：一个科目的期初、本期、本年累计与期末金额。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class TrialBalanceRow extends TrialBalanceAmounts {
    @JsonProperty("code")
    private String code;
    @JsonProperty("name")
    private String name;
    @JsonProperty("level")
    private int level;
    @JsonProperty("is_leaf")
    private boolean leaf;

    TrialBalanceRow() {}

    /** 科目编码（code） */
    public String getCode() { return code; }

    /** 科目名称（name） */
    public String getName() { return name; }

    /** 科目级次，一级科目为 1（level） */
    public int getLevel() { return level; }

    /** 是否末级科目（is_leaf） */
    public boolean isLeaf() { return leaf; }
}
