package com.alphapanda.risk;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.event.Envelope;
import com.alphapanda.core.event.TradingState;
import com.alphapanda.core.event.TradingStateChanged;
import com.alphapanda.core.streaming.Envelopes;
import com.alphapanda.core.streaming.EventOrBytesSerializer;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.embedded.EmbeddedInfrastructure;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code alpha-panda trading halt|reduce|resume}: changes a broker's trading state in PostgreSQL (with who/when/why
 * in the history) through a minimal context configured exactly as the platform (the embedded PostgreSQL on the data
 * directory unless {@code spring.datasource.url} is set), then publishes {@code TradingStateChanged} on
 * {@code alpha-panda.control} when {@code spring.kafka.bootstrap-servers} is set. Running instances apply the event
 * at once and re-read the table every second, so the change takes effect within a second either way.
 */
public final class TradingStateCommands {

    private TradingStateCommands() {
    }

    /** Changes the state; returns what was done, for the user. */
    public static List<String> change(String[] springArgs, Broker broker, TradingState state, String reason,
                                      String changedBy) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CommandContext.class)
                .web(WebApplicationType.NONE)
                .properties(EmbeddedInfrastructure.SERVERS_PROPERTY + "=postgres", "logging.level.root=WARN",
                        "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=OFF")
                .run(springArgs)) {
            DataSource dataSource = context.getBean(DataSource.class);
            TradingStateStore store = new TradingStateStore(JdbcClient.create(dataSource),
                    new TransactionTemplate(new JdbcTransactionManager(dataSource)));
            TradingStateChanged changed = store.change(broker, state, reason, changedBy, Clock.systemUTC().instant());
            List<String> lines = new ArrayList<>();
            lines.add("Trading state of " + broker.id() + ": " + changed.previousState() + " -> " + state
                    + " (by " + changedBy + ": " + reason + ")");
            String bootstrap = context.getEnvironment().getProperty("spring.kafka.bootstrap-servers");
            lines.add(bootstrap == null
                    ? "Not published (no spring.kafka.bootstrap-servers): instances apply it from the database within a second."
                    : publish(bootstrap, changed));
            return lines;
        }
    }

    private static String publish(String bootstrap, TradingStateChanged changed) {
        Envelope<TradingStateChanged> envelope = Envelopes.root(Topics.CONTROL, changed, "cli");
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config, new StringSerializer(),
                new EventOrBytesSerializer())) {
            producer.send(new ProducerRecord<>(Topics.CONTROL.name(), envelope.key(), envelope))
                    .get(30, TimeUnit.SECONDS);
            return "Published on " + Topics.CONTROL.name() + " (event " + envelope.id() + ").";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "Not published (interrupted): instances apply it from the database within a second.";
        } catch (ExecutionException | TimeoutException e) {
            return "Not published (" + e.getMessage() + "): instances apply it from the database within a second.";
        }
    }

    /** Only the datasource; deliberately not a {@code @Configuration}, so the platform's scan ignores it. */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class})
    static class CommandContext {
    }
}
