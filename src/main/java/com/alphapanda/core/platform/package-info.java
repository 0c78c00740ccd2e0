/** Platform-wide configuration and start-up error reporting. */
package com.alphapanda.core.platform;
