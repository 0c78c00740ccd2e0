-- The paper venue's journal: every order event it emitted (and every stop trigger), in order, with the id of the
-- input event (validated signal or tick) that caused it. The venue's state (orders, cash, holdings, brackets) is
-- rebuilt by replaying it; a redelivered input re-publishes its journaled events instead of trading again.
CREATE TABLE paper_journal (
    seq             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    input_event_id  uuid         NOT NULL,
    kind            varchar(20)  NOT NULL,
    order_id        varchar(64)  NOT NULL,
    envelope        text,
    recorded_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT paper_journal_kind_known CHECK (kind IN ('event', 'stop_triggered')),
    CONSTRAINT paper_journal_event_has_envelope CHECK (kind <> 'event' OR envelope IS NOT NULL)
);
CREATE INDEX idx_paper_journal_input ON paper_journal (input_event_id);
