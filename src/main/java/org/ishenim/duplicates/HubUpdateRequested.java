package org.ishenim.duplicates;

/**
 * What the hub must be told about one client: upload the encoding and ask ({@code CHECK}) or remove it
 * ({@code DELETE}). Published in the transaction of the change and kept by Spring Modulith's Event Publication
 * Registry (table {@code event_publication}) until {@link DuplicateCheckSender} has told the hub.
 *
 * <p>It carries the random reference the hub knows, the action and the generation of the client's wish (a later
 * wish supersedes it), nothing else: no client id, no name, no encoding. The encoding is computed from the
 * encrypted identity only when it is sent, so that a revoked consent or an erased identity stops it, and so that the
 * clinic database, where the shared secret is also at hand, never holds one.
 */
record HubUpdateRequested(String reference, DuplicateChecks.Action action, long generation) {
}
