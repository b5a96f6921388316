package org.prakerja.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.prakerja.common.InvalidInput;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Participant: catalog")
class CatalogController {

    private final Catalog catalog;

    CatalogController(Catalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/api/v1/trainings")
    @Operation(summary = "Browse and compare trainings (R-41)",
            description = "sort: rating (default), price, -price")
    Paged<Training> search(
            @RequestParam(required = false) Category category,
            @RequestParam(required = false) @Size(max = 40) @Pattern(regexp = "^[a-z0-9-]*$") String platform,
            @RequestParam(required = false) Method method,
            @RequestParam(required = false) @Size(max = 100) String q,
            @RequestParam(required = false) @Min(0) @Max(100_000_000) Long minPrice,
            @RequestParam(required = false) @Min(0) @Max(100_000_000) Long maxPrice,
            @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        var order = switch (sort == null ? "rating" : sort) {
            case "rating" -> TrainingQuery.Sort.RATING;
            case "price" -> TrainingQuery.Sort.PRICE;
            case "-price" -> TrainingQuery.Sort.PRICE_DESC;
            default -> throw new InvalidInput("sort", "must be rating, price or -price");
        };
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            throw new InvalidInput("minPrice", "must not be above maxPrice");
        }
        return catalog.search(new TrainingQuery(category, platform, method, q, minPrice, maxPrice, order),
                new PageRequest(page, size));
    }
}
