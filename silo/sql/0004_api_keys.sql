-- API keys for the silo's REST API. Only a SHA-256 hash of each key is kept: the key itself is
-- shown once, when it is created. key_id is the key's public prefix, for listing and revoking.
CREATE TABLE supportqueue_api_keys (
    key_id      text        PRIMARY KEY,
    key_hash    bytea       NOT NULL UNIQUE,
    desk_id     text        NOT NULL,
    role        text        NOT NULL CHECK (role IN ('admin', 'agent', 'submitter')),
    agent_id    text        NULL CHECK ((role = 'agent') = (agent_id IS NOT NULL)),
    created_at  timestamptz NOT NULL,
    revoked_at  timestamptz NULL
);
