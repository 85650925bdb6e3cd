package com.zhangxiaoer.sdk;

/** The {type} of GET /api/v2/report/{type}. */
public enum ReportType {
    /** 资产负债表 */
    BALANCE("balance"),
    /** 利润表 */
    PROFIT("profit"),
    /** 现金流量表 */
    CASHFLOW("cashflow");

    private final String value;

    ReportType(String value) { this.value = value; }

    /** The path segment: balance, profit or cashflow. */
    public String value() { return value; }

    @Override
    public String toString() { return value; }
}
