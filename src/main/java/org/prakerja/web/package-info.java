/**
 * The HTTP edge every module's controllers stand behind: canonical paths, per-address throttles,
 * body limits, pages drawn in turns, problem answers (RFC 9457 with a {@code code}) and error pages,
 * strict JSON, the reader's language, asset links, and the OpenAPI document's generic answers.
 * Nothing domain-specific: an open module whose public types any module may use.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.prakerja.web;
