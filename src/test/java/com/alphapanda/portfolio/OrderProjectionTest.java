package com.alphapanda.portfolio;

import static org.assertj.core.api.Assertions.assertThat;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.EventType;
import com.alphapanda.core.event.OrderFailed;
import com.alphapanda.core.event.OrderSubmitted;
import com.alphapanda.core.event.SampleEvents;
import com.alphapanda.core.money.Price;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The order view written a batch at a time, on a real PostgreSQL migrated to the current schema. */
class OrderProjectionTest {

    private static EmbeddedPostgres postgres;
    private static JdbcClient jdbc;

    @BeforeAll
    static void database() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load()
                .migrate();
        jdbc = JdbcClient.create(postgres.getPostgresDatabase());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void aBatchWithAnOrdersSubmissionAndFailureAndARedeliveredSubmissionWritesEachOrderOnce() {
        OrderProjection projection = new OrderProjection(jdbc);
        OrderSubmitted submitted = (OrderSubmitted) SampleEvents.sample(EventType.ORDER_SUBMITTED);
        OrderSubmitted other = new OrderSubmitted("ord-batch-2", submitted.signalId(), submitted.strategyId(),
                submitted.instrumentToken(), submitted.side(), submitted.quantity(), Price.of("2600"),
                submitted.instruction(), submitted.timestamp());
        OrderFailed sample = (OrderFailed) SampleEvents.sample(EventType.ORDER_FAILED);
        OrderFailed failed = new OrderFailed(submitted.orderId(), sample.strategyId(), sample.instrumentToken(),
                sample.side(), sample.quantity(), sample.price(), sample.reasonCode(), sample.errorMessage(),
                sample.timestamp());

        projection.recordSubmitted(List.of(recorded(submitted), recorded(other), recorded(other)));
        projection.recordFailed(List.of(recorded(failed), recorded(failed)));

        assertThat(jdbc.sql("SELECT count(*) FROM orders").query(Long.class).single()).isEqualTo(2);
        Map<String, Object> first = jdbc.sql("SELECT quantity, failure_code, failed_quantity, submitted_at IS NOT NULL"
                + " AS submitted FROM orders WHERE order_id = :id").param("id", submitted.orderId()).query().singleRow();
        assertThat(first).containsEntry("quantity", submitted.quantity().value())
                .containsEntry("failure_code", failed.reasonCode())
                .containsEntry("failed_quantity", failed.quantity().value()).containsEntry("submitted", true);
        assertThat(jdbc.sql("SELECT price FROM orders WHERE order_id = 'ord-batch-2'").query(BigDecimal.class)
                .single()).isEqualByComparingTo("2600");
    }

    private static <E> OrderProjection.Recorded<E> recorded(E event) {
        return new OrderProjection.Recorded<>(Broker.PAPER, event);
    }
}
