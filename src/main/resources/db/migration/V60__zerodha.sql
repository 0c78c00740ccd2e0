-- Zerodha Kite Connect (docs/zerodha.md): the session, the orders placed for validated signals, and their fills.

-- One Kite session per API key. The access token is AES-256-GCM encrypted (key derived from the API secret); it is
-- valid until expires_at (06:00 IST after the login) unless Kite refused it earlier (invalidated_at).
CREATE TABLE zerodha_sessions (
    api_key        text PRIMARY KEY,
    user_id        text NOT NULL,
    access_token   bytea NOT NULL,
    login_method   text NOT NULL CHECK (login_method IN ('request_token', 'access_token')),
    logged_in_at   timestamptz NOT NULL,
    expires_at     timestamptz NOT NULL,
    invalidated_at timestamptz,
    invalid_reason text
);

-- The order of each validated signal, written before Kite is called (status PENDING) so an ambiguous outcome is
-- always resolved by looking the tag up at Kite. signal_id and tag are the idempotency keys.
CREATE TABLE zerodha_orders (
    signal_id        uuid PRIMARY KEY,
    tag              text NOT NULL UNIQUE,
    order_id         text UNIQUE,
    strategy_id      text NOT NULL,
    instrument_token bigint NOT NULL,
    side             text NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity         bigint NOT NULL CHECK (quantity > 0),
    filled_quantity  bigint NOT NULL DEFAULT 0 CHECK (filled_quantity >= 0),
    status           text NOT NULL,
    reason_code      text,
    message          text,
    placed_at        timestamptz NOT NULL,
    updated_at       timestamptz NOT NULL
);
CREATE INDEX zerodha_orders_working ON zerodha_orders (status) WHERE status IN ('PENDING', 'OPEN', 'PARTIALLY_FILLED');
CREATE INDEX zerodha_orders_placed_at ON zerodha_orders (placed_at);

-- Every Kite trade applied exactly once, whichever path (REST, WebSocket, postback) reported it first.
CREATE TABLE zerodha_fills (
    trade_id  text PRIMARY KEY,
    order_id  text NOT NULL REFERENCES zerodha_orders (order_id),
    quantity  bigint NOT NULL CHECK (quantity > 0),
    price     numeric NOT NULL CHECK (price > 0),
    filled_at timestamptz NOT NULL
);

-- What each validated signal caused, in order: appended in the same database transaction as the order's state after
-- Kite answered, so a redelivered signal re-publishes its events instead of being sent to Kite again.
CREATE TABLE zerodha_journal (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    input_event_id uuid        NOT NULL,
    envelope       text        NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX zerodha_journal_input ON zerodha_journal (input_event_id);

-- The bundled universe listed 408065 as BAJFINANCE and 81153 as TCS; at Kite 408065 is INFY, 81153 BAJFINANCE and
-- 2953217 TCS. Rows seeded from the old list are corrected (a row from a real Kite dump already has the right symbol).
UPDATE instruments SET tradingsymbol = 'INFY', name = 'INFOSYS'
WHERE instrument_token = 408065 AND tradingsymbol = 'BAJFINANCE';
UPDATE instruments SET tradingsymbol = 'BAJFINANCE', name = 'BAJAJ FINANCE'
WHERE instrument_token = 81153 AND tradingsymbol = 'TCS';

-- Each comparison of the platform's zerodha book with Kite's (docs/zerodha.md, "Reconciliation"): what drifted and
-- what was done (the trading state set, or cleared once the drift is gone).
CREATE TABLE zerodha_reconciliations (
    id      uuid        PRIMARY KEY,
    ran_at  timestamptz NOT NULL,
    status  text        NOT NULL CHECK (status IN ('ok', 'drift', 'unavailable')),
    drift   jsonb       NOT NULL,
    action  text        NOT NULL
);
CREATE INDEX zerodha_reconciliations_ran_at ON zerodha_reconciliations (ran_at DESC);
