package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** 科目余额表的合计行（一级科目之和）：借贷两栏两两相等。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class TrialBalanceTotals extends TrialBalanceAmounts {
    TrialBalanceTotals() {}
}
