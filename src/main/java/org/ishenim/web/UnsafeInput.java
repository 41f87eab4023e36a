package org.ishenim.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.module.SimpleModule;

/**
 * One gate for every text that comes in, whichever module takes it: a request parameter (every page form, query
 * string and multipart field) and every JSON string are refused with a 400 naming the field when they hold a
 * character {@link FreeText#isRefused} (NUL, controls, bidi overrides and isolates, zero-width characters, BOM,
 * lone surrogates). Uploaded files are checked where they are read ({@code reform.TabularFile}).
 */
@Configuration
class UnsafeInput implements WebMvcConfigurer {

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
                    if (FreeText.hasRefused(p.getKey())) {
                        throw new UnsafeTextException("parameter");
                    }
                    for (String value : p.getValue()) {
                        FreeText.refuseUnsafe(p.getKey(), value);
                    }
                }
                return true;
            }
        });
    }

    /** JSON strings: the field is named by {@code ApiProblems} from the parser's path; the value is never echoed. */
    @Bean
    JsonMapperBuilderCustomizer refuseUnsafeJsonText() {
        var module = new SimpleModule("ishenim-unsafe-text");
        module.addDeserializer(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                String value = super.deserialize(p, ctxt);
                if (FreeText.hasRefused(value)) {
                    throw InvalidFormatException.from(p, FreeText.UNSAFE, "", String.class);
                }
                return value;
            }
        });
        return builder -> builder.addModule(module);
    }
}
