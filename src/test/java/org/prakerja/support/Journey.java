package org.prakerja.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.prakerja.notification.OutboxRelay;

/** Walks a participant through the first steps over HTTP, reading codes from the sandbox inbox. */
public final class Journey {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final Api api;
    private final OutboxRelay relay;

    public Journey(Api api, OutboxRelay relay) {
        this.api = api;
        this.relay = relay;
    }

    public record Registered(UUID id, String token, ParticipantBuilder who) {
    }

    public UUID register(ParticipantBuilder who) {
        var r = api.post("/api/v1/registrations", who.body());
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return UUID.fromString(r.body().get("participantId").asString());
    }

    /** Registered, both channels verified, basic test passed, signed in. */
    public Registered readyToApply(ParticipantBuilder who) {
        UUID id = register(who);
        verify(id, "EMAIL", latestCode(who.email()));
        verify(id, "SMS", latestCode(who.phone()));
        String token = api.login(who.email(), who.password());
        var answers = api.get("/sandbox/basic-test/answers").body();
        var result = api.post("/api/v1/basic-test", answers, token);
        assertThat(result.body().get("passed").asBoolean()).as(result.raw()).isTrue();
        return new Registered(id, token, who);
    }

    public Api.Response verify(UUID id, String channel, String code) {
        return api.post("/api/v1/registrations/" + id + "/verifications", Map.of("channel", channel, "code", code));
    }

    public String latestCode(String to) {
        relay.relayAll();
        var inbox = api.get("/sandbox/inbox?to=" + java.net.URLEncoder.encode(to, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.body().size()).as("messages to %s", to).isPositive();
        var m = CODE.matcher(inbox.body().get(0).get("body").asString());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
