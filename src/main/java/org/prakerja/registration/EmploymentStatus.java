package org.prakerja.registration;

/**
 * Employment status as declared. The selection priority ranks laid-off workers first, then
 * job seekers, then everybody else (workers and micro-business owners who want to upskill).
 */
public enum EmploymentStatus {
    LAID_OFF(0), UNEMPLOYED(1), EMPLOYED(2), SELF_EMPLOYED(2), MICRO_BUSINESS(2);

    private final int priority;

    EmploymentStatus(int priority) {
        this.priority = priority;
    }

    /** 0 is ranked first. */
    public int priority() {
        return priority;
    }
}
