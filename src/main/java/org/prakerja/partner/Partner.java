package org.prakerja.partner;

import jakarta.servlet.http.HttpServletRequest;

/** The partner whose signature a request carried; set by the signature filter. */
public record Partner(String id, PartnerRole role) {

    static final String ATTRIBUTE = Partner.class.getName();

    /** The signed-in partner of a partner-API request (the filter guarantees there is one). */
    public static Partner of(HttpServletRequest request) {
        var partner = (Partner) request.getAttribute(ATTRIBUTE);
        if (partner == null) {
            // a bug, not bad input: the signature filter must have run on every partner path
            throw new IllegalStateException("partner request reached a handler without a verified signature");
        }
        return partner;
    }
}
