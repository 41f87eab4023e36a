package org.ishenim.hub;

/** The hub API on H2. */
class HubApiTest extends HubApiContract {
}
