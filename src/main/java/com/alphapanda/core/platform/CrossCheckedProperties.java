package com.alphapanda.core.platform;

/**
 * A configuration record whose validity depends on platform-wide settings (e.g. on the environment). Checked with
 * all other configuration before anything starts; a violation is an {@link InvalidConfigurationException}.
 */
public interface CrossCheckedProperties {

    void check(PlatformProperties platform);
}
