package com.alphapanda.embedded;

import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.stereotype.Component;

/** Reports in {@code /actuator/info} where each embedded server listens and keeps its data. */
@Component
class EmbeddedServersInfoContributor implements InfoContributor {

    private final ObjectProvider<EmbeddedServers> servers;

    EmbeddedServersInfoContributor(ObjectProvider<EmbeddedServers> servers) {
        this.servers = servers;
    }

    @Override
    public void contribute(Info.Builder builder) {
        EmbeddedServers embedded = servers.getIfAvailable();
        builder.withDetail("embedded", embedded == null ? Map.of() : embedded.describe());
    }
}
