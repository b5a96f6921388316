package org.prakerja.training;

import jakarta.annotation.Nullable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.prakerja.catalog.Catalog;
import org.prakerja.catalog.Platform;
import org.prakerja.login.CurrentUser;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notifications;
import org.prakerja.purchase.Voucher;
import org.prakerja.purchase.Vouchers;
import org.prakerja.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * R-81 every voucher of the signed-in participant as a page, the voucher email again, and R-64 the
 * review once certified. A code that is not the participant's own is answered like one that does not
 * exist: the page never tells whose it is.
 */
@Controller
class VoucherPages {

    /** One voucher as the page shows it: the API's item with the platform's name. */
    record Row(ParticipantVoucherController.VoucherItem item, String platformName) {
        public boolean reviewable() {
            return item.certificate() != null && item.review() == null;
        }
    }

    /**
     * A review as typed: the stars, and the words as typed (shown back so); the words' length is
     * judged once stripped, which is how they are stored.
     */
    record Review(@Pattern(regexp = "[1-5]") String rating, String text) {
        Review {
            rating = rating == null ? "" : rating;
            text = text == null ? "" : text;
        }

        static Review none() {
            return new Review("", "");
        }
    }

    /**
     * The vouchers page: a row per voucher, and the review form being sent again (the voucher's code,
     * what was typed, what is wrong with it).
     */
    record VouchersView(List<Row> rows, FormErrors errors, @Nullable String reviewing, Review typed) {
    }

    private final Vouchers vouchers;
    private final TrainingRecords records;
    private final Catalog catalog;
    private final Notifications notifications;
    private final MessageSource messages;

    VoucherPages(Vouchers vouchers, TrainingRecords records, Catalog catalog, Notifications notifications,
            MessageSource messages) {
        this.vouchers = vouchers;
        this.records = records;
        this.catalog = catalog;
        this.notifications = notifications;
        this.messages = messages;
    }

    @GetMapping("/vouchers")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        return show(model, user, new FormErrors(), null, Review.none());
    }

    @PostMapping("/vouchers/{code}/resend")
    @Transactional
    String resend(@AuthenticationPrincipal CurrentUser user, @PathVariable String code, RedirectAttributes next,
            Locale language) {
        var voucher = vouchers.byCode(code).filter(v -> v.participantId().equals(user.subjectId()));
        if (voucher.isEmpty()) {
            next.addFlashAttribute("refused", messages.getMessage("vouchers.not-found", null, language));
            return "redirect:/vouchers";
        }
        String title = catalog.training(voucher.get().trainingId()).map(t -> t.title()).orElse(voucher.get().trainingId());
        notifications.send(Message.email(user.subjectId(), "email.voucher-resent", title, code).asSensitive());
        next.addFlashAttribute("done", messages.getMessage("vouchers.resent", new Object[] {code}, language));
        return "redirect:/vouchers";
    }

    @PostMapping("/vouchers/{code}/review")
    String review(@AuthenticationPrincipal CurrentUser user, @PathVariable String code,
            @Valid @ModelAttribute("review") Review typed, BindingResult shapes, Model model, RedirectAttributes next,
            Locale language) {
        var errors = new FormErrors();
        String id = "review-" + code;
        if (shapes.hasFieldErrors("rating")) {
            errors.add(id + "-rating-1", messages.getMessage("vouchers.error.rating", null, language));
        }
        String words = typed.text().strip();
        if (words.isEmpty() || words.length() > 2000) {
            errors.add(id + "-text", messages.getMessage("vouchers.error.text", null, language));
        }
        if (errors.any()) {
            return show(model, user, errors, code, typed);
        }
        int stars = Integer.parseInt(typed.rating());
        return switch (records.review(user.subjectId(), code, stars, words)) {
            case TrainingRecords.Done d -> {
                next.addFlashAttribute("done", messages.getMessage("vouchers.reviewed", null, language));
                yield "redirect:/vouchers";
            }
            case TrainingRecords.Refused r -> {
                next.addFlashAttribute("refused", messages.getMessage(
                        r.reason() == TrainingRefusal.VOUCHER_NOT_FOUND ? "vouchers.not-found"
                                : "vouchers.refused." + r.reason().name(), null, language));
                yield "redirect:/vouchers";
            }
        };
    }

    private String show(Model model, CurrentUser user, FormErrors errors, @Nullable String reviewing, Review typed) {
        var list = vouchers.of(user.subjectId(), 0, 100);
        var byVoucher = records.records(list.stream().map(Voucher::purchaseId).toList());
        var rows = list.stream().map(v -> new Row(
                ParticipantVoucherController.VoucherItem.of(v,
                        catalog.training(v.trainingId()).map(t -> t.title()).orElse(""), byVoucher.get(v.purchaseId())),
                catalog.platform(v.platformId()).map(Platform::name).orElse(v.platformId())))
                .toList();
        model.addAttribute("view", new VouchersView(rows, errors, reviewing, typed));
        return "training/vouchers";
    }
}
