package com.alphapanda.portfolio;

import java.time.Instant;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * Writes a portfolio's read model to Redis only if it is not older than the one stored, in one Lua script (atomic in
 * Redis, whichever instance or thread writes). A read model's version is its ledger position first (the portfolio's
 * fill count, which only grows) and then the event time of the newest mark it uses: a view built from fewer fills, or
 * from the same fills with older marks, is refused. An equal version is written (a rebuild from the ledger repairs a
 * corrupted read model in place). Versions are kept in the hash {@code {broker}:portfolio-versions} (strategy id →
 * {@code fillCount:markMicros}); a wiped Redis loses them with the read models, and any rebuild is then accepted.
 */
final class ReadModelWriter {

    /** A read model's version. */
    record Version(long fillCount, Instant markedAt) {

        long markMicros() {
            return markedAt == null ? 0 : markedAt.getEpochSecond() * 1_000_000 + markedAt.getNano() / 1_000;
        }
    }

    private static final RedisScript<Long> WRITE_IF_NOT_OLDER = new DefaultRedisScript<>("""
            local current = redis.call('HGET', KEYS[3], ARGV[1])
            if current then
              local sep = string.find(current, ':', 1, true)
              local fills = tonumber(string.sub(current, 1, sep - 1))
              local marked = tonumber(string.sub(current, sep + 1))
              local newFills = tonumber(ARGV[2])
              local newMarked = tonumber(ARGV[3])
              if newFills < fills or (newFills == fills and newMarked < marked) then
                return 0
              end
            end
            redis.call('SET', KEYS[1], ARGV[4])
            redis.call('HSET', KEYS[2], ARGV[1], ARGV[5])
            redis.call('HSET', KEYS[3], ARGV[1], ARGV[2] .. ':' .. ARGV[3])
            return 1""", Long.class);

    private final StringRedisTemplate redis;

    ReadModelWriter(StringRedisTemplate redis) {
        this.redis = redis;
    }

    static String versionKey(PortfolioKey key) {
        return key.broker().id() + ":portfolio-versions";
    }

    /** Writes the view and its summary unless a newer version is stored; true when written. */
    boolean write(PortfolioKey key, Version version, String viewJson, String summaryJson) {
        Long written = redis.execute(WRITE_IF_NOT_OLDER,
                List.of(key.redisKey(), PortfolioKey.summaryKey(key.broker()), versionKey(key)),
                key.strategyId().value(), Long.toString(version.fillCount()), Long.toString(version.markMicros()),
                viewJson, summaryJson);
        return written != null && written == 1L;
    }
}
