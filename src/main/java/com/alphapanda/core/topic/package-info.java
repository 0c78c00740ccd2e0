/** The typed topic catalogue and its provisioning on the cluster. */
package com.alphapanda.core.topic;
