package com.alphapanda.core.event;

/** How long an order may rest: for the trading day, immediate-or-cancel, fill-or-kill. */
public enum TimeInForce {
    DAY, IOC, FOK
}
