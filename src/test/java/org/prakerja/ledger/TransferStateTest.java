package org.prakerja.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.prakerja.ledger.TransferState.PENDING;
import static org.prakerja.ledger.TransferState.POSTED;
import static org.prakerja.ledger.TransferState.RESOLVED;

import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransferStateTest {

    @Test
    @DisplayName("R-65 a pending transfer (a reservation) is resolved by a post or a void")
    void pendingResolves() {
        assertThat(PENDING.canMoveTo(RESOLVED)).isTrue();
    }

    @Test
    @DisplayName("R-65 a pending transfer is resolved exactly once: a resolved one moves no more")
    void resolvedOnce() {
        assertThat(Arrays.stream(TransferState.values()).filter(RESOLVED::canMoveTo)).isEmpty();
    }

    @Test
    @DisplayName("R-65 a posted transfer is recorded once and never edited")
    void postedIsFinal() {
        assertThat(Arrays.stream(TransferState.values()).filter(POSTED::canMoveTo)).isEmpty();
        assertThat(PENDING.canMoveTo(POSTED)).isFalse();
        assertThat(PENDING.canMoveTo(PENDING)).isFalse();
    }

    @Test
    @DisplayName("R-52 a reservation starts pending; a final transfer, a post and a void are posted at once")
    void initialStates() {
        assertThat(TransferKind.PENDING.initialState()).isEqualTo(PENDING);
        assertThat(TransferKind.SINGLE.initialState()).isEqualTo(POSTED);
        assertThat(TransferKind.POST.initialState()).isEqualTo(POSTED);
        assertThat(TransferKind.VOID.initialState()).isEqualTo(POSTED);
    }
}
