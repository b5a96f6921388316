package org.prakerja.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.NegativeResponseException;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.extra.SessionState;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;
import org.prakerja.common.Masking;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SMS over SMPP 3.4: one bound transceiver session, kept alive with enquire_link and bound again
 * with a growing pause (reconnect-min doubling up to reconnect-max) whenever the link drops. A send
 * waits (at most wait-for-bind) for a bound session instead of failing at once. At most
 * {@code window} submits await their answer at a time and at most {@code tps} start a second, as
 * the SMSC's contract allows. ESME_RTHROTTLED and ESME_RMSGQFULL are the SMSC asking for a pause:
 * that part is submitted again after throttle-backoff (doubling), not counted as a failed try, for
 * at most throttle-max-wait; past that the send fails and the relay tries the message later, as
 * after any failure. Delivery receipts (deliver_sm) go to {@link SmsReceipts}; every deliver_sm is
 * answered.
 */
class SmppSms implements SmsGateway, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SmppSms.class);

    private final SmppSettings settings;
    private final SmsReceipts receipts;
    private final MeterRegistry meters;
    private final Semaphore window;
    private final RateLimiter rate;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition bound = lock.newCondition();
    private final Thread connector;
    private volatile SMPPSession session;
    private volatile String down = "not bound yet";
    private volatile boolean closed;

    SmppSms(SmppSettings settings, SmsReceipts receipts, MeterRegistry meters) {
        this.settings = settings;
        this.receipts = receipts;
        this.meters = meters;
        this.window = new Semaphore(settings.window(), true);
        this.rate = new RateLimiter(settings.tps());
        // binds in the background: an SMSC that is down delays no start (readiness says so)
        this.connector = Thread.ofVirtual().name("smpp-connector").start(this::keepBound);
    }

    /** Null when bound, else why not (the health indicator's reason). */
    String downReason() {
        var s = session;
        return s != null && s.getSessionState().isBound() ? null : down;
    }

    @Override
    public List<String> send(long messageId, String phone, String body) {
        var encoded = SmsText.encode(body);
        List<String> ids = new ArrayList<>();
        int parts = encoded.parts().size();
        for (int i = 0; i < parts; i++) {
            byte[] payload = encoded.parts().get(i);
            if (parts > 1) {
                payload = ByteBuffer.allocate(6 + payload.length)
                        .put(new byte[] {0x05, 0x00, 0x03, (byte) messageId, (byte) parts, (byte) (i + 1)})
                        .put(payload).array();
            }
            ids.add(submit(messageId, phone, encoded.coding(), parts > 1, payload));
        }
        return ids;
    }

    private String submit(long messageId, String phone, SmsText.Coding coding, boolean udh, byte[] payload) {
        long deadline = System.nanoTime() + settings.throttleMaxWait().toNanos();
        Duration pause = settings.throttleBackoff();
        String tags = coding.name();
        while (true) {
            try {
                window.acquire();
                try {
                    rate.acquire();
                    var s = boundSession();
                    var result = s.submitShortMessage(settings.systemType(), TypeOfNumber.valueOf(settings.sourceTon()),
                            NumberingPlanIndicator.valueOf(settings.sourceNpi()), settings.sourceAddress(),
                            TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, destination(phone),
                            new ESMClass(MessageMode.DEFAULT, MessageType.DEFAULT,
                                    udh ? GSMSpecificFeature.UDHI : GSMSpecificFeature.DEFAULT),
                            (byte) 0, (byte) 1, null, null, new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE),
                            (byte) 0, DataCodings.newInstance(coding.dataCoding), (byte) 0, payload);
                    Counter.builder("prakerja.sms.submitted").description("SMS parts the SMSC acknowledged")
                            .tag("coding", tags).register(meters).increment();
                    return result.getMessageId();
                } finally {
                    window.release();
                }
            } catch (NegativeResponseException e) {
                int status = e.getCommandStatus();
                if ((status == SMPPConstant.STAT_ESME_RTHROTTLED || status == SMPPConstant.STAT_ESME_RMSGQFUL)
                        && System.nanoTime() + pause.toNanos() < deadline) {
                    Counter.builder("prakerja.sms.throttled").description("submits the SMSC asked to repeat later")
                            .tag("status", String.format("0x%02X", status)).register(meters).increment();
                    log.info("SMSC asks for a pause outboxId={} status=0x{} pause={}", messageId,
                            Integer.toHexString(status), pause);
                    sleep(messageId, pause);
                    pause = min(pause.multipliedBy(2), settings.reconnectMax());
                    continue;
                }
                failed("0x" + Integer.toHexString(status));
                throw new SmsRefused(messageId, "SMSC answered status 0x" + Integer.toHexString(status));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SmsRefused(messageId, "interrupted");
            } catch (Exception e) {
                failed(e.getClass().getSimpleName());
                throw new SmsRefused(messageId, e.getClass().getSimpleName());
            }
        }
    }

    private void failed(String reason) {
        Counter.builder("prakerja.sms.failed").description("SMS submits that failed").tag("reason", reason)
                .register(meters).increment();
    }

    /** International numbers without the plus, as TON international expects. */
    private static String destination(String phone) {
        return phone.startsWith("+") ? phone.substring(1) : phone;
    }

    private SMPPSession boundSession() throws InterruptedException, IOException {
        long waitNanos = settings.waitForBind().toNanos();
        lock.lock();
        try {
            while (true) {
                var s = session;
                if (s != null && s.getSessionState().isBound()) {
                    return s;
                }
                if (closed || waitNanos <= 0) {
                    throw new IOException("no bound SMPP session: " + down);
                }
                waitNanos = bound.awaitNanos(waitNanos);
            }
        } finally {
            lock.unlock();
        }
    }

    private void keepBound() {
        Duration pause = settings.reconnectMin();
        while (!closed) {
            var s = session;
            if (s != null && s.getSessionState().isBound()) {
                lock.lock();
                try {
                    // woken by the state listener when the link drops
                    bound.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    return;
                } finally {
                    lock.unlock();
                }
                continue;
            }
            if (s != null) {
                s.close();
            }
            try {
                session = bind();
                pause = settings.reconnectMin();
                log.info("SMPP session bound host={} port={} systemId={}", settings.host(), settings.port(), settings.systemId());
                signal();
            } catch (IOException | RuntimeException e) {
                down = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                log.warn("SMPP bind failed host={} port={} error={} retryIn={}", settings.host(), settings.port(), down, pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    return;
                }
                pause = min(pause.multipliedBy(2), settings.reconnectMax());
            }
        }
    }

    private SMPPSession bind() throws IOException {
        var s = new SMPPSession();
        s.setEnquireLinkTimer((int) settings.enquireLink().toMillis());
        s.setTransactionTimer(settings.responseTimeout().toMillis());
        s.setMessageReceiverListener(new Receipts());
        s.addSessionStateListener(this::stateChanged);
        try {
            s.connectAndBind(settings.host(), settings.port(), new BindParameter(BindType.BIND_TRX, settings.systemId(),
                    settings.password(), settings.systemType(), TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null),
                    settings.bindTimeout().toMillis());
            return s;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    private void stateChanged(SessionState now, SessionState before, Session source) {
        if (!now.isBound() && source == session) {
            down = "link " + now.name().toLowerCase(java.util.Locale.ROOT);
            if (before.isBound()) {
                log.warn("SMPP session lost state={}", now);
            }
            signal();
        }
    }

    private void signal() {
        lock.lock();
        try {
            bound.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
        connector.interrupt();
        var s = session;
        if (s != null) {
            s.unbindAndClose();
        }
    }

    private final class Receipts implements MessageReceiverListener {

        @Override
        public void onAcceptDeliverSm(DeliverSm deliverSm) throws ProcessRequestException {
            if (!deliverSm.isSmscDeliveryReceipt()) {
                // a mobile-originated message: this service takes none
                log.info("SMS from a phone ignored sender={}", Masking.lastFour(deliverSm.getSourceAddr()));
                return;
            }
            org.jsmpp.bean.DeliveryReceipt receipt;
            try {
                receipt = deliverSm.getShortMessageAsDeliveryReceipt();
            } catch (Exception e) {
                log.warn("delivery receipt unreadable error={}", e.getClass().getSimpleName());
                return;
            }
            try {
                receipts.received(receipt.getId(), SmsReceipts.state(receipt.getFinalStatus().name()));
            } catch (RuntimeException e) {
                // the SMSC sends it again later
                log.warn("delivery receipt not stored error={}", e.getClass().getSimpleName());
                throw new ProcessRequestException("receipt not stored", SMPPConstant.STAT_ESME_RX_T_APPN);
            }
        }

        @Override
        public void onAcceptAlertNotification(AlertNotification alertNotification) {
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("data_sm not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(long messageId, Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsRefused(messageId, "interrupted");
        }
    }

    /** At most {@code perSecond} permits a second, evenly spaced. */
    static final class RateLimiter {

        private final long interval;
        private long next = System.nanoTime();

        RateLimiter(int perSecond) {
            this.interval = 1_000_000_000L / Math.max(1, perSecond);
        }

        void acquire() throws InterruptedException {
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                next = Math.max(next, now);
                wait = next - now;
                next += interval;
            }
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
        }
    }

    /** The SMSC did not take the message; the relay tries it again later. */
    static final class SmsRefused extends RuntimeException {

        /** Short, and without the address: the outbox's last error. */
        final String reason;

        SmsRefused(long messageId, String why) {
            super("SMS " + messageId + " not taken: " + why);
            this.reason = "SMPP " + why;
        }
    }
}
