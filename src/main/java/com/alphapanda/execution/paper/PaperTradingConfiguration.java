package com.alphapanda.execution.paper;

import com.alphapanda.core.event.Broker;
import com.alphapanda.core.id.EventId;
import com.alphapanda.core.platform.PlatformProperties;
import com.alphapanda.core.streaming.BatchProcessor;
import com.alphapanda.core.streaming.EventPublisher;
import com.alphapanda.core.topic.Topics;
import com.alphapanda.instrument.NseCalendar;
import com.alphapanda.monitoring.PipelineActivity;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the paper venue when the paper broker is enabled. */
@Configuration(proxyBeanMethods = false)
@Conditional(PaperTradingConfiguration.PaperEnabled.class)
class PaperTradingConfiguration {

    @Bean
    PaperTradingEngine paperTradingEngine(PaperTradingProperties properties, NseCalendar calendar, JdbcClient jdbc,
                                          DataSource dataSource, PlatformProperties platform,
                                          ConsumerFactory<Object, Object> kafkaConsumerFactory, Admin kafkaAdminClient) {
        PaperSettings settings = properties.settings();
        new JournalImport(jdbc, new TransactionTemplate(new JdbcTransactionManager(dataSource))).runIfNeeded(
                () -> new PaperVenue(settings, calendar, () -> EventId.next().asString()), settings,
                Topics.signalsValidated(Broker.PAPER));
        return new PaperTradingEngine(new PaperVenue(settings, calendar, () -> EventId.next().asString()),
                new PaperStore(jdbc), new PaperJournal(jdbc), settings, PaperTradingListeners.tickGroup(platform),
                new KafkaTickHistory(kafkaConsumerFactory, Duration.ofSeconds(30)),
                new TickGroupOffsets(kafkaAdminClient, Duration.ofSeconds(10))::committed);
    }

    @Bean
    PaperTradingListeners paperTradingListeners(PaperTradingEngine engine, EventPublisher publisher,
                                                BatchProcessor batches, PipelineActivity activity) {
        return new PaperTradingListeners(engine, publisher, batches, activity);
    }

    @Bean
    PaperOrderCommandListener paperOrderCommandListener(PaperTradingEngine engine, EventPublisher publisher,
                                                        BatchProcessor batches) {
        return new PaperOrderCommandListener(engine, publisher, batches);
    }

    /** True when {@code alpha-panda.brokers} includes {@code paper} (the default). */
    static final class PaperEnabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return Binder.get(context.getEnvironment()).bind("alpha-panda.brokers", Bindable.listOf(Broker.class))
                    .orElse(List.of(Broker.PAPER)).contains(Broker.PAPER);
        }
    }
}
