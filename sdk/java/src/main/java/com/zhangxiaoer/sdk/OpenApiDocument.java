package com.zhangxiaoer.sdk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's OpenAPI 3.1 document (GET /api/v2/openapi.json): its version and info, and the
 * operations it offers. The full document (schemas, parameters) is {@link #getRaw()}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class OpenApiDocument extends ApiResponse {
    private static final Set<String> METHODS = new HashSet<String>(
            Arrays.asList("get", "put", "post", "delete", "options", "head", "patch", "trace"));

    @JsonProperty("openapi")
    private String openapi;
    @JsonProperty("info")
    private Info info;
    @JsonProperty("paths")
    private JsonNode paths;

    OpenApiDocument() {}

    /** OpenAPI 版本，如 3.1.0（openapi） */
    public String getOpenapi() { return openapi; }

    /** 标题、API 版本与说明（info） */
    public Info getInfo() { return info; }

    /** Every operation under paths, in document order. */
    public List<Operation> operations() {
        List<Operation> out = new ArrayList<Operation>();
        if (paths == null) return out;
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> route = p.next();
            for (Iterator<Map.Entry<String, JsonNode>> o = route.getValue().fields(); o.hasNext();) {
                Map.Entry<String, JsonNode> op = o.next();
                if (!METHODS.contains(op.getKey()) || !op.getValue().isObject()) continue;
                JsonNode node = op.getValue();
                out.add(new Operation(op.getKey().toUpperCase(java.util.Locale.ROOT), route.getKey(),
                        node.path("operationId").asText(null), node.path("summary").asText(null),
                        node.has("x-zxe-extension") && node.get("x-zxe-extension").asBoolean()));
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The operation with this operationId, or null. */
    public Operation operation(String operationId) {
        for (Operation op : operations()) {
            if (operationId.equals(op.getOperationId())) return op;
        }
        return null;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public static final class Info extends ApiObject {
        @JsonProperty("title")
        private String title;
        @JsonProperty("version")
        private String version;
        @JsonProperty("description")
        private String description;

        Info() {}

        public String getTitle() { return title; }

        /** API 版本，如 2.0.0 */
        public String getVersion() { return version; }

        public String getDescription() { return description; }
    }

    /** One operation: HTTP method, path template, operationId, summary, and whether it is an engine extension. */
    public static final class Operation {
        private final String method;
        private final String path;
        private final String operationId;
        private final String summary;
        private final boolean extension;

        Operation(String method, String path, String operationId, String summary, boolean extension) {
            this.method = method;
            this.path = path;
            this.operationId = operationId;
            this.summary = summary;
            this.extension = extension;
        }

        /** GET, POST, … */
        public String getMethod() { return method; }

        /** 路径模板，如 /api/v2/report/{type} */
        public String getPath() { return path; }

        public String getOperationId() { return operationId; }

        public String getSummary() { return summary; }

        /** 本地引擎的扩展接口（x-zxe-extension） */
        public boolean isExtension() { return extension; }

        @Override
        public String toString() { return method + " " + path + " (" + operationId + ")"; }
    }
}
