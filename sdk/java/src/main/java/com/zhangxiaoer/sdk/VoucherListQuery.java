package com.zhangxiaoer.sdk;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Filters of GET /api/v2/voucher/list. Unset filters are left out (the engine then lists every period,
 * page 1, 20 per page):
 * {@code VoucherListQuery.forAccount("acc_123456").period("2024-03").search("办公").pageSize(50)}.
 */
public final class VoucherListQuery {
    private final Map<String, Object> params = new LinkedHashMap<String, Object>();

    private VoucherListQuery(String accountId) {
        if (accountId == null) throw new IllegalArgumentException("accountId 不能为 null");
        params.put("account_id", accountId);
    }

    public static VoucherListQuery forAccount(String accountId) { return new VoucherListQuery(accountId); }

    /** 会计期间 YYYY-MM */
    public VoucherListQuery period(String value) { return set("period", value); }

    /** 凭证日期不早于（含）YYYY-MM-DD */
    public VoucherListQuery startDate(String value) { return set("start_date", value); }

    /** 凭证日期不晚于（含）YYYY-MM-DD */
    public VoucherListQuery endDate(String value) { return set("end_date", value); }

    /** 搜索：摘要或科目名称包含、科目编码开头、金额等于该数，或凭证号（记-5） */
    public VoucherListQuery search(String value) { return set("q", value); }

    /** 页码，从 1 开始 */
    public VoucherListQuery page(int value) { return set("page", value); }

    /** 每页条数，最大 100 */
    public VoucherListQuery pageSize(int value) { return set("page_size", value); }

    private VoucherListQuery set(String name, Object value) {
        if (value == null) params.remove(name);
        else params.put(name, value);
        return this;
    }

    Map<String, Object> toQuery() { return new LinkedHashMap<String, Object>(params); }

    @Override
    public String toString() { return "VoucherListQuery" + params; }
}
