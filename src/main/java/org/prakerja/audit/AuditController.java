package org.prakerja.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.prakerja.common.PageRequest;
import org.prakerja.common.Paged;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** R-84 the audit trail for auditors (SecurityConfig lets AUDITOR and ADMIN read it, not OPERATOR). */
@RestController
@Tag(name = "Operator: audit")
class AuditController {

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/v1/ops/audit")
    @Operation(summary = "The audit trail, newest first (R-83, R-84)",
            description = "actor: the email of who acted (case-insensitive); action e.g. WAVE_CREATED, LOGIN_REFUSED;"
                    + " from inclusive, to exclusive")
    Paged<AuditEntry> audit(@RequestParam(required = false) @Nullable @Size(max = 254) String actor,
            @RequestParam(required = false) @Nullable @Size(max = 64) String action,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime from,
            @RequestParam(required = false) @Nullable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime to,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        return trail.search(new AuditQuery(blankToNull(actor), blankToNull(action),
                from == null ? null : from.toInstant(), to == null ? null : to.toInstant()), new PageRequest(page, size));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
