package org.prakerja.catalog;

/** R-41 filters and sort of GET /api/v1/trainings; null means "any". */
record TrainingQuery(Category category, String platform, Method method, String words, Long minPrice,
        Long maxPrice, Sort sort) {

    public enum Sort { RATING, PRICE, PRICE_DESC }
}
