package org.prakerja.web;

import java.io.IOException;

/** A request body went past its limit while it was read. */
class BodyTooLarge extends IOException {

    public BodyTooLarge(long limit) {
        super("the body is larger than " + limit + " bytes");
    }
}
