package org.prakerja.common;

/** {@code ?page=0&size=20}, size at most 100; out-of-range values are a validation error. */
public record PageRequest(int page, int size) {

    public PageRequest {
        if (page < 0) {
            throw new InvalidInput("page", "must be 0 or more");
        }
        if (size < 1 || size > 100) {
            throw new InvalidInput("size", "must be between 1 and 100");
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
