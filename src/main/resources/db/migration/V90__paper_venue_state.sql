-- The paper venue's durable state (docs/paper-trading.md "Several instances"): start-up reads open orders and
-- accounts from here instead of replaying paper_journal; every change is written in the listener batch's database
-- transaction, before its Kafka transaction commits.

-- Every input (validated signal, operator command) the venue acted on, once: a second delivery of the same event id
-- conflicts here. The source position tells a redelivery of the same record (its Kafka transaction aborted: the
-- journaled envelopes are published again) from a duplicate record (already published: nothing is re-published).
CREATE TABLE paper_inputs (
    input_event_id   uuid         PRIMARY KEY,
    source_topic     varchar(255) NOT NULL,
    source_partition integer      NOT NULL,
    source_offset    bigint       NOT NULL,
    recorded_at      timestamptz  NOT NULL DEFAULT now()
);

-- Cash per strategy at the venue, serialized by a row lock (SELECT ... FOR UPDATE in strategy order) in the batch's
-- database transaction: every instance that fills an order of the strategy locks and reads it first.
CREATE TABLE paper_accounts (
    strategy_id varchar(100) PRIMARY KEY,
    cash        numeric      NOT NULL,
    updated_at  timestamptz  NOT NULL DEFAULT now()
);

-- Holdings per strategy and instrument, written under the account's lock.
CREATE TABLE paper_holdings (
    strategy_id      varchar(100) NOT NULL REFERENCES paper_accounts (strategy_id),
    instrument_token bigint       NOT NULL,
    quantity         bigint       NOT NULL,
    PRIMARY KEY (strategy_id, instrument_token)
);

-- Every order, owned by the partition of its key (strategy_id:instrument_token) on paper.signals.validated. A change
-- is a conditional update on version: an order is filled, triggered, expired or cancelled at most once, whichever
-- instance tries. Finished orders stay for lookups and the journal; start-up reads only working orders and live
-- brackets of the partitions an instance is assigned. tick_offset: the offset of the last tick (in its instrument's
-- partition of market.ticks) matched against it, or read by its owner when it was placed: a new owner matches it from
-- the next tick on, reading the ticks in between again if its own tick consumer is past them. Amounts are unconstrained numeric: they read back with the scale they were
-- written with, so a restored order announces the same prices as before.
CREATE TABLE paper_orders (
    order_id         varchar(64)     PRIMARY KEY,
    signal_id        uuid            NOT NULL,
    role             varchar(5)      NOT NULL CHECK (role IN ('ENTRY', 'EXIT')),
    signal_partition integer         NOT NULL CHECK (signal_partition >= 0),
    strategy_id      varchar(100)    NOT NULL,
    instrument_token bigint          NOT NULL,
    side             varchar(4)      NOT NULL CHECK (side IN ('BUY', 'SELL')),
    quantity         bigint          NOT NULL CHECK (quantity > 0),
    reference_price  numeric,
    order_type       varchar(12)     NOT NULL,
    time_in_force    varchar(4)      NOT NULL,
    limit_price      numeric,
    stop_price       numeric,
    take_profit_pct  numeric,
    stop_loss_pct    numeric,
    placed_at        timestamptz     NOT NULL,
    expires_at       timestamptz     NOT NULL,
    filled           bigint          NOT NULL CHECK (filled >= 0),
    filled_cost      numeric         NOT NULL,
    last_fill_at     timestamptz,
    triggered        boolean         NOT NULL,
    status           varchar(20)     NOT NULL,
    bracket_live     boolean         NOT NULL,
    version          bigint          NOT NULL,
    tick_offset      bigint          NOT NULL,
    updated_at       timestamptz     NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX paper_orders_one_entry_per_signal ON paper_orders (signal_id) WHERE role = 'ENTRY';
CREATE INDEX paper_orders_live ON paper_orders (signal_partition)
    WHERE status IN ('OPEN', 'PARTIALLY_FILLED') OR bracket_live;

-- How far each instance's tick group has written the effects of ticks (only batches that changed something): a tick
-- at or below this offset that comes again to the same group had its effects committed here, and its journaled
-- envelopes (written_by the group) are published again instead of being matched a second time.
CREATE TABLE paper_tick_progress (
    consumer_group varchar(255) NOT NULL,
    tick_partition integer      NOT NULL,
    tick_offset    bigint       NOT NULL,
    PRIMARY KEY (consumer_group, tick_partition)
);

-- The journal now serves re-publication and audit only (looked up by input, never replayed at start-up). A tick's
-- rows name the tick group that wrote them and where it read the tick: several instances act on the same tick, each
-- for its own orders, and a new owner of an order re-publishes the rows of a dead instance whose group never
-- committed that tick's offset (its Kafka transaction did not commit).
ALTER TABLE paper_journal ADD COLUMN written_by varchar(255);
ALTER TABLE paper_journal ADD COLUMN tick_partition integer;
ALTER TABLE paper_journal ADD COLUMN tick_offset bigint;
CREATE INDEX idx_paper_journal_ticks_recent ON paper_journal (recorded_at) WHERE written_by IS NOT NULL;
CREATE INDEX idx_paper_journal_order ON paper_journal (order_id);
