/**
 * The public face of the portal: the landing page, the login page and the page layout all pages share.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "scheme", "wave"})
package org.prakerja.portal;
