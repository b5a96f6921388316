/**
 * Small shared values: money ({@code Rupiah}), the clock, refusals, masking, paging, the program's
 * settings and the secret keys; nothing domain-specific and no machinery.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.prakerja.common;
