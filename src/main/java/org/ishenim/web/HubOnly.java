package org.ishenim.web;

import java.lang.annotation.*;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean that exists only when the server runs as the national hub ({@code ishenim.role=hub}). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "ishenim.role", havingValue = "hub")
public @interface HubOnly {
}
