package org.prakerja.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.prakerja.IntegrationTest;
import org.prakerja.support.Api;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class CatalogTest {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    private List<JsonNode> items(String query) {
        var r = api.get("/api/v1/trainings" + query);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        r.body().get("items").forEach(list::add);
        return list;
    }

    @Test
    @DisplayName("docs/api.md section 4: the sandbox catalog has 40+ trainings, 8 institutions, 10 categories, 5 platforms")
    void seededCatalog() {
        var all = items("?size=100");
        assertThat(all.size()).isGreaterThanOrEqualTo(40);
        assertThat(all.stream().map(t -> t.get("category").asString()).distinct()).hasSize(10);
        assertThat(all.stream().map(t -> t.get("institution").get("id").asString()).distinct()).hasSize(8);
        var platforms = new HashSet<String>();
        all.forEach(t -> t.get("platforms").forEach(p -> platforms.add(p.asString())));
        assertThat(platforms).hasSize(5);
        var first = all.getFirst();
        for (String field : List.of("id", "title", "category", "institution", "price", "hours", "method", "platforms",
                "rating", "ratingCount", "description")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        var policies = api.get("/sandbox/partners").body();
        var seen = new HashSet<String>();
        policies.forEach(p -> {
            if (p.get("role").asString().equals("PLATFORM")) {
                seen.add(p.get("refundPolicy").toString());
            }
        });
        assertThat(seen.size()).isGreaterThan(2);
    }

    @Test
    @DisplayName("R-41 filter by category, platform, method, price and words; sort by price both ways")
    void filtersAndSorts() {
        assertThat(items("?category=KULINER&size=100")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("category").asString()).isEqualTo("KULINER"));
        assertThat(items("?platform=pijarmahir&size=100")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("platforms").toString()).contains("pijarmahir"));
        assertThat(items("?method=WEBINAR&size=100")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("method").asString()).isEqualTo("WEBINAR"));
        assertThat(items("?minPrice=300000&maxPrice=500000&size=100")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.get("price").asLong()).isBetween(300_000L, 500_000L));
        assertThat(items("?q=hidroponik")).extracting(t -> t.get("title").asString()).containsExactly("Budidaya Hidroponik");
        var cheapFirst = items("?sort=price&size=100").stream().map(t -> t.get("price").asLong()).toList();
        assertThat(cheapFirst).isSorted();
        var dearFirst = items("?sort=-price&size=100").stream().map(t -> -t.get("price").asLong()).toList();
        assertThat(dearFirst).isSorted();
        var page = api.get("/api/v1/trainings?page=1&size=5").body();
        assertThat(page.get("page").asInt()).isEqualTo(1);
        assertThat(page.get("size").asInt()).isEqualTo(5);
        assertThat(page.get("items").size()).isEqualTo(5);
        assertThat(page.get("total").asInt()).isGreaterThanOrEqualTo(40);
    }

    @Test
    @DisplayName("R-41 bad filters are 400 VALIDATION_FAILED naming the parameter")
    void badFilters() {
        for (var bad : List.of("category=SIHIR", "method=TELEPATI", "sort=cheapest", "minPrice=abc", "size=101",
                "page=-1", "minPrice=-5", "minPrice=9&maxPrice=1")) {
            var r = api.get("/api/v1/trainings?" + bad);
            assertThat(r.status()).as(bad + " " + r.raw()).isEqualTo(400);
            assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(r.body().get("field").asString()).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
    }
}
