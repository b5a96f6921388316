package org.prakerja.partner;

import jakarta.servlet.http.HttpServletRequest;

/** The partner whose signature a request carried; set by the signature filter. */
public record Partner(String id, PartnerRole role) {

    static final String ATTRIBUTE = Partner.class.getName();

    /** The signed-in partner of a partner-API request (the filter guarantees there is one). */
    public static Partner of(HttpServletRequest request) {
        return (Partner) request.getAttribute(ATTRIBUTE);
    }
}
