package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** 一张凭证，如引擎所存（voucher/{voucher_id} 的答复，也是 voucher/list 的一项）。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class Voucher extends ApiResponse {
    @JsonProperty("voucher_id")
    private String voucherId;
    @JsonProperty("voucher_no")
    private String voucherNo;
    @JsonProperty("account_id")
    private String accountId;
    @JsonProperty("date")
    private String date;
    @JsonProperty("period")
    private String period;
    @JsonProperty("kind")
    private String kind;
    @JsonProperty("status")
    private String status;
    @JsonProperty("reverses_voucher_id")
    private String reversesVoucherId;
    @JsonProperty("reversed_by_voucher_id")
    private String reversedByVoucherId;
    @JsonProperty("entries")
    private List<VoucherLine> entries;
    @JsonProperty("attachments")
    private List<String> attachments;
    @JsonProperty("debit_total")
    private BigDecimal debitTotal;
    @JsonProperty("credit_total")
    private BigDecimal creditTotal;
    @JsonProperty("created_at")
    private String createdAt;
    @JsonProperty("voided_at")
    private String voidedAt;

    Voucher() {}

    /** 凭证唯一标识（voucher_id） */
    public String getVoucherId() { return voucherId; }

    /** 凭证号，如 记-1（voucher_no） */
    public String getVoucherNo() { return voucherNo; }

    /** 账套ID（account_id） */
    public String getAccountId() { return accountId; }

    /** 凭证日期 YYYY-MM-DD（date） */
    public String getDate() { return date; }

    /** 会计期间 YYYY-MM（period） */
    public String getPeriod() { return period; }

    /** 凭证类型：normal(普通)、reversal(红字冲销)、closing(结转损益)（kind） */
    public String getKind() { return kind; }

    /** 凭证状态：posted(已记账)、reversed(已被冲销)、voided(已作废)（status） */
    public String getStatus() { return status; }

    /** 红字冲销凭证所冲销的原凭证ID，否则 null（reverses_voucher_id） */
    public String getReversesVoucherId() { return reversesVoucherId; }

    /** 冲销本凭证的红字凭证ID，否则 null（reversed_by_voucher_id） */
    public String getReversedByVoucherId() { return reversedByVoucherId; }

    /** 分录（entries） */
    public List<VoucherLine> getEntries() { return list(entries); }

    /** 附件ID（票据ID）（attachments） */
    public List<String> getAttachments() { return list(attachments); }

    /** 借方合计（debit_total） */
    public BigDecimal getDebitTotal() { return debitTotal; }

    /** 贷方合计（credit_total） */
    public BigDecimal getCreditTotal() { return creditTotal; }

    /** 创建时间（created_at） */
    public String getCreatedAt() { return createdAt; }

    /** 作废时间，未作废为 null（voided_at） */
    public String getVoidedAt() { return voidedAt; }
}
