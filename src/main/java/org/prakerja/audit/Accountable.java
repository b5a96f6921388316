package org.prakerja.audit;

/**
 * Someone whose acts are recorded: the signed-in caller (the login module's principal implements
 * it), so a controller in any module can name who acted with {@code @AuthenticationPrincipal
 * Accountable who} without depending on the login module.
 */
public interface Accountable {

    Actor asActor();
}
