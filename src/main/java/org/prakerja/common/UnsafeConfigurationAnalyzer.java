package org.prakerja.common;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints an {@link UnsafeConfiguration} as Spring Boot's short "APPLICATION FAILED TO START" report, not a stack trace. */
class UnsafeConfigurationAnalyzer extends AbstractFailureAnalyzer<UnsafeConfiguration> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeConfiguration cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
