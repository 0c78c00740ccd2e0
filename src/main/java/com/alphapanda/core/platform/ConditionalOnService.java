package com.alphapanda.core.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Registers a bean (a scheduler, a feed) only when {@code alpha-panda.services} selects the service (or, with
 * {@code runs = false}, only when it does not).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnServiceCondition.class)
public @interface ConditionalOnService {

    Service value();

    /** {@code false}: register only when the service does not run here. */
    boolean runs() default true;
}
