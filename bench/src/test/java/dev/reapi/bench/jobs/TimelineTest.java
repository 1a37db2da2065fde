package dev.reapi.bench.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void delays_startAfterReturn_isTheDifference() {
        long[] delays = Timeline.delays(Map.of("a", 100L), Map.of("a", 350L));

        assertThat(delays).containsExactly(250L);
    }

    @Test
    void delays_startBeforeSubmitReturned_countsAsZero() {
        long[] delays = Timeline.delays(Map.of("a", 500L), Map.of("a", 400L));

        assertThat(delays).containsExactly(0L);
    }

    @Test
    void delays_jobNeverStarted_isAnErrorNamingIt() {
        assertThatThrownBy(() -> Timeline.delays(Map.of("j1", 1L), Map.of()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("job j1 never started");
    }

    @Test
    void started_repeatedAttempt_keepsTheFirstStart() {
        var timeline = new Timeline(1);
        timeline.returned("a", 10);

        timeline.started("a", 20);
        timeline.started("a", 90);

        assertThat(timeline.submitToStart()).containsExactly(10L);
    }

    @Test
    void finished_outOfOrder_keepsTheLatestAndCountsDown() throws Exception {
        var timeline = new Timeline(2);

        timeline.finished(300);
        timeline.finished(200);

        assertThat(timeline.lastFinishNanos()).isEqualTo(300);
        assertThat(timeline.unfinished()).isZero();
        assertThat(timeline.awaitFinished(java.time.Duration.ZERO)).isTrue();
    }
}
