package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/** 票面明细行。金额为元，两位小数；折扣行与红字发票为负。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class InvoiceItem extends ApiObject {
    @JsonProperty("name")
    private String name;
    @JsonProperty("tax_category")
    private String taxCategory;
    @JsonProperty("spec")
    private String spec;
    @JsonProperty("unit")
    private String unit;
    @JsonProperty("quantity")
    private String quantity;
    @JsonProperty("unit_price")
    private String unitPrice;
    @JsonProperty("amount")
    private BigDecimal amount;
    @JsonProperty("tax_rate")
    private String taxRate;
    @JsonProperty("tax")
    private BigDecimal tax;
    @JsonProperty("tax_note")
    private String taxNote;
    @JsonProperty("discount")
    private boolean discount;

    InvoiceItem() {}

    /** 项目名称（含 *税收分类简称*）（name） */
    public String getName() { return name; }

    /** 税收分类简称，如 办公用品；可能为 null（tax_category） */
    public String getTaxCategory() { return taxCategory; }

    /** 规格型号（spec） */
    public String getSpec() { return spec; }

    /** 单位（unit） */
    public String getUnit() { return unit; }

    /** 数量（按票面文字）；可能为 null（quantity） */
    public String getQuantity() { return quantity; }

    /** 单价（按票面文字，最多 10 位小数）；可能为 null（unit_price） */
    public String getUnitPrice() { return unitPrice; }

    /** 金额（不含税）（amount） */
    public BigDecimal getAmount() { return amount; }

    /** 税率/征收率，如 13%、免税、不征税、***（tax_rate） */
    public String getTaxRate() { return taxRate; }

    /** 税额（tax） */
    public BigDecimal getTax() { return tax; }

    /** 税额不是数字时的原因：免税、不征税、***；否则 null（tax_note） */
    public String getTaxNote() { return taxNote; }

    /** 是否折扣行（discount） */
    public boolean isDiscount() { return discount; }
}
