-- Dead letters: every record published to a <topic>.dlq, indexed for listing, replay and purge.
CREATE TABLE dead_letters (
    id                  uuid          PRIMARY KEY,
    dlq_topic           varchar(255)  NOT NULL,
    dlq_partition       integer       NOT NULL,
    dlq_offset          bigint        NOT NULL,
    original_topic      varchar(255)  NOT NULL,
    original_partition  integer,
    original_offset     bigint,
    original_timestamp  timestamptz,
    record_key          bytea,
    record_value        bytea,
    -- original headers (the failure headers excluded) as a JSON array of {"name": ..., "value": base64}
    headers             jsonb         NOT NULL DEFAULT '[]'::jsonb,
    reason              varchar(50)   NOT NULL,
    error_class         varchar(500),
    error_message       text,
    service             varchar(100),
    consumer_group      varchar(255),
    broker              varchar(20),
    correlation_id      varchar(100),
    attempts            integer       NOT NULL DEFAULT 1,
    dead_lettered_at    timestamptz   NOT NULL,
    status              varchar(10)   NOT NULL DEFAULT 'pending',
    replay_count        integer       NOT NULL DEFAULT 0,
    last_replayed_at    timestamptz,
    -- set when this dead letter is a replayed record that failed again
    replay_of           uuid          REFERENCES dead_letters (id),
    created_at          timestamptz   NOT NULL DEFAULT now(),
    CONSTRAINT dead_letters_position UNIQUE (dlq_topic, dlq_partition, dlq_offset),
    CONSTRAINT dead_letters_status_known CHECK (status IN ('pending', 'replayed', 'purged'))
);
CREATE INDEX idx_dead_letters_topic_time ON dead_letters (original_topic, dead_lettered_at);
CREATE INDEX idx_dead_letters_status ON dead_letters (status);
CREATE INDEX idx_dead_letters_reason ON dead_letters (reason);
CREATE INDEX idx_dead_letters_service ON dead_letters (service);
