package org.prakerja.notification;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * What the local gateways delivered to an address, newest first (the sandbox inbox). Empty where
 * both channels go out through real adapters.
 */
@Service
public class Inbox {

    private final ObjectProvider<LocalGateways> gateways;

    Inbox(ObjectProvider<LocalGateways> gateways) {
        this.gateways = gateways;
    }

    public List<SentMessage> to(String recipient) {
        var local = gateways.getIfAvailable();
        return local == null ? List.of() : local.sentTo(recipient, 100);
    }
}
