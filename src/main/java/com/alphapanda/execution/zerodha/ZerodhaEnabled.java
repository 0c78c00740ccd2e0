package com.alphapanda.execution.zerodha;

import com.alphapanda.core.event.Broker;
import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code alpha-panda.brokers} includes {@code zerodha}. */
public final class ZerodhaEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment()).bind("alpha-panda.brokers", Bindable.listOf(Broker.class))
                .orElse(List.of(Broker.PAPER)).contains(Broker.ZERODHA);
    }
}
