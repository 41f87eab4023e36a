package org.ishenim.clients;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.UUID;

/** A client's id: a random UUID, so ids cannot be guessed or counted. */
public record ClientId(@JsonValue UUID value) {

    public ClientId {
        if (value == null) {
            throw new IllegalArgumentException("A client id is required.");
        }
    }

    public static ClientId of(String text) {
        return new ClientId(UUID.fromString(text));
    }

    static ClientId random() {
        return new ClientId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
