-- Risk manager: what each decision needs for the in-flight exposure (docs/risk.md, "In flight"). A validated signal
-- is in flight until its order (the portfolio's order view, linked by the validated signal's event id) is filled,
-- failed, cancelled or expired.
ALTER TABLE risk_decisions
    ADD COLUMN decision_id      uuid,
    ADD COLUMN instrument_token bigint,
    ADD COLUMN side             varchar(4),
    ADD COLUMN quantity         bigint,
    ADD COLUMN reference_price  numeric(20, 10),
    ADD COLUMN signal_time      timestamptz,
    -- the validated signal's order ended (filled, failed, cancelled or expired): set by the risk manager when it
    -- finds so, after which the in-flight read skips the row
    ADD COLUMN settled          boolean NOT NULL DEFAULT false,
    ADD CONSTRAINT risk_decisions_side_known CHECK (side IN ('BUY', 'SELL'));

-- Recent validated decisions (the only ones that can still be in flight) get the columns from their stored envelope.
UPDATE risk_decisions
SET decision_id      = (envelope::jsonb ->> 'id')::uuid,
    instrument_token = (envelope::jsonb #>> '{payload,original_signal,instrument_token}')::bigint,
    side             = envelope::jsonb #>> '{payload,original_signal,signal_type}',
    quantity         = (envelope::jsonb #>> '{payload,validated_quantity}')::bigint,
    reference_price  = (envelope::jsonb #>> '{payload,validated_price}')::numeric,
    signal_time      = (envelope::jsonb #>> '{payload,original_signal,timestamp}')::timestamptz
WHERE validated AND trade_date >= current_date - 10;

CREATE INDEX idx_risk_decisions_in_flight ON risk_decisions (broker, strategy_id, signal_time)
    WHERE validated AND NOT settled;

-- The orders of a validated signal, looked up by its event id.
CREATE INDEX idx_orders_signal ON orders (signal_id) WHERE signal_id IS NOT NULL;
