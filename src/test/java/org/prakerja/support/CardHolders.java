package org.prakerja.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.support.ParticipantBuilder.aParticipant;

import java.util.ArrayList;
import java.util.List;

/** Participants who went through a whole wave and hold an active, funded card. */
public final class CardHolders {

    public record Holder(Journey.Registered participant, String cardNumber) {
        public String token() {
            return participant.token();
        }
    }

    private final Api api;
    private final Journey journey;
    private final Operator ops;

    public CardHolders(Api api, Journey journey, Operator ops) {
        this.api = api;
        this.journey = journey;
        this.ops = ops;
    }

    public List<Holder> make(int n) {
        return make(n, null);
    }

    /** {@code n} holders of a wave under {@code scheme} (null: the default). */
    public List<Holder> make(int n, String scheme) {
        int wave = ops.openWave(n, scheme);
        var people = new ArrayList<Journey.Registered>();
        for (int i = 0; i < n; i++) {
            var p = journey.readyToApply(aParticipant());
            assertThat(api.post("/api/v1/waves/" + wave + "/applications", "", p.token()).status()).isEqualTo(201);
            people.add(p);
        }
        ops.close(wave);
        ops.select(wave);
        ops.announce(wave);
        return people.stream().map(p -> new Holder(p, api.get("/api/v1/me/card", p.token()).body().get("number").asString()))
                .toList();
    }

    public Holder one() {
        return make(1).getFirst();
    }
}
