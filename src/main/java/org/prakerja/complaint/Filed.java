package org.prakerja.complaint;

/** R-80 a complaint was filed: its ticket (the filer's key to it, with their token or email) and status. */
record Filed(String ticket, ComplaintStatus status) {
}
