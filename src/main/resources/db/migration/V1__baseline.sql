-- Baseline schema of Alpha Panda: static configuration (strategies, instruments, trading state, API tokens).
-- Amounts are NUMERIC, times timestamptz, ids uuid where the platform generates them.

CREATE TABLE strategy_configurations (
    id              varchar(100) PRIMARY KEY,
    strategy_type   varchar(50)  NOT NULL,
    instruments     jsonb        NOT NULL DEFAULT '[]'::jsonb,
    parameters      jsonb        NOT NULL DEFAULT '{}'::jsonb,
    is_active       boolean      NOT NULL DEFAULT true,
    -- brokers this strategy trades on; several at once is allowed (the original allowed one)
    target_brokers  text[]       NOT NULL DEFAULT ARRAY['paper']::text[],
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT strategy_configurations_instruments_is_array CHECK (jsonb_typeof(instruments) = 'array'),
    CONSTRAINT strategy_configurations_parameters_is_object CHECK (jsonb_typeof(parameters) = 'object'),
    CONSTRAINT strategy_configurations_brokers_known CHECK (target_brokers <@ ARRAY['paper', 'zerodha']::text[])
);
CREATE INDEX idx_strategy_configurations_active ON strategy_configurations (is_active);

CREATE TABLE instruments (
    instrument_token bigint        PRIMARY KEY,
    exchange_token   bigint        NOT NULL DEFAULT 0,
    tradingsymbol    varchar(50)   NOT NULL,
    name             varchar(200)  NOT NULL DEFAULT '',
    exchange         varchar(10)   NOT NULL,
    segment          varchar(20),
    instrument_type  varchar(10),
    last_price       numeric(15, 4),
    tick_size        numeric(10, 4),
    lot_size         integer,
    expiry           date,
    strike           numeric(15, 4),
    is_active        boolean       NOT NULL DEFAULT true,
    source_file      varchar(255),
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX idx_instruments_symbol_exchange ON instruments (tradingsymbol, exchange);
CREATE INDEX idx_instruments_exchange_type ON instruments (exchange, instrument_type);
CREATE INDEX idx_instruments_expiry ON instruments (expiry);

CREATE TABLE instrument_registry (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    instrument_token bigint       NOT NULL UNIQUE REFERENCES instruments (instrument_token) ON DELETE CASCADE,
    tradingsymbol    varchar(50)  NOT NULL,
    exchange         varchar(10)  NOT NULL,
    is_subscribed    boolean      NOT NULL DEFAULT true,
    priority         integer      NOT NULL DEFAULT 100,
    added_at         timestamptz  NOT NULL DEFAULT now(),
    added_by         varchar(100) NOT NULL DEFAULT 'system',
    notes            varchar(500)
);
CREATE INDEX idx_instrument_registry_subscribed ON instrument_registry (is_subscribed, priority);

-- The current trading state per broker (ACTIVE, HALTED, REDUCING) and who set it, when and why.
CREATE TABLE trading_state (
    broker      varchar(20)  PRIMARY KEY,
    state       varchar(10)  NOT NULL DEFAULT 'ACTIVE',
    reason      varchar(500) NOT NULL DEFAULT 'initial state',
    changed_by  varchar(100) NOT NULL DEFAULT 'system',
    changed_at  timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT trading_state_broker_known CHECK (broker IN ('paper', 'zerodha')),
    CONSTRAINT trading_state_state_known CHECK (state IN ('ACTIVE', 'HALTED', 'REDUCING'))
);

-- API bearer tokens: only a SHA-256 hash of the token is stored; the token itself is shown once at creation.
CREATE TABLE api_tokens (
    id            uuid         PRIMARY KEY,
    name          varchar(100) NOT NULL,
    token_hash    char(64)     NOT NULL UNIQUE,
    role          varchar(10)  NOT NULL,
    created_at    timestamptz  NOT NULL DEFAULT now(),
    expires_at    timestamptz,
    revoked_at    timestamptz,
    last_used_at  timestamptz,
    CONSTRAINT api_tokens_role_known CHECK (role IN ('viewer', 'operator', 'admin'))
);
CREATE INDEX idx_api_tokens_active ON api_tokens (revoked_at, expires_at);
