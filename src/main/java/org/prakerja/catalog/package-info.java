/**
 * Institutions, platforms, trainings, categories and ratings.
 * The modules it may use are listed here, so a new dependency is a visible decision (ModularityTest).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"common", "web"})
package org.prakerja.catalog;
