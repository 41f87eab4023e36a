package org.ishenim.web;

import java.util.Optional;

/** Something the login page must tell before anyone can log in, such as how to create the first admin. */
public interface SetupHint {

    /** A message-bundle key, or empty when setup is complete. */
    Optional<String> messageKey();
}
