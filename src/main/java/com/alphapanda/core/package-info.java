/**
 * Shared kernel: money and identifier types, the event envelope with its sealed payload families, the typed topic
 * catalogue and the streaming glue (serde, publisher, correlation context). Nothing here knows a feature.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package com.alphapanda.core;

import org.springframework.modulith.ApplicationModule;
