package org.prakerja.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code prakerja.sms.smpp.*}: the SMSC's address and account (required, see
 * {@code common/OutsideSystems}) and how to talk to it (defaults in application.yml).
 */
@ConfigurationProperties("prakerja.sms.smpp")
record SmppSettings(String host, int port, String systemId, String password, String systemType,
        String sourceAddress, byte sourceTon, byte sourceNpi, Duration enquireLink, Duration bindTimeout,
        Duration responseTimeout, Duration waitForBind, int tps, int window, Duration reconnectMin,
        Duration reconnectMax, Duration throttleBackoff, Duration throttleMaxWait) {

    @Override
    public String toString() {
        return "SmppSettings[" + host + ":" + port + " systemId=" + systemId + "]";
    }
}
