-- Changes to a year's money (allocation letters, transfers), kept once per office and message, in the order recorded.
CREATE TABLE budget_events (
    key text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    year_key text NOT NULL,
    recorded_at timestamptz NOT NULL,
    json text NOT NULL
);
CREATE INDEX budget_events_by_year ON budget_events (year_key, seq);

-- Reports as they were submitted when their period was closed, so they can be produced again unchanged.
CREATE TABLE submitted_reports (
    key text PRIMARY KEY,
    office_id text NOT NULL,
    closed_at timestamptz NOT NULL,
    json text NOT NULL
);

-- What auditors ask of each entry: its expense category and the document it rests on.
ALTER TABLE ledger ADD COLUMN category text, ADD COLUMN document text;
