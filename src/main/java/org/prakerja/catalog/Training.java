package org.prakerja.catalog;

import java.util.List;

/** R-40 a training as the catalog and the partner API show it. */
public record Training(String id, String title, Category category, String categoryName, Institution institution,
        long price, int hours, Method method, List<String> platforms, double rating, int ratingCount,
        String description) {

    public record Institution(String id, String name) {
    }
}
