/** Streaming glue: envelope serde, publishing, correlation in logs, Kafka health and topic provisioning wiring. */
package com.alphapanda.core.streaming;
