package org.ishenim.web;

import java.lang.annotation.*;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/** A bean that exists only when the server runs as a clinic ({@code ishenim.role=clinic}, the default). */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "ishenim.role", havingValue = "clinic", matchIfMissing = true)
public @interface ClinicOnly {
}
