package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** 余额及其方向。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class LedgerBalance extends ApiObject {
    @JsonProperty("direction")
    private String direction;
    @JsonProperty("balance")
    private BigDecimal balance;

    LedgerBalance() {}

    /** 余额方向：借、贷；为零时为平（direction） */
    public String getDirection() { return direction; }

    /** 余额（元，非负，方向见 direction）（balance） */
    public BigDecimal getBalance() { return balance; }
}
