package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** 已记账凭证的一条分录。金额为元；红字冲销凭证为负数。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class VoucherLine extends ApiObject {
    @JsonProperty("abstract")
    private String abstractText;
    @JsonProperty("account_code")
    private String accountCode;
    @JsonProperty("account_name")
    private String accountName;
    @JsonProperty("debit")
    private BigDecimal debit;
    @JsonProperty("credit")
    private BigDecimal credit;

    VoucherLine() {}

    /** 摘要（abstract） */
    public String getAbstractText() { return abstractText; }

    /** 科目编码（account_code） */
    public String getAccountCode() { return accountCode; }

    /** 科目名称（account_name） */
    public String getAccountName() { return accountName; }

    /** 借方金额（debit） */
    public BigDecimal getDebit() { return debit; }

    /** 贷方金额（credit） */
    public BigDecimal getCredit() { return credit; }
}
