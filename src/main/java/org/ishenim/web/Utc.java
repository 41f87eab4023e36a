package org.ishenim.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as the database stores them: {@code TIMESTAMP WITH TIME ZONE} in UTC, the same on H2 and PostgreSQL. */
public final class Utc {

    private Utc() {
    }

    public static OffsetDateTime of(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
