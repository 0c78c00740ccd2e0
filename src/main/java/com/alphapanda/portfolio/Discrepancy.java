package com.alphapanda.portfolio;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A reconciliation discrepancy: a snapshot that drifted from the ledger beyond the tolerance ({@code drift}) or whose
 * checksum did not match its fields ({@code checksum_invalid}); {@code open} until resolved.
 */
public record Discrepancy(UUID id, UUID snapshotId, String portfolioId, String broker, String kind,
                          BigDecimal driftAbs, Object drift, String status, Instant detectedAt, Instant resolvedAt) {
}
