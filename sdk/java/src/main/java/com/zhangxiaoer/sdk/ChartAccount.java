package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** 科目表中的一个科目。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ChartAccount extends ApiObject {
    @JsonProperty("code")
    private String code;
    @JsonProperty("name")
    private String name;
    @JsonProperty("class")
    private String accountClass;
    @JsonProperty("side")
    private String side;
    @JsonProperty("parent")
    private String parent;
    @JsonProperty("is_leaf")
    private boolean leaf;
    @JsonProperty("tags")
    private List<String> tags;

    ChartAccount() {}

    /** 科目编码，如 560203（code） */
    public String getCode() { return code; }

    /** 科目名称，如 办公费（name） */
    public String getName() { return name; }

    /** 科目类别：资产、负债、所有者权益、成本、损益（class） */
    public String getAccountClass() { return accountClass; }

    /** 余额方向：debit(借)、credit(贷)（side） */
    public String getSide() { return side; }

    /** 上级科目编码，一级科目为 null（parent） */
    public String getParent() { return parent; }

    /** 是否末级科目（只有末级科目可以记账）（is_leaf） */
    public boolean isLeaf() { return leaf; }

    /** 报表标签（利润表“其中”项等）（tags） */
    public List<String> getTags() { return list(tags); }
}
