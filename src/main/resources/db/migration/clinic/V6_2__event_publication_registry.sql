-- Spring Modulith's Event Publication Registry (spring-modulith-events-jdbc 2.0.x, schema "v2") replaces the
-- duplicate check's own outbox. The columns are Modulith's; the types are the portable ones of this project, so that
-- one script runs on H2 and PostgreSQL (Modulith's own PostgreSQL script uses TEXT and a hash index on
-- serialized_event, its H2 script VARCHAR(512)/VARCHAR(4000)). No index on serialized_event: a btree entry on
-- PostgreSQL is limited to about 2.7 kB, and the lookups that read it also filter on listener_id.
-- Modulith's own schema initialisation stays off (spring.modulith.events.jdbc.schema-initialization.enabled=false).
CREATE TABLE event_publication (
    id                     UUID          NOT NULL PRIMARY KEY,
    listener_id            VARCHAR(512)  NOT NULL,
    event_type             VARCHAR(512)  NOT NULL,
    serialized_event       VARCHAR(4000) NOT NULL,
    publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
    completion_date        TIMESTAMP WITH TIME ZONE,
    status                 VARCHAR(20),
    completion_attempts    INT,
    last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_listener_id_idx ON event_publication (listener_id);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);

-- What the hub is still owed about each client: the latest wish (CHECK or DELETE, NULL when the hub is up to date),
-- its generation (an event of an older generation is superseded and never sent) and its retry state.
ALTER TABLE duplicate_check ADD COLUMN pending_action VARCHAR(10);
ALTER TABLE duplicate_check ADD COLUMN generation BIGINT NOT NULL DEFAULT 0;
ALTER TABLE duplicate_check ADD COLUMN attempts INT NOT NULL DEFAULT 0;
ALTER TABLE duplicate_check ADD COLUMN next_attempt_at TIMESTAMP WITH TIME ZONE;

-- Nothing pending is lost on upgrade: each row of the old outbox becomes the client's pending wish (same action,
-- its version as the generation, same attempts and next attempt) and an incomplete publication of the event that
-- carries it, exactly as DuplicateChecks.owe and the registry would have written them. The registry resubmits it
-- at start-up and on schedule. The publication's id is the client's id (one outbox row per client, so unique).
UPDATE duplicate_check
SET pending_action  = (SELECT o.action FROM duplicate_outbox o WHERE o.client_id = duplicate_check.client_id),
    generation      = (SELECT o.version FROM duplicate_outbox o WHERE o.client_id = duplicate_check.client_id),
    attempts        = (SELECT o.attempts FROM duplicate_outbox o WHERE o.client_id = duplicate_check.client_id),
    next_attempt_at = (SELECT o.next_attempt_at FROM duplicate_outbox o WHERE o.client_id = duplicate_check.client_id)
WHERE client_id IN (SELECT client_id FROM duplicate_outbox);

INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date, status,
                               completion_attempts, last_resubmission_date)
SELECT o.client_id, 'duplicates.hub-update', 'org.ishenim.duplicates.HubUpdateRequested',
       '{"reference":"' || c.reference || '","action":"' || o.action || '","generation":'
           || CAST(o.version AS VARCHAR(20)) || '}',
       o.created_at, 'PUBLISHED', 1, o.created_at
FROM duplicate_outbox o JOIN duplicate_check c ON c.client_id = o.client_id;

DROP TABLE duplicate_outbox;
