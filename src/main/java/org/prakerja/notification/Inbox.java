package org.prakerja.notification;

import java.util.List;
import org.springframework.stereotype.Service;

/** What the local gateways delivered to an address, newest first (the sandbox inbox). */
@Service
public class Inbox {

    private final LocalGateways gateways;

    Inbox(LocalGateways gateways) {
        this.gateways = gateways;
    }

    public List<SentMessage> to(String recipient) {
        return gateways.sentTo(recipient, 100);
    }
}
