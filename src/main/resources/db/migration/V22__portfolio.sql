-- Portfolio manager: the fills ledger (each fill applied exactly once, by fill id), positions and accounts per
-- broker and strategy, and the order projection served by GET /api/v1/orders. Amounts are exact NUMERIC.

CREATE TABLE portfolio_accounts (
    broker         varchar(20)     NOT NULL,
    strategy_id    varchar(100)    NOT NULL,
    starting_cash  numeric(24, 10) NOT NULL,
    cash           numeric(30, 10) NOT NULL,
    realized_pnl   numeric(30, 10) NOT NULL DEFAULT 0,
    fees           numeric(24, 10) NOT NULL DEFAULT 0,
    fill_count     bigint          NOT NULL DEFAULT 0,
    last_fill_id   varchar(64),
    updated_at     timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (broker, strategy_id)
);

CREATE TABLE positions (
    broker            varchar(20)     NOT NULL,
    strategy_id       varchar(100)    NOT NULL,
    instrument_token  bigint          NOT NULL,
    quantity          bigint          NOT NULL,
    cost_basis        numeric(30, 10) NOT NULL,
    realized_pnl      numeric(30, 10) NOT NULL DEFAULT 0,
    fees              numeric(24, 10) NOT NULL DEFAULT 0,
    last_price        numeric(20, 10),
    last_price_at     timestamptz,
    updated_at        timestamptz     NOT NULL DEFAULT now(),
    PRIMARY KEY (broker, strategy_id, instrument_token)
);

CREATE TABLE fills (
    fill_id           varchar(64)     PRIMARY KEY,
    broker            varchar(20)     NOT NULL,
    strategy_id       varchar(100)    NOT NULL,
    instrument_token  bigint          NOT NULL,
    order_id          varchar(64)     NOT NULL,
    side              varchar(4)      NOT NULL,
    quantity          bigint          NOT NULL,
    price             numeric(20, 10) NOT NULL,
    fees              numeric(24, 10) NOT NULL,
    realized_pnl      numeric(30, 10) NOT NULL,
    event_time        timestamptz     NOT NULL,
    trade_date        date            NOT NULL,
    event_id          uuid            NOT NULL,
    applied_at        timestamptz     NOT NULL DEFAULT now(),
    CONSTRAINT fills_side_known CHECK (side IN ('BUY', 'SELL')),
    CONSTRAINT fills_quantity_positive CHECK (quantity > 0)
);
CREATE INDEX idx_fills_portfolio_day ON fills (broker, strategy_id, trade_date);
CREATE INDEX idx_fills_order ON fills (order_id);

CREATE TABLE orders (
    order_id          varchar(64)     PRIMARY KEY,
    broker            varchar(20)     NOT NULL,
    strategy_id       varchar(100)    NOT NULL,
    instrument_token  bigint          NOT NULL,
    side              varchar(4)      NOT NULL,
    signal_id         uuid,
    quantity          bigint,
    price             numeric(20, 10),
    order_type        varchar(12),
    time_in_force     varchar(4),
    filled_quantity   bigint          NOT NULL DEFAULT 0,
    failure_code      varchar(50),
    failure_message   varchar(500),
    failed_quantity   bigint,
    submitted_at      timestamptz,
    updated_at        timestamptz     NOT NULL
);
CREATE INDEX idx_orders_recent ON orders (broker, strategy_id, updated_at DESC);
