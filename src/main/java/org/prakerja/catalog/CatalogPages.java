package org.prakerja.catalog;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.prakerja.web.FormErrors;
import org.prakerja.web.FormText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * R-41 the catalog as a page: the filters and sort of GET /api/v1/trainings as a GET form, so a
 * result is a link one can share and it works without JavaScript. A filter that makes no sense is
 * said beside it and the rest still applies.
 */
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 12;

    /**
     * A price as people type it: at most nine digits, with dots or commas to group them
     * ({@code 1.500.000}); empty for no bound.
     */
    private static final String PRICE = "(?:[.,]*[0-9]){1,9}[.,]*|";

    /**
     * The filters as typed, stripped: shown back in the form and carried by the pager's links as
     * they were, a wrong one too. The words are cut to 100 characters for the search, silently.
     */
    record Filters(String q, String category, String platform, String method,
            @Pattern(regexp = PRICE) String minPrice, @Pattern(regexp = PRICE) String maxPrice, String sort,
            String page) {

        Filters {
            q = FormText.of(q);
            category = FormText.of(category);
            platform = FormText.of(platform);
            method = FormText.of(method);
            minPrice = FormText.of(minPrice);
            maxPrice = FormText.of(maxPrice);
            sort = FormText.of(sort);
            page = FormText.of(page);
        }

        /** Whether any filter or sort other than the default was asked for: the form then shows them open. */
        public boolean filtered() {
            return !category.isEmpty() || !platform.isEmpty() || !method.isEmpty() || !minPrice.isEmpty()
                    || !maxPrice.isEmpty() || (!sort.isEmpty() && !sort.equals("rating"));
        }

    }

    /** The catalog page: the filters as typed, what is wrong with them, and the page of trainings found. */
    record TrainingsView(Filters typed, FormErrors errors, Paged<Training> result, List<Platform> platforms) {
        public Category[] categories() {
            return Category.values();
        }

        public Method[] methods() {
            return Method.values();
        }

        public long pages() {
            return (result.total() + PAGE_SIZE - 1) / PAGE_SIZE;
        }
    }

    private final Catalog catalog;
    private final MessageSource messages;

    CatalogPages(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/trainings")
    String trainings(@Valid @ModelAttribute("filters") Filters typed, BindingResult shapes, Model model,
            Locale language) {
        var errors = new FormErrors();
        String words = typed.q().length() > 100 ? typed.q().substring(0, 100) : typed.q();
        Category category = parse(Category.class, typed.category(), "category", errors, language);
        Method method = parse(Method.class, typed.method(), "method", errors, language);
        var platforms = catalog.platforms();
        String platform = typed.platform().isEmpty() ? null : typed.platform();
        if (platform != null && platforms.stream().noneMatch(p -> p.id().equals(platform))) {
            errors.add("platform", text("catalog.error.platform", language));
        }
        Long minPrice = price(typed.minPrice(), "minPrice", shapes, errors, language);
        Long maxPrice = price(typed.maxPrice(), "maxPrice", shapes, errors, language);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            errors.add("maxPrice", text("catalog.error.price-order", language));
            maxPrice = null;
        }
        var sort = switch (typed.sort()) {
            case "price" -> TrainingQuery.Sort.PRICE;
            case "-price" -> TrainingQuery.Sort.PRICE_DESC;
            default -> TrainingQuery.Sort.RATING;
        };
        // an odd page number is the first page, not an error: it comes from an edited link
        int page = typed.page().matches("[0-9]{1,4}") ? Integer.parseInt(typed.page()) : 0;
        var found = catalog.search(new TrainingQuery(category, errors.has("platform") ? null : platform, method, words,
                minPrice, maxPrice, sort), new PageRequest(page, PAGE_SIZE));
        model.addAttribute("view", new TrainingsView(typed, errors, found, platforms));
        return "catalog/trainings";
    }

    @Nullable
    private <E extends Enum<E>> E parse(Class<E> type, String value, String field, FormErrors errors,
            Locale language) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            errors.add(field, text("catalog.error." + field, language));
            return null;
        }
    }

    /** The price typed, in rupiah, or null for none; bounded as the API bounds it (CatalogController). */
    @Nullable
    private Long price(String value, String field, BindingResult shapes, FormErrors errors, Locale language) {
        if (value.isEmpty()) {
            return null;
        }
        long rupiah = shapes.hasFieldErrors(field) ? -1 : Long.parseLong(value.replace(".", "").replace(",", ""));
        if (rupiah < 0 || rupiah > 100_000_000) {
            errors.add(field, text("catalog.error.price", language));
            return null;
        }
        return rupiah;
    }

    private String text(String key, Locale language) {
        return messages.getMessage(key, null, language);
    }
}
