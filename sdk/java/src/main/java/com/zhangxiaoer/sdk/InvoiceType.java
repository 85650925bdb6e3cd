package com.zhangxiaoer.sdk;

/** The invoice_type field of POST /api/v2/invoice/recognize (a hint; the engine reads the kind itself). */
public enum InvoiceType {
    /** 增值税专用发票 */
    VAT("vat"),
    /** 普通发票 */
    NORMAL("normal"),
    /** 收据 */
    RECEIPT("receipt");

    private final String value;

    InvoiceType(String value) { this.value = value; }

    /** The form value: vat, normal or receipt. */
    public String value() { return value; }

    @Override
    public String toString() { return value; }
}
