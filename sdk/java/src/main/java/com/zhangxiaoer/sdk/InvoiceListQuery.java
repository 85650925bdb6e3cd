package com.zhangxiaoer.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of GET /api/v2/invoice/list. Unset filters are left out (page 1, 20 per page):
 * {@code InvoiceListQuery.forAccount("acc_123456").period("2024-03").direction("purchase")}.
 */
public final class InvoiceListQuery {
    private final Map<String, Object> params = new LinkedHashMap<String, Object>();

    private InvoiceListQuery(String accountId) {
        if (accountId == null) throw new IllegalArgumentException("accountId 不能为 null");
        params.put("account_id", accountId);
    }

    public static InvoiceListQuery forAccount(String accountId) { return new InvoiceListQuery(accountId); }

    /** 开票日期所在期间 YYYY-MM */
    public InvoiceListQuery period(String value) { return set("period", value); }

    /** purchase(进项) 或 sale(销项) */
    public InvoiceListQuery direction(String value) { return set("direction", value); }

    /** true 只列重复票据，false 排除重复票据，null 不筛选 */
    public InvoiceListQuery duplicate(Boolean value) { return set("duplicate", value); }

    /** 页码，从 1 开始 */
    public InvoiceListQuery page(int value) { return set("page", value); }

    /** 每页条数，最多 100 */
    public InvoiceListQuery pageSize(int value) { return set("page_size", value); }

    private InvoiceListQuery set(String name, Object value) {
        if (value == null) params.remove(name);
        else params.put(name, value);
        return this;
    }

    Map<String, Object> toQuery() { return new LinkedHashMap<String, Object>(params); }

    @Override
    public String toString() { return "InvoiceListQuery" + params; }
}
