package com.alphapanda.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.alphapanda.core.event.Broker;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.kafka.annotation.KafkaListener;

/** {@code alpha-panda.services}: parsing, refusals in one line, and which listener belongs to which service. */
class ServicesTest {

    private static final List<Broker> PAPER = List.of(Broker.PAPER);

    @Test
    void allIsEveryServiceWithTheTradingEngineOfEachEnabledBroker() {
        assertThat(Services.parse(List.of("all"), PAPER).ids()).containsExactly("feed", "strategies", "risk",
                "paper-trading", "portfolio", "reconciliation", "monitoring", "api");
        assertThat(Services.parse(List.of("all"), List.of(Broker.PAPER, Broker.ZERODHA)).ids())
                .contains("paper-trading", "zerodha-trading");
    }

    @Test
    void namesAreReadCaseInsensitivelyIgnoringBlanks() {
        Services services = Services.parse(List.of(" Risk", "", "PAPER-TRADING "), PAPER);
        assertThat(services.ids()).containsExactly("risk", "paper-trading");
        assertThat(services.runs(Service.RISK)).isTrue();
        assertThat(services.runs(Service.STRATEGIES)).isFalse();
    }

    @Test
    void anUnknownNameIsOneLineNamingItAndTheAllowedNames() {
        assertThatThrownBy(() -> Services.parse(List.of("risk", "strategy"), PAPER))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("invalid configuration: alpha-panda.services='strategy' is not allowed; expected service "
                        + "names from all, feed, strategies, risk, paper-trading, zerodha-trading, portfolio, "
                        + "reconciliation, monitoring, api");
    }

    @Test
    void theTradingEngineOfABrokerThatIsNotEnabledIsRefused() {
        assertThatThrownBy(() -> Services.parse(List.of("zerodha-trading"), PAPER))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("needs alpha-panda.brokers to include zerodha");
    }

    @Test
    void anEmptySelectionIsRefused() {
        assertThatThrownBy(() -> Services.parse(List.of(" "), PAPER))
                .isInstanceOf(InvalidConfigurationException.class).hasMessageContaining("at least one of all");
    }

    @Test
    void theStartUpCheckRefusesAnUnknownServiceBeforeAnythingStarts() {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("alpha-panda.services", "feed,portfolio,bogus")));
        assertThatThrownBy(() -> ConfigurationChecks.validateAll(env))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("invalid configuration: alpha-panda.services='bogus' is not allowed");
        assertThat(Services.from(new StandardEnvironment()).ids()).contains("feed", "api");

        StandardEnvironment valid = new StandardEnvironment();
        valid.getPropertySources().addFirst(new MapPropertySource("test", Map.of("alpha-panda.services", "feed,api")));
        ConfigurationChecks.validateAll(valid); // a known property, accepted
        assertThat(Services.from(valid).ids()).containsExactly("feed", "api");
    }

    @Test
    void eachListenerBelongsToTheServiceNamedByItsIdPrefix() {
        assertThat(Service.ofListener("strategy-runner")).contains(Service.STRATEGIES);
        assertThat(Service.ofListener("risk-manager.signals")).contains(Service.RISK);
        assertThat(Service.ofListener("paper-trading.commands")).contains(Service.PAPER_TRADING);
        assertThat(Service.ofListener("zerodha-trading.signals")).contains(Service.ZERODHA_TRADING);
        assertThat(Service.ofListener("portfolio-manager.ticks")).contains(Service.PORTFOLIO);
        assertThat(Service.ofListener("reconciliation.snapshots")).contains(Service.RECONCILIATION);
        assertThat(Service.ofListener("dead-letter-indexer")).contains(Service.MONITORING);
        assertThat(Service.ofListener("monitoring.probe")).contains(Service.MONITORING);
        Services riskOnly = Services.parse(List.of("risk"), PAPER);
        assertThat(riskOnly.runsListener("risk-manager.ticks")).isTrue();
        assertThat(riskOnly.runsListener("strategy-runner")).isFalse();
    }

    @Test
    void everyKafkaListenerOfThePlatformHasAnIdThatAServiceClaims() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.alphapanda");
        List<JavaMethod> listeners = classes.stream().flatMap(c -> c.getMethods().stream())
                .filter(m -> m.isAnnotatedWith(KafkaListener.class)).toList();
        assertThat(listeners).hasSizeGreaterThan(10);
        for (JavaMethod method : listeners) {
            String id = method.getAnnotationOfType(KafkaListener.class).id();
            assertThat(id).as("id of %s", method.getFullName()).isNotBlank();
            assertThat(Service.ofListener(id)).as("service of listener %s", id).isPresent();
        }
    }
}
