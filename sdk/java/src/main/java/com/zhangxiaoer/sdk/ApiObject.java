package com.zhangxiaoer.sdk;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Base of the typed answers: fields as the OpenAPI document names them (snake_case in JSON, camelCase
 * getters), money as {@link java.math.BigDecimal}, dates as ISO strings (YYYY-MM-DD). Fields a newer
 * server adds are ignored; lists are never null (an absent list is empty). {@link #toString()} is the
 * object's JSON.
 */
public abstract class ApiObject {
    ApiObject() {}

    static <T> List<T> list(List<T> value) {
        return value == null ? Collections.<T>emptyList() : Collections.unmodifiableList(value);
    }

    static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Collections.<K, V>emptyMap() : Collections.unmodifiableMap(value);
    }

    @Override
    public String toString() {
        try {
            return Json.MAPPER.writeValueAsString(this);
        } catch (IOException e) {
            return getClass().getSimpleName();
        }
    }
}
