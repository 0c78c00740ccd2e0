/** The JSON mapping of events. */
package com.alphapanda.core.json;
