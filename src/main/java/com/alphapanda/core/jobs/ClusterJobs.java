package com.alphapanda.core.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster-wide jobs of this instance, each a PostgreSQL session-level advisory lock
 * ({@code pg_try_advisory_lock(1095781954, hashtext(name))}) held on one dedicated connection. Every
 * {@code checkInterval} a daemon thread re-checks: while the connection is valid the locks it holds are still held
 * (a session keeps its advisory locks until it ends); a job not owned is tried again; when the connection is lost
 * every job is given up at once and a new connection is opened. When an instance dies its session ends, PostgreSQL
 * releases its locks, and another instance takes each job over at its next check. Between the death of a session
 * and its owner noticing (at most one interval) two instances may both run a job: job outputs therefore carry
 * deterministic ids, so a duplicate is recognised and stored once.
 */
public final class ClusterJobs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);
    /** The advisory-lock class id of Alpha Panda's jobs ("APJB"). */
    static final int LOCK_CLASS = 0x41504A42;
    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Map<String, ClusterJob> jobs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService checker;
    private Connection connection;
    private boolean closed;

    public ClusterJobs(DataSource dataSource, Duration checkInterval) {
        this.dataSource = dataSource;
        this.checker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cluster-jobs");
            t.setDaemon(true);
            return t;
        });
        long millis = checkInterval.toMillis();
        checker.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** The job of this name, tried at once (so a single instance owns its jobs before its listeners start). */
    public ClusterJob job(String name) {
        ClusterJob job = jobs.computeIfAbsent(name, ClusterJob::new);
        check();
        return job;
    }

    /** The jobs of this instance, by name. */
    public List<ClusterJob> jobs() {
        return jobs.values().stream().sorted(java.util.Comparator.comparing(ClusterJob::name)).toList();
    }

    /** Re-checks the connection and tries every job not owned. */
    public synchronized void check() {
        if (closed) {
            return;
        }
        try {
            Connection c = connection();
            if (!c.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                throw new SQLException("the job-lock connection is no longer valid");
            }
            for (ClusterJob job : jobs.values()) {
                if (!job.owned() && tryLock(c, job.name())) {
                    job.acquired();
                    log.info("This instance now runs the cluster job {}", job.name());
                }
            }
        } catch (SQLException e) {
            loseAll(e);
        }
    }

    /** Gives every job up (closing the connection releases the locks at once) and stops checking. */
    @Override
    public synchronized void close() {
        closed = true;
        checker.shutdownNow();
        jobs.values().forEach(ClusterJob::lost);
        if (connection != null) {
            try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock_all()")) {
                s.execute(); // a pooled connection outlives close(): its session must not keep the locks
            } catch (SQLException e) {
                log.debug("Releasing the job locks failed: {}", e.getMessage());
            }
        }
        closeConnection();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private static boolean tryLock(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            s.setInt(1, LOCK_CLASS);
            s.setString(2, name);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private void loseAll(SQLException cause) {
        boolean owned = jobs.values().stream().anyMatch(ClusterJob::owned);
        jobs.values().forEach(ClusterJob::lost);
        closeConnection();
        if (owned) {
            log.warn("Lost the job-lock connection ({}): this instance runs no cluster job until it holds a lock "
                    + "again", cause.getMessage());
        } else {
            log.debug("Job-lock connection unavailable: {}", cause.getMessage());
        }
    }

    private void closeConnection() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Closing the job-lock connection failed: {}", e.getMessage());
            }
            connection = null;
        }
    }
}
