package org.prakerja.complaint;

/** How a reply or an operator's answer ended. */
sealed interface ComplaintChange<T> {

    record Changed<T>(T complaint) implements ComplaintChange<T> {
    }

    record Refused<T>(ComplaintRefusal reason) implements ComplaintChange<T> {
    }
}
