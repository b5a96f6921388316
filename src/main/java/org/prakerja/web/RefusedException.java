package org.prakerja.web;

import java.util.Map;
import org.prakerja.common.Refusal;

/**
 * How a controller hands a refusal from a sealed result to {@link ApiErrors}, so that its method
 * can answer its own typed view. Only controllers throw it: below them a refusal is a value.
 */
public final class RefusedException extends RuntimeException {

    private final transient Refusal refusal;
    private final transient Map<String, Object> properties;

    public RefusedException(Refusal refusal) {
        this(refusal, refusal.detail());
    }

    public RefusedException(Refusal refusal, String detail) {
        this(refusal, detail, Map.of());
    }

    /** @param properties more members of the problem beside {@code code}, e.g. the reason */
    public RefusedException(Refusal refusal, String detail, Map<String, Object> properties) {
        super(detail, null, false, false);
        this.refusal = refusal;
        this.properties = Map.copyOf(properties);
    }

    public Refusal refusal() {
        return refusal;
    }

    Map<String, Object> properties() {
        return properties;
    }
}
