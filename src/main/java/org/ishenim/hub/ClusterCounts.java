package org.ishenim.hub;

import java.util.Optional;

/**
 * The hub's cluster figures for the national range (docs/indicators.md, "Error bounds"): the last count the hub
 * made, for the unique-client count or a site's "counted elsewhere" list. Reading it never clusters the encodings
 * again (that takes tens of seconds at 100,000 encodings), so it may be older than the latest upload: its time says
 * how old. Empty until the hub has counted once since it started. Hub role only.
 */
public interface ClusterCounts {

    Optional<ClusterCount> last();
}
