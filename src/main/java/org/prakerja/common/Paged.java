package org.prakerja.common;

import java.util.List;

/** A page of a list, as docs/api.md shapes every list: {@code {items, page, size, total}}. */
public record Paged<T>(List<T> items, int page, int size, long total) {
}
