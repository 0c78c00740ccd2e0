-- Exactly one of each job across instances (issue 13, item 4).

-- A scheduled snapshot is identified by portfolio + due time + type (its id is a name-based UUID of the same), so
-- the same due snapshot taken twice (by two instances, or again after a restart or a takeover) is stored once.
-- Duplicates stored before this migration keep the oldest row; their discrepancies and audit rows go with them.
CREATE TEMPORARY TABLE duplicate_snapshots ON COMMIT DROP AS
SELECT id FROM (
    SELECT id, row_number() OVER (PARTITION BY portfolio_id, snapshot_timestamp, snapshot_type
                                  ORDER BY created_at, id) AS n
    FROM pnl_snapshots) ranked
WHERE n > 1;
DELETE FROM reconciliation_actions WHERE discrepancy_id IN (
    SELECT d.id FROM reconciliation_discrepancies d JOIN duplicate_snapshots s ON s.id = d.snapshot_id);
DELETE FROM reconciliation_discrepancies WHERE snapshot_id IN (SELECT id FROM duplicate_snapshots);
DELETE FROM pnl_snapshots WHERE id IN (SELECT id FROM duplicate_snapshots);
CREATE UNIQUE INDEX pnl_snapshots_one_per_due ON pnl_snapshots (portfolio_id, snapshot_timestamp, snapshot_type);

-- Consumer-lag alerts, raised and cleared by the one instance that runs the lag-alert job; at most one active alert
-- per group and kind across the cluster, and its id is a name-based UUID of group + kind + raise time.
CREATE TABLE lag_alerts (
    id              uuid          PRIMARY KEY,
    consumer_group  varchar(255)  NOT NULL,
    kind            varchar(30)   NOT NULL,
    raised_at       timestamptz   NOT NULL,
    raised_detail   varchar(500)  NOT NULL,
    cleared_at      timestamptz,
    CONSTRAINT lag_alerts_kind_known CHECK (kind IN ('LAG_MESSAGES', 'LAG_SECONDS', 'GROUP_STATUS'))
);
CREATE UNIQUE INDEX lag_alerts_one_active ON lag_alerts (consumer_group, kind) WHERE cleared_at IS NULL;
CREATE INDEX idx_lag_alerts_cleared ON lag_alerts (cleared_at DESC) WHERE cleared_at IS NOT NULL;
