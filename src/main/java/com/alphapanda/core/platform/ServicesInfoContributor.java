package com.alphapanda.core.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

/** Reports in {@code /actuator/info} which instance this is and which services it runs. */
final class ServicesInfoContributor implements InfoContributor {

    private final Services services;
    private final String instanceId;

    ServicesInfoContributor(Services services, String instanceId) {
        this.services = services;
        this.instanceId = instanceId;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> instance = new LinkedHashMap<>();
        instance.put("id", instanceId);
        instance.put("services", services.ids());
        builder.withDetail("instance", instance);
    }
}
