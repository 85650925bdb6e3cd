package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A recognized invoice: the answer of POST /api/v2/invoice/recognize, of GET /api/v2/invoice/{id},
 * and an item of invoice/list. The provider documents four fields (invoice_id, amount, category,
 * entries); the local engine adds the rest. Fields a server did not send are null (lists empty).
 * Amounts are 元 with two decimals; red invoices and discount rows are negative.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Invoice extends ApiResponse {
    @JsonProperty("invoice_id")
    private String invoiceId;
    @JsonProperty("amount")
    private BigDecimal amount;
    @JsonProperty("category")
    private String category;
    @JsonProperty("entries")
    private List<VoucherEntry> entries;
    @JsonProperty("account_id")
    private String accountId;
    @JsonProperty("kind")
    private String kind;
    @JsonProperty("kind_name")
    private String kindName;
    @JsonProperty("type_code")
    private String typeCode;
    @JsonProperty("type_hint")
    private TypeHint typeHint;
    @JsonProperty("invoice_code")
    private String invoiceCode;
    @JsonProperty("invoice_number")
    private String invoiceNumber;
    @JsonProperty("issue_date")
    private String issueDate;
    @JsonProperty("check_code")
    private String checkCode;
    @JsonProperty("buyer")
    private InvoiceParty buyer;
    @JsonProperty("seller")
    private InvoiceParty seller;
    @JsonProperty("items")
    private List<InvoiceItem> items;
    @JsonProperty("total_amount")
    private BigDecimal totalAmount;
    @JsonProperty("total_tax")
    private BigDecimal totalTax;
    @JsonProperty("total_with_tax")
    private BigDecimal totalWithTax;
    @JsonProperty("amount_in_words")
    private String amountInWords;
    @JsonProperty("direction")
    private String direction;
    @JsonProperty("category_account_code")
    private String categoryAccountCode;
    @JsonProperty("category_reason")
    private CategoryReason categoryReason;
    @JsonProperty("confidence")
    private Double confidence;
    @JsonProperty("fields")
    private Map<String, InvoiceFieldInfo> fields;
    @JsonProperty("checks")
    private List<InvoiceCheck> checks;
    @JsonProperty("duplicate")
    private InvoiceDuplicate duplicate;
    @JsonProperty("source")
    private String source;
    @JsonProperty("qr_payload")
    private String qrPayload;
    @JsonProperty("file")
    private FileInfo file;
    @JsonProperty("page")
    private Integer page;
    @JsonProperty("page_count")
    private Integer pageCount;
    @JsonProperty("pages")
    private Pages pages;
    @JsonProperty("warnings")
    private List<String> warnings;
    @JsonProperty("created_at")
    private String createdAt;

    Invoice() {}

    /** 票据唯一标识，如 inv_…（invoice_id） */
    public String getInvoiceId() { return invoiceId; }

    /** 票据金额（价税合计）（amount） */
    public BigDecimal getAmount() { return amount; }

    /** 票据分类，如 办公费（category） */
    public String getCategory() { return category; }

    /** 会计分录：本账套末级科目，借贷平衡，可直接用于 voucher/create（entries） */
    public List<VoucherEntry> getEntries() { return list(entries); }

    /** 账套ID（account_id） */
    public String getAccountId() { return accountId; }

    /** 票据类型：vat、normal 或 receipt（kind） */
    public String getKind() { return kind; }

    /** 票面名称，如 电子发票（普通发票）（kind_name） */
    public String getKindName() { return kindName; }

    /** 发票种类代码（二维码第 2 段），如 10、31、32（type_code） */
    public String getTypeCode() { return typeCode; }

    /** 调用方传入的 invoice_type 与识别结果是否一致；未传时为 null（type_hint） */
    public TypeHint getTypeHint() { return typeHint; }

    /** 发票代码（数电票没有）（invoice_code） */
    public String getInvoiceCode() { return invoiceCode; }

    /** 发票号码（数电票 20 位）（invoice_number） */
    public String getInvoiceNumber() { return invoiceNumber; }

    /** 开票日期 YYYY-MM-DD（issue_date） */
    public String getIssueDate() { return issueDate; }

    /** 校验码（check_code） */
    public String getCheckCode() { return checkCode; }

    /** 购买方（buyer） */
    public InvoiceParty getBuyer() { return buyer; }

    /** 销售方（seller） */
    public InvoiceParty getSeller() { return seller; }

    /** 明细行（items） */
    public List<InvoiceItem> getItems() { return list(items); }

    /** 合计金额（不含税）（total_amount） */
    public BigDecimal getTotalAmount() { return totalAmount; }

    /** 合计税额（total_tax） */
    public BigDecimal getTotalTax() { return totalTax; }

    /** 价税合计（total_with_tax） */
    public BigDecimal getTotalWithTax() { return totalWithTax; }

    /** 价税合计（大写）（amount_in_words） */
    public String getAmountInWords() { return amountInWords; }

    /** purchase(进项，本账套公司是购买方) 或 sale(销项)（direction） */
    public String getDirection() { return direction; }

    /** 费用（或收入）科目编码（category_account_code） */
    public String getCategoryAccountCode() { return categoryAccountCode; }

    /** 分类依据（category_reason） */
    public CategoryReason getCategoryReason() { return categoryReason; }

    /** 整体置信度 0–1（confidence） */
    public Double getConfidence() { return confidence; }

    /** 每个字段的置信度与来源，键为字段名（fields） */
    public Map<String, InvoiceFieldInfo> getFields() { return map(fields); }

    /** 交叉校验结果（失败会降低置信度，不会隐藏）（checks） */
    public List<InvoiceCheck> getChecks() { return list(checks); }

    /** 本账套中已有的同一张票据，没有时为 null（duplicate） */
    public InvoiceDuplicate getDuplicate() { return duplicate; }

    /** 读取路径：pdf-text、ofd、xml 或 ocr（source） */
    public String getSource() { return source; }

    /** 二维码内容（qr_payload） */
    public String getQrPayload() { return qrPayload; }

    /** 原始文件，可用 getInvoiceFile 取回（file） */
    public FileInfo getFile() { return file; }

    /** 识别的页码，从 1 开始（page） */
    public Integer getPage() { return page; }

    /** 文件页数（page_count） */
    public Integer getPageCount() { return pageCount; }

    /** 文件含多张发票时的提示，否则 null（pages） */
    public Pages getPages() { return pages; }

    /** 其他提示（中文）（warnings） */
    public List<String> getWarnings() { return list(warnings); }

    /** 识别时间（created_at） */
    public String getCreatedAt() { return createdAt; }

    /** The invoice_type the caller gave and whether the recognized kind matches it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class TypeHint extends ApiObject {
        @JsonProperty("given")
        private String given;
        @JsonProperty("matches")
        private boolean matches;

        TypeHint() {}

        /** 调用方传入的 invoice_type（given） */
        public String getGiven() { return given; }

        /** 与识别结果一致（matches） */
        public boolean matches() { return matches; }
    }

    /** Why the engine chose the expense (or income) account. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class CategoryReason extends ApiObject {
        @JsonProperty("source")
        private String source;
        @JsonProperty("detail")
        private String detail;

        CategoryReason() {}

        /** learned(本账套学到的对应关系)、rule(税收分类/销售方规则) 或 default(默认，低置信度)（source） */
        public String getSource() { return source; }

        /** 中文说明（detail） */
        public String getDetail() { return detail; }
    }

    /** The stored original file. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class FileInfo extends ApiObject {
        @JsonProperty("sha256")
        private String sha256;
        @JsonProperty("media_type")
        private String mediaType;
        @JsonProperty("size")
        private long size;

        FileInfo() {}

        /** 文件的 SHA-256（十六进制）（sha256） */
        public String getSha256() { return sha256; }

        /** 文件类型，如 application/pdf（media_type） */
        public String getMediaType() { return mediaType; }

        /** 字节数（size） */
        public long getSize() { return size; }
    }

    /** The file holds several invoices; only {@link Invoice#getPage()} was read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Pages extends ApiObject {
        @JsonProperty("invoice_pages")
        private int invoicePages;
        @JsonProperty("warning")
        private String warning;

        Pages() {}

        /** 文件中发票的张数（invoice_pages） */
        public int getInvoicePages() { return invoicePages; }

        /** 中文提示（warning） */
        public String getWarning() { return warning; }
    }
}
