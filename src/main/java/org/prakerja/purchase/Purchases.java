package org.prakerja.purchase;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.prakerja.card.Cards;
import org.prakerja.catalog.Catalog;
import org.prakerja.common.Rupiah;
import org.prakerja.ledger.AccountId;
import org.prakerja.ledger.Ledger;
import org.prakerja.ledger.TransferResult;
import org.prakerja.notification.Message;
import org.prakerja.notification.Notice;
import org.prakerja.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** R-51..R-53 purchases on a digital platform, their vouchers and refunds. */
@Service
@Transactional
class Purchases {

    private static final Logger log = LoggerFactory.getLogger(Purchases.class);

    public sealed interface BuyResult {
    }

    public sealed interface RefundResult {
    }

    public record Purchased(UUID purchaseId, String voucherCode, String trainingId, long price, long remainingBalance,
            Instant purchasedAt) implements BuyResult {
    }

    public record Refunded(UUID purchaseId, VoucherStatus status, long refundedAmount, long remainingBalance)
            implements RefundResult {
    }

    public record Refused(PurchaseRefusal reason) implements BuyResult, RefundResult {
    }

    private final Cards cards;
    private final Catalog catalog;
    private final OtpChallenges otps;
    private final Vouchers vouchers;
    private final Ledger ledger;
    private final Notifications notifications;
    private final Clock clock;

    Purchases(Cards cards, Catalog catalog, OtpChallenges otps, Vouchers vouchers, Ledger ledger,
            Notifications notifications, Clock clock) {
        this.cards = cards;
        this.catalog = catalog;
        this.otps = otps;
        this.vouchers = vouchers;
        this.ledger = ledger;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** active card, right OTP, a training this platform sells, enough balance. */
    public BuyResult buy(String platformId, String cardNumber, UUID otpId, String otp, String trainingId) {
        var locked = cards.lockForPurchase(cardNumber);
        if (locked.isEmpty()) {
            return new Refused(PurchaseRefusal.CARD_NOT_FOUND);
        }
        var card = locked.get();
        if (!card.active()) {
            return new Refused(PurchaseRefusal.CARD_NOT_ACTIVE);
        }
        var training = catalog.training(trainingId);
        if (training.isEmpty()) {
            return new Refused(PurchaseRefusal.TRAINING_NOT_FOUND);
        }
        if (otps.spend(otpId, otp, card.cardId(), platformId, trainingId) instanceof OtpChallenges.Spent.Refused r) {
            return new Refused(r.reason());
        }
        if (!training.get().platforms().contains(platformId)) {
            return new Refused(PurchaseRefusal.TRAINING_NOT_SOLD_HERE);
        }
        var price = Rupiah.of(training.get().price());
        UUID purchaseId = UUID.randomUUID();
        UUID reservationId = UUID.randomUUID();
        var reserved = ledger.reserve(reservationId, AccountId.cardBalance(card.cardId()),
                AccountId.reserved(card.cardId()), price, "R-52 purchase " + purchaseId);
        if (!(reserved instanceof TransferResult.Done done)) {
            // the spent OTP stays spent: a new purchase needs a new OTP
            return new Refused(PurchaseRefusal.INSUFFICIENT_BALANCE);
        }
        Instant now = clock.instant();
        String code = vouchers.issue(purchaseId, card.cardId(), card.participantId(), training.get(), platformId,
                reservationId, now);
        if (card.firstPurchaseAt() == null) {
            cards.recordFirstPurchase(card.cardId());
        }
        // the code goes to the holder's email; the relay finds the address, no look-up here
        notifications.send(Message.email(card.participantId(), "email.voucher", training.get().title(), code,
                training.get().institution().name()).asSensitive());
        notifications.inApp(card.participantId(), Notice.of("VOUCHER_PURCHASED", training.get().title(),
                price.formatted()));
        long remaining = done.debitBalance();
        log.info("purchase done purchase={} platform={} training={} price={}", purchaseId, platformId, trainingId,
                price.amount());
        return new Purchased(purchaseId, code, trainingId, price.amount(), remaining, now);
    }

    @Transactional(readOnly = true)
    public Optional<Voucher> find(String platformId, UUID purchaseId) {
        return vouchers.byId(purchaseId).filter(v -> v.platformId().equals(platformId));
    }

    /** R-53 the platform's own policy decides; only an unredeemed voucher can be refunded. */
    public RefundResult refund(String platformId, UUID purchaseId, String reason) {
        var voucher = vouchers.lockById(purchaseId).filter(v -> v.platformId().equals(platformId));
        if (voucher.isEmpty()) {
            return new Refused(PurchaseRefusal.VOUCHER_NOT_FOUND);
        }
        var v = voucher.get();
        if (!v.status().canMoveTo(VoucherStatus.REFUNDED)) {
            return new Refused(v.status().cancelled() ? PurchaseRefusal.REFUND_NOT_ALLOWED
                    : PurchaseRefusal.VOUCHER_ALREADY_REDEEMED);
        }
        Instant now = clock.instant();
        if (!new RefundWindow(catalog.platform(platformId).orElseThrow()).allows(v.purchasedAt(), now)) {
            return new Refused(PurchaseRefusal.REFUND_NOT_ALLOWED);
        }
        var voided = ledger.voidPending(UUID.nameUUIDFromBytes(("refund:" + purchaseId).getBytes()), v.reservationId(),
                "R-53 refund " + purchaseId);
        if (!voided.isDone()) {
            return new Refused(PurchaseRefusal.VOUCHER_ALREADY_REDEEMED);
        }
        if (!vouchers.refund(purchaseId, now, reason)) {
            // the voucher is locked and was PURCHASED: failing rolls the voided reservation back too
            throw new IllegalStateException("voucher " + purchaseId + " changed under its lock");
        }
        notifications.inApp(v.participantId(), Notice.of("VOUCHER_REFUNDED", v.code(), Rupiah.of(v.price()).formatted()));
        long remaining = ledger.balance(AccountId.cardBalance(v.cardId())).amount();
        return new Refunded(purchaseId, VoucherStatus.REFUNDED, v.price(), remaining);
    }
}
