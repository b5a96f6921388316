package org.prakerja.job;

import java.util.Optional;
import java.util.UUID;
import org.prakerja.audit.Actor;
import org.prakerja.audit.AuditTrail;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An operator's "run now" of a scheduled job, from the API or a console page alike: the job's row
 * and its R-84 audit entry are written in one transaction.
 */
@Service
public class JobRuns {

    private final Jobs jobs;
    private final AuditTrail audit;

    JobRuns(Jobs jobs, AuditTrail audit) {
        this.jobs = jobs;
        this.audit = audit;
    }

    /** The started job's id; empty if no scheduled job has that kind (nothing is recorded then). */
    @Transactional
    public Optional<UUID> runNow(String kind, Actor who) {
        var started = jobs.runNow(kind);
        started.ifPresent(id -> audit.record(who, "JOB_RUN_STARTED", "job:" + id, "kind " + kind));
        return started;
    }
}
