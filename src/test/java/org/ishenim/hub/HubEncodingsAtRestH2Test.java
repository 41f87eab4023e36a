package org.ishenim.hub;

/** The hub's encodings at rest, on H2. */
class HubEncodingsAtRestH2Test extends HubEncodingsAtRestContract {
}
