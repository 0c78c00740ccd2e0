package com.alphapanda.monitoring;

import java.util.Collection;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Recognises the consumer groups of instances that no longer run. Some listeners read every partition on every
 * instance, in a group of their own named {@code <family>.<instance id>} (the portfolio's marks, the risk manager's
 * prices and trading state, the live stream, the probe). When an instance is retired (a container restarted under a
 * new host name, a scaled-down worker), its group stays on the broker with its committed offsets until the broker
 * expires them, and its lag would grow and raise alerts for nobody. Such a group, with no member, of a family this
 * code declares, named for another instance (or the family's bare name, once a shared group), is left out of the lag
 * report; this instance's own groups and every
 * shared group are always judged.
 */
final class RetiredInstanceGroups {

    private final Supplier<Collection<String>> declaredGroupIds;
    private final String ownInstanceId;
    private volatile Set<String> families;

    /**
     * @param declaredGroupIds the group ids of this instance's listeners (resolved, with this instance's id)
     * @param ownInstanceId    this instance's {@code alpha-panda.instance-id}
     */
    RetiredInstanceGroups(Supplier<Collection<String>> declaredGroupIds, String ownInstanceId) {
        this.declaredGroupIds = declaredGroupIds;
        this.ownInstanceId = ownInstanceId;
    }

    /**
     * True when the group is another instance's per-instance group, or the family's bare name (a shared group of an
     * earlier version, which no listener joins any more), and has no member.
     */
    boolean retired(String groupId, int members) {
        if (members > 0 || groupId.endsWith("." + ownInstanceId)) {
            return false;
        }
        return families().stream().anyMatch(family -> groupId.startsWith(family + ".") || groupId.equals(family));
    }

    private Set<String> families() {
        Set<String> known = families;
        if (known == null) {
            String suffix = "." + ownInstanceId;
            known = declaredGroupIds.get().stream().filter(id -> id != null && id.endsWith(suffix))
                    .map(id -> id.substring(0, id.length() - suffix.length())).collect(Collectors.toUnmodifiableSet());
            families = known;
        }
        return known;
    }
}
