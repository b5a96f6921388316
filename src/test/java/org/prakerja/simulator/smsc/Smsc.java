package org.prakerja.simulator.smsc;

import org.prakerja.support.Ports;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;
import org.jsmpp.SMPPConstant;
import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliveryReceipt;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.GSMSpecificFeature;
import org.jsmpp.bean.MessageMode;
import org.jsmpp.bean.MessageType;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.DeliveryReceiptState;
import org.jsmpp.util.MessageId;
import org.prakerja.notification.SmsText;

/**
 * An SMSC of our own, jSMPP's server side on a real TCP port: it accepts a transceiver bind with
 * its system id and password, answers each submit_sm with a message id (or the status a test
 * chooses; a part counts as acknowledged once its submit_sm_resp went out), reassembles concatenated parts into the text the phone shows, and sends a delivery
 * receipt for each part, after a pause or before it answers the submit. The SMPP tests, the SMS
 * benchmark and bin/smsc-simulator run it.
 */
public final class Smsc implements AutoCloseable {

    /** When a part's receipt goes out. */
    public enum Receipts { NONE, AFTER_ANSWER, BEFORE_ANSWER }

    /** A submit the SMSC acknowledged. */
    public record Part(String messageId, String destination, int reference, int total, int seq, String text) {
    }

    private final SMPPServerSessionListener listener;
    private final String systemId;
    private final String password;
    private final Thread acceptor;
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final List<Part> acknowledged = new CopyOnWriteArrayList<>();
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger binds = new AtomicInteger();
    private final Map<String, Part[]> assembling = new ConcurrentHashMap<>();
    private final List<Message> messages = new CopyOnWriteArrayList<>();
    private volatile Receipts receipts = Receipts.AFTER_ANSWER;
    private volatile Duration receiptDelay = Duration.ofMillis(50);
    private volatile String receiptState = "DELIVRD";
    private volatile ToIntFunction<Integer> refuse = n -> 0;
    private volatile int dropAt = -1;
    private volatile boolean log;
    private volatile boolean closed;

    /** A whole text as the phone shows it, with the message ids of its parts. */
    public record Message(String destination, String text, List<String> messageIds) {
    }

    public Smsc(int port, String systemId, String password) throws IOException {
        this.systemId = systemId;
        this.password = password;
        this.listener = new SMPPServerSessionListener(port == 0 ? Ports.free() : port);
        var answers = new Answers();
        this.listener.setMessageReceiverListener(answers);
        this.listener.setResponseDeliveryListener(answers);
        this.listener.setPduProcessorDegree(8);
        this.acceptor = Thread.ofPlatform().daemon().name("smsc-accept").start(this::acceptAll);
    }

    public int port() {
        return listener.getPort();
    }

    public Smsc logging() {
        this.log = true;
        return this;
    }

    public Smsc receipts(Receipts when, Duration delay, String stat) {
        this.receipts = when;
        this.receiptDelay = delay;
        this.receiptState = stat;
        return this;
    }

    /** The status to answer the n-th submit (counted from 1) with; 0 acknowledges it. */
    public Smsc refuse(ToIntFunction<Integer> statusOfSubmit) {
        this.refuse = statusOfSubmit;
        return this;
    }

    /** Closes the link instead of answering the n-th submit (counted from 1). */
    public Smsc dropLinkAt(int submit) {
        this.dropAt = submit;
        return this;
    }

    public List<Part> acknowledged() {
        return List.copyOf(acknowledged);
    }

    public List<Message> messages() {
        return List.copyOf(messages);
    }

    public int submits() {
        return submits.get();
    }

    public int binds() {
        return binds.get();
    }

    public void reset() {
        acknowledged.clear();
        messages.clear();
        assembling.clear();
        submits.set(0);
        receipts = Receipts.AFTER_ANSWER;
        receiptDelay = Duration.ofMillis(50);
        receiptState = "DELIVRD";
        refuse = n -> 0;
        dropAt = -1;
    }

