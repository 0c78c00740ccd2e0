package com.alphapanda.core.event;

/** Operator control of the platform; travels on {@code alpha-panda.control}, keyed by broker. */
public sealed interface ControlEvent extends EventPayload permits TradingStateChanged {
}
