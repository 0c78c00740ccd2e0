-- Risk manager: every trading-state change (who, when, why) and every risk decision, keyed by the signal event id.

CREATE TABLE trading_state_history (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    broker          varchar(20)  NOT NULL,
    state           varchar(10)  NOT NULL,
    previous_state  varchar(10)  NOT NULL,
    reason          varchar(500) NOT NULL,
    changed_by      varchar(100) NOT NULL,
    changed_at      timestamptz  NOT NULL,
    CONSTRAINT trading_state_history_broker_known CHECK (broker IN ('paper', 'zerodha')),
    CONSTRAINT trading_state_history_state_known CHECK (state IN ('ACTIVE', 'HALTED', 'REDUCING'))
);
CREATE INDEX idx_trading_state_history_broker ON trading_state_history (broker, changed_at DESC);

-- One row per raw signal decided. A redelivered signal (its Kafka transaction aborted after this row committed)
-- re-publishes the recorded decision instead of deciding again; validated rows count towards the daily trade limit.
CREATE TABLE risk_decisions (
    signal_id    uuid         PRIMARY KEY,
    broker       varchar(20)  NOT NULL,
    strategy_id  varchar(100) NOT NULL,
    trade_date   date         NOT NULL,
    validated    boolean      NOT NULL,
    envelope     text         NOT NULL,
    decided_at   timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX idx_risk_decisions_daily ON risk_decisions (broker, strategy_id, trade_date) WHERE validated;
