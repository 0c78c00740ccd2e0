-- PnL snapshots and reconciliation (docs/reconciliation.md).

-- The fills ledger gets an explicit per-portfolio position: the n-th fill applied to a portfolio has ledger_seq n
-- (assigned under the account row lock, so it is exactly the account's fill_count after that fill). Snapshots name
-- the ledger position they reflect by this count.
ALTER TABLE fills ADD COLUMN ledger_seq bigint;
UPDATE fills f SET ledger_seq = o.seq
FROM (SELECT fill_id, row_number() OVER (PARTITION BY broker, strategy_id ORDER BY applied_at, fill_id) AS seq
      FROM fills) o
WHERE f.fill_id = o.fill_id;
CREATE UNIQUE INDEX idx_fills_ledger_seq ON fills (broker, strategy_id, ledger_seq);

-- The seed's table (item 1.1). Amounts are numeric(30, 10) rather than the seed's DECIMAL(20,8): the ledger carries
-- 10 decimals, and the stored fields must reproduce the checksum exactly.
CREATE TABLE pnl_snapshots (
    id                    uuid            PRIMARY KEY,
    portfolio_id          varchar(255)    NOT NULL,
    broker                varchar(50)     NOT NULL,
    snapshot_timestamp    timestamptz     NOT NULL,
    total_realized_pnl    numeric(30, 10) NOT NULL,
    total_unrealized_pnl  numeric(30, 10) NOT NULL,
    total_pnl             numeric(30, 10) NOT NULL,
    position_data         jsonb           NOT NULL,
    cash_balance          numeric(30, 10) NOT NULL,
    snapshot_type         varchar(50)     NOT NULL DEFAULT 'periodic',
    checksum              varchar(64)     NOT NULL,
    validation_status     varchar(50)     NOT NULL DEFAULT 'pending',
    created_at            timestamptz     NOT NULL DEFAULT now(),
    fees                  numeric(30, 10) NOT NULL,
    ledger_fill_count     bigint          NOT NULL,
    ledger_last_fill_id   varchar(64),
    drift_abs             numeric(30, 10),
    drift                 jsonb,
    CONSTRAINT pnl_snapshots_type_known CHECK (snapshot_type IN ('periodic', 'end_of_day', 'reconciliation')),
    CONSTRAINT pnl_snapshots_status_known
        CHECK (validation_status IN ('pending', 'reconciled', 'discrepancy', 'checksum_invalid'))
);
CREATE INDEX idx_pnl_snapshots_portfolio_time ON pnl_snapshots (portfolio_id, snapshot_timestamp DESC);
CREATE INDEX idx_pnl_snapshots_broker ON pnl_snapshots (broker);

CREATE TABLE reconciliation_discrepancies (
    id               uuid            PRIMARY KEY,
    snapshot_id      uuid            NOT NULL UNIQUE REFERENCES pnl_snapshots (id),
    portfolio_id     varchar(255)    NOT NULL,
    broker           varchar(50)     NOT NULL,
    kind             varchar(30)     NOT NULL,
    drift_abs        numeric(30, 10),
    drift            jsonb,
    status           varchar(20)     NOT NULL DEFAULT 'open',
    detected_at      timestamptz     NOT NULL DEFAULT now(),
    resolved_at      timestamptz,
    CONSTRAINT discrepancies_kind_known CHECK (kind IN ('drift', 'checksum_invalid')),
    CONSTRAINT discrepancies_status_known CHECK (status IN ('open', 'resolved'))
);
CREATE INDEX idx_discrepancies_status ON reconciliation_discrepancies (status, detected_at);

CREATE TABLE reconciliation_actions (
    id               uuid            PRIMARY KEY,
    discrepancy_id   uuid            NOT NULL REFERENCES reconciliation_discrepancies (id),
    portfolio_id     varchar(255)    NOT NULL,
    action           varchar(50)     NOT NULL,
    actor            varchar(200)    NOT NULL,
    note             varchar(2000)   NOT NULL,
    detail           jsonb           NOT NULL,
    performed_at     timestamptz     NOT NULL DEFAULT now()
);
CREATE INDEX idx_reconciliation_actions_discrepancy ON reconciliation_actions (discrepancy_id);
