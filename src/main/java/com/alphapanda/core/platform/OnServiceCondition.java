package com.alphapanda.core.platform;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when the service named by {@link ConditionalOnService} runs on this instance. */
final class OnServiceCondition implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        var attributes = metadata.getAnnotationAttributes(ConditionalOnService.class.getName());
        Service service = (Service) attributes.get("value");
        boolean runs = (Boolean) attributes.get("runs");
        return Services.from(context.getEnvironment()).runs(service) == runs;
    }
}
