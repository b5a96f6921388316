package org.prakerja.operations;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Counts and sums for the operators' dashboard. */
@RestController
@Tag(name = "Operator: reports")
class ReportController {

    private final Reports reports;

    ReportController(Reports reports) {
        this.reports = reports;
    }

    @GetMapping("/api/v1/ops/reports/summary")
    @Operation(summary = "Registrations, applicants, selected, cards by state, purchases and completions, money by account kind, complaints by status")
    Reports.Summary summary() {
        return reports.summary();
    }
}
