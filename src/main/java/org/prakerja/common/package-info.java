/**
 * Small shared values and web plumbing (money, clock, errors, paging), nothing domain-specific.
 * An open module: every module may use its sub-packages.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.prakerja.common;
