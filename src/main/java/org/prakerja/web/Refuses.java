package org.prakerja.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.prakerja.common.Refusal;

/**
 * The refusals an endpoint answers beside the generic ones (bad input, outages): the published
 * OpenAPI document lists each code under the status its {@link Refusal} names. A code that the
 * enum does not have fails the document, so the list cannot name a code that does not exist.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Refuses {

    /** The module's refusal enum. */
    Class<? extends Refusal> value();

    /** The codes this endpoint answers; none named: every constant of the enum. */
    String[] codes() default {};
}
