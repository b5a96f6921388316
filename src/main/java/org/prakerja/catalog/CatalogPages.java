package org.prakerja.catalog;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.prakerja.common.PageRequest;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * R-41 the catalog as a page: the filters and sort of GET /api/v1/trainings as a GET form, so a
 * result is a link one can share and it works without JavaScript. A filter that makes no sense is
 * said beside it and the rest still applies.
 */
@Controller
class CatalogPages {

    static final int PAGE_SIZE = 12;

    private final Catalog catalog;
    private final MessageSource messages;

    CatalogPages(Catalog catalog, MessageSource messages) {
        this.catalog = catalog;
        this.messages = messages;
    }

    @GetMapping("/trainings")
    String trainings(@RequestParam Map<String, String> params, Model model, Locale language) {
        var errors = new FormErrors();
        Map<String, String> typed = new LinkedHashMap<>();
        for (String f : new String[] {"q", "category", "platform", "method", "minPrice", "maxPrice", "sort", "page"}) {
            String v = params.get(f);
            typed.put(f, v == null ? "" : v.strip());
        }
        String q = typed.get("q").length() > 100 ? typed.get("q").substring(0, 100) : typed.get("q");
        Category category = parse(Category.class, typed.get("category"), "category", errors, language);
        Method method = parse(Method.class, typed.get("method"), "method", errors, language);
        var platforms = catalog.platforms();
        String platform = typed.get("platform").isEmpty() ? null : typed.get("platform");
        if (platform != null && platforms.stream().noneMatch(p -> p.id().equals(platform))) {
            errors.add("platform", text("catalog.error.platform", language));
        }
        Long minPrice = price(typed.get("minPrice"), "minPrice", errors, language);
        Long maxPrice = price(typed.get("maxPrice"), "maxPrice", errors, language);
        if (minPrice != null && maxPrice != null && minPrice > maxPrice) {
            errors.add("maxPrice", text("catalog.error.price-order", language));
            maxPrice = null;
        }
        var sort = switch (typed.get("sort")) {
            case "price" -> TrainingQuery.Sort.PRICE;
            case "-price" -> TrainingQuery.Sort.PRICE_DESC;
            default -> TrainingQuery.Sort.RATING;
        };
        int page = typed.get("page").matches("[0-9]{1,4}") ? Integer.parseInt(typed.get("page")) : 0;
        var found = catalog.search(new TrainingQuery(category, errors.has("platform") ? null : platform, method, q,
                minPrice, maxPrice, sort), new PageRequest(page, PAGE_SIZE));
        model.addAttribute("typed", typed);
        model.addAttribute("errors", errors);
        model.addAttribute("result", found);
        model.addAttribute("categories", Category.values());
        model.addAttribute("methods", Method.values());
        model.addAttribute("platforms", platforms);
        model.addAttribute("pages", (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "catalog/trainings";
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String field, FormErrors errors, Locale language) {
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

    private Long price(String value, String field, FormErrors errors, Locale language) {
        if (value.isEmpty()) {
            return null;
        }
        String digits = value.replace(".", "").replace(",", "");
        if (!digits.matches("[0-9]{1,9}") || Long.parseLong(digits) > 100_000_000) {
            errors.add(field, text("catalog.error.price", language));
            return null;
        }
        return Long.parseLong(digits);
    }

    private String text(String key, Locale language) {
        return messages.getMessage(key, null, language);
    }
}
