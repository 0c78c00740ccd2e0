package com.alphapanda.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RetiredInstanceGroupsTest {

    private final RetiredInstanceGroups groups = new RetiredInstanceGroups(() -> List.of(
            "alpha-panda.portfolio-manager.orders", "alpha-panda.portfolio-manager.ticks.host-a-1",
            "alpha-panda.api-stream.host-a-1"), "host-a-1");

    @Test
    void anotherInstancesPerInstanceGroupWithoutMembersIsRetired() {
        assertThat(groups.retired("alpha-panda.portfolio-manager.ticks.old-container-1", 0)).isTrue();
        assertThat(groups.retired("alpha-panda.api-stream.old-container-1", 0)).isTrue();
    }

    @Test
    void theFormerSharedGroupOfAFamilyThatIsNowPerInstanceIsRetiredOnceEmpty() {
        assertThat(groups.retired("alpha-panda.portfolio-manager.ticks", 0)).isTrue();
        assertThat(groups.retired("alpha-panda.portfolio-manager.ticks", 2)).isFalse();
    }

    @Test
    void aPerInstanceGroupWithAMemberIsAnotherRunningInstanceAndJudged() {
        assertThat(groups.retired("alpha-panda.portfolio-manager.ticks.host-b-1", 1)).isFalse();
    }

    @Test
    void thisInstancesOwnGroupIsJudgedEvenWhileItHasNoMember() {
        assertThat(groups.retired("alpha-panda.portfolio-manager.ticks.host-a-1", 0)).isFalse();
    }

    @Test
    void aSharedGroupWithoutMembersIsJudgedBecauseItsWorkIsNotDone() {
        assertThat(groups.retired("alpha-panda.portfolio-manager.orders", 0)).isFalse();
        assertThat(groups.retired("alpha-panda.portfolio-manager.orders.something", 0)).isFalse();
    }
}
