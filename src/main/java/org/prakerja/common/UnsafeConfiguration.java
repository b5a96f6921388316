package org.prakerja.common;

/**
 * The service refuses to start as configured: running would put people's data or money at risk.
 * {@link #action()} says what the person starting it should change.
 */
public class UnsafeConfiguration extends RuntimeException {

    private final String action;

    public UnsafeConfiguration(String problem, String action) {
        super(problem);
        this.action = action;
    }

    public String action() {
        return action;
    }
}
