package com.alphapanda.core.event;

/** Portfolio accounting; travels on {@code {broker}.pnl.snapshots}, keyed by portfolio id. */
public sealed interface PnlEvent extends EventPayload permits PnlSnapshot {
}
