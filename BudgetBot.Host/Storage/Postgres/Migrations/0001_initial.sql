-- The budget: every table's key starts with the office, so the tables can be distributed by office later.
CREATE TABLE offices (
    office_id text PRIMARY KEY,
    name text NOT NULL
);

CREATE TABLE years (
    office_id text NOT NULL,
    id text NOT NULL,
    fiscal_year int NOT NULL,
    source text NOT NULL,
    json text NOT NULL,
    PRIMARY KEY (office_id, id)
);
CREATE UNIQUE INDEX years_by_number ON years (office_id, fiscal_year);

CREATE TABLE divisions (
    office_id text NOT NULL,
    id text NOT NULL,
    name text NOT NULL,
    ord int NOT NULL,
    PRIMARY KEY (office_id, id)
);

CREATE TABLE projects (
    office_id text NOT NULL,
    id text NOT NULL,
    fiscal_year int NOT NULL,
    number int NOT NULL,
    json text NOT NULL,
    PRIMARY KEY (office_id, id)
);
CREATE INDEX projects_by_year ON projects (office_id, fiscal_year, number);

CREATE SEQUENCE ledger_ids;

-- Append-only; a correction is a new row that names the entry it reverses.
CREATE TABLE ledger (
    office_id text NOT NULL,
    id bigint NOT NULL,
    project_id text NOT NULL,
    amount numeric NOT NULL,
    date date NOT NULL,
    note text NOT NULL,
    by_person text NOT NULL,
    source_key text NOT NULL,
    recorded_at timestamptz NOT NULL,
    reverses bigint,
    PRIMARY KEY (office_id, id)
);
-- A message's key is unique: what makes a redelivered message a no-op, and a second reversal impossible.
CREATE UNIQUE INDEX ledger_by_source ON ledger (office_id, source_key);
CREATE UNIQUE INDEX ledger_by_reversed ON ledger (office_id, reverses) WHERE reverses IS NOT NULL;
CREATE INDEX ledger_by_id ON ledger (id);
CREATE INDEX ledger_by_project ON ledger (project_id, id);
CREATE INDEX ledger_by_person ON ledger (by_person, id);

-- Running figures per project, updated with every append under the row's lock.
CREATE TABLE balances (
    office_id text NOT NULL,
    project_id text NOT NULL,
    q1 numeric NOT NULL,
    q2 numeric NOT NULL,
    q3 numeric NOT NULL,
    q4 numeric NOT NULL,
    entries int NOT NULL,
    last_entry bigint NOT NULL,
    PRIMARY KEY (office_id, project_id)
);
CREATE INDEX balances_by_project ON balances (project_id);

CREATE TABLE audit (
    office_id text NOT NULL,
    id bigint GENERATED ALWAYS AS IDENTITY,
    json text NOT NULL,
    PRIMARY KEY (office_id, id)
);

CREATE TABLE subscriptions (
    chat_key text PRIMARY KEY,
    office_id text NOT NULL,
    json text NOT NULL
);
CREATE INDEX subscriptions_by_office ON subscriptions (office_id);

CREATE TABLE report_links (
    token_hash text PRIMARY KEY,
    office_id text NOT NULL,
    expires_at timestamptz NOT NULL,
    json text NOT NULL
);

CREATE TABLE invites (
    key text PRIMARY KEY,
    office_id text NOT NULL,
    used boolean NOT NULL,
    expires_at timestamptz NOT NULL,
    json text NOT NULL
);

-- People may hold roles in several offices; they and their identities are keyed by person.
CREATE TABLE people (
    id text PRIMARY KEY,
    json text NOT NULL
);

CREATE TABLE identities (
    identity text PRIMARY KEY,
    person_id text NOT NULL
);

CREATE TABLE pending (
    id text PRIMARY KEY,
    used boolean NOT NULL,
    expires_at timestamptz NOT NULL,
    json text NOT NULL
);

-- The message path: keyed by the platform's message and chat, not by office (an event's office is known only once read).
CREATE TABLE inbox (
    key text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    platform text NOT NULL,
    chat text NOT NULL,
    payload text NOT NULL,
    at timestamptz NOT NULL,
    done boolean NOT NULL DEFAULT false,
    dead boolean NOT NULL DEFAULT false,
    tries int NOT NULL DEFAULT 0,
    error text
);
CREATE INDEX inbox_waiting ON inbox (seq) WHERE NOT done;
CREATE INDEX inbox_waiting_by_chat ON inbox (chat, seq) WHERE NOT done;
CREATE INDEX inbox_dead ON inbox (seq) WHERE dead;

CREATE TABLE inbox_state (
    key text PRIMARY KEY,
    value text NOT NULL
);

CREATE TABLE handled (
    source_key text PRIMARY KEY,
    at timestamptz NOT NULL,
    replies text NOT NULL
);

CREATE TABLE outbox (
    key text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    platform text NOT NULL,
    chat text NOT NULL,
    status text NOT NULL,
    due timestamptz NOT NULL,
    parts int NOT NULL DEFAULT 0,
    tries int NOT NULL DEFAULT 0,
    error text,
    sending boolean NOT NULL DEFAULT false,
    json text NOT NULL
);
CREATE INDEX outbox_queue ON outbox (platform, status, seq);
CREATE INDEX outbox_by_status ON outbox (status, seq);

-- Keys of items sent and archived: a reminder already sent is never queued again.
CREATE TABLE outbox_sent (
    key text PRIMARY KEY,
    at timestamptz NOT NULL
);

CREATE TABLE local_feed (
    key text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    feed text NOT NULL,
    at timestamptz NOT NULL,
    json text NOT NULL
);
CREATE INDEX local_feed_by_feed ON local_feed (feed, seq);
