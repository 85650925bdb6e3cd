package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** 账套（accounts/list 的一项）。 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class AccountSet extends ApiObject {
    @JsonProperty("id")
    private String id;
    @JsonProperty("name")
    private String name;
    @JsonProperty("status")
    private String status;
    @JsonProperty("created_at")
    private String createdAt;

    AccountSet() {}

    /** 账套ID，如 acc_123456（id） */
    public String getId() { return id; }

    /** 账套名称（name） */
    public String getName() { return name; }

    /** 账套状态：active(启用)、frozen(冻结)（status） */
    public String getStatus() { return status; }

    /** 创建时间，ISO-8601，如 2023-06-15T08:30:00Z（created_at） */
    public String getCreatedAt() { return createdAt; }
}
