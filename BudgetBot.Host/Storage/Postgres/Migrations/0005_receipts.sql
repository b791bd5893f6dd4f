-- Photos of receipts kept with ledger entries: the receipt (by the message it came in, grouped by office year) and,
-- apart from it, the picture's bytes once fetched from the platform ('waiting', 'kept' or 'failed').
CREATE TABLE receipts (
    key text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    year_key text NOT NULL,
    at timestamptz NOT NULL,
    json text NOT NULL
);
CREATE INDEX receipts_by_year ON receipts (year_key, seq);

CREATE TABLE receipt_files (
    key text PRIMARY KEY,
    state text NOT NULL,
    at timestamptz NOT NULL,
    data text NOT NULL
);
CREATE INDEX receipt_files_by_state ON receipt_files (state);