    private void acceptAll() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                Thread.ofVirtual().start(() -> bind(session));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            var request = session.waitForBind(5_000);
            if (!systemId.equals(request.getSystemId()) || !password.equals(request.getPassword())) {
                say("bind refused systemId=" + request.getSystemId());
                request.reject(SMPPConstant.STAT_ESME_RINVPASWD);
                return;
            }
            request.accept("smsc");
            sessions.add(session);
            binds.incrementAndGet();
            say("bound " + request.getBindType() + " systemId=" + request.getSystemId());
        } catch (Exception e) {
            session.close();
        }
    }

    private void say(String line) {
        if (log) {
            System.out.println("[smsc] " + line);
        }
    }

    private final class Answers implements ServerMessageReceiverListener, ServerResponseDeliveryListener {

        /** Parts whose submit_sm_resp is on its way: acknowledged only once it went out. */
        private final Map<String, Part> answering = new ConcurrentHashMap<>();

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            var part = answering.remove(result.getMessageId());
            if (part == null) {
                return;
            }
            acknowledged.add(part);
            assemble(part);
            if (receipts == Receipts.AFTER_ANSWER) {
                Thread.ofVirtual().start(() -> {
                    pause(receiptDelay);
                    receipt(session, part);
                });
            }
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession session) {
            answering.remove(result.getMessageId());
            say("submit_sm_resp not delivered id=" + result.getMessageId());
        }

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession session) {
        }

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession session) {
        }

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session) throws ProcessRequestException {
            int n = submits.incrementAndGet();
            if (n == dropAt) {
                say("dropping the link at submit " + n);
                session.close();
                throw new ProcessRequestException("link dropped", SMPPConstant.STAT_ESME_RSYSERR);
            }
            int status = refuse.applyAsInt(n);
            if (status != 0) {
                say("submit " + n + " refused status=0x" + Integer.toHexString(status));
                throw new ProcessRequestException("refused", status);
            }
            byte[] sm = submit.getShortMessage();
            int ref = 0;
            int total = 1;
            int seq = 1;
            if ((submit.getEsmClass() & 0x40) != 0) {
                int udhl = sm[0] & 0xFF;
                ref = sm[3] & 0xFF;
                total = sm[4] & 0xFF;
                seq = sm[5] & 0xFF;
                sm = Arrays.copyOfRange(sm, udhl + 1, sm.length);
            }
            String text = SmsText.decode(submit.getDataCoding(), sm);
            String id = Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            var part = new Part(id, submit.getDestAddress(), ref, total, seq, text);
            answering.put(id, part);
            say("submit_sm id=" + id + " to=" + mask(submit.getDestAddress()) + " coding=" + submit.getDataCoding()
                    + " part=" + seq + "/" + total + " length=" + text.length());
            switch (receipts) {
                case NONE, AFTER_ANSWER -> { }
                case BEFORE_ANSWER -> {
                    // the receipt is answered before this submit is: it overtakes submit_sm_resp
                    var sending = Thread.ofVirtual().start(() -> receipt(session, part));
                    try {
                        sending.join(2_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
            try {
                return new SubmitSmResult(new MessageId(id), null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private void assemble(Part part) {
            if (part.total() == 1) {
                messages.add(new Message(part.destination(), part.text(), List.of(part.messageId())));
                return;
            }
            String key = part.destination() + "/" + part.reference();
            Part[] parts = assembling.computeIfAbsent(key, k -> new Part[part.total()]);
            synchronized (parts) {
                parts[part.seq() - 1] = part;
                if (Arrays.stream(parts).allMatch(p -> p != null)) {
                    assembling.remove(key);
                    var text = new StringBuilder();
                    List<String> ids = new ArrayList<>();
                    for (Part p : parts) {
                        text.append(p.text());
                        ids.add(p.messageId());
                    }
                    messages.add(new Message(part.destination(), text.toString(), ids));
                }
            }
        }

        private void receipt(SMPPServerSession session, Part part) {
            var now = new Date();
            var receipt = new DeliveryReceipt(part.messageId(), 1, 1, now, now, DeliveryReceiptState.valueOf(receiptState),
                    "000", "");
            try {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, part.destination(),
                        TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "PRAKERJA",
                        new ESMClass(MessageMode.DEFAULT, MessageType.SMSC_DEL_RECEIPT, GSMSpecificFeature.DEFAULT),
                        (byte) 0, (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO,
                        receipt.toString().getBytes(StandardCharsets.US_ASCII));
                say("receipt id=" + part.messageId() + " stat=" + receiptState);
            } catch (Exception e) {
                say("receipt not delivered id=" + part.messageId() + " error=" + e.getClass().getSimpleName());
            }
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti submitMulti, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm querySm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm replaceSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelSm(CancelSm cancelSm, SMPPServerSession source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm broadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm cancelBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm queryBroadcastSm, SMPPServerSession source)
                throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm dataSm, Session source) throws ProcessRequestException {
            throw new ProcessRequestException("not supported", SMPPConstant.STAT_ESME_RINVCMDID);
        }
    }

    /** Closes every bound session (the link drops) but keeps listening: the client binds again. */
    public void dropLinks() {
        sessions.forEach(SMPPServerSession::close);
        sessions.clear();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        dropLinks();
        listener.close();
        acceptor.interrupt();
    }

    private static String mask(String phone) {
        return phone.length() <= 4 ? "****" : "****" + phone.substring(phone.length() - 4);
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }


    /** bin/smsc-simulator: port, system id, password. */
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: smsc-simulator <port> <system-id> <password>");
            System.exit(2);
        }
        var smsc = new Smsc(Integer.parseInt(args[0]), args[1], args[2]).logging()
                .receipts(Receipts.AFTER_ANSWER, Duration.ofSeconds(2), "DELIVRD");
        System.out.println("[smsc] listening on port " + smsc.port() + " systemId=" + args[1]);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                smsc.close();
            } catch (IOException e) {
                // shutting down
            }
        }));
        Thread.currentThread().join();
    }
}
