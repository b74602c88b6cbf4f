package org.scimengine.core.internal.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DependencyGraphTest {

    @Test
    void aChainHasNoCycle() {
        DependencyGraph graph = new DependencyGraph(new int[][] {{1}, {2}, {}});

        assertThat(List.of(graph.onCycle(0), graph.onCycle(1), graph.onCycle(2))).containsOnly(false);
        assertThatThrownBy(() -> graph.shortestCycle(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theShortestCycleThroughANodeIsFoundInsideItsComponent() {
        // 0 -> 1 -> 2 -> 0 and 0 -> 3 -> 4 -> 5 -> 0; 6 -> 0 sits behind the cycles.
        DependencyGraph graph = new DependencyGraph(new int[][] {{3, 1}, {2}, {0}, {4}, {5}, {0}, {0}});

        assertThat(graph.shortestCycle(0)).containsExactly(0, 1, 2, 0);
        assertThat(graph.shortestCycle(4)).containsExactly(4, 5, 0, 3, 4);
        assertThat(graph.onCycle(6)).isFalse();
    }

    @Test
    void aSelfReferenceIsACycleOfOne() {
        DependencyGraph graph = new DependencyGraph(new int[][] {{0}, {0}});

        assertThat(graph.shortestCycle(0)).containsExactly(0, 0);
        assertThat(graph.onCycle(1)).isFalse();
    }

    @Test
    void aVeryLongChainAndAVeryLongCycleCostNoStack() {
        int n = 200_000;
        int[][] chain = new int[n][];
        int[][] ring = new int[n][];
        for (int i = 0; i < n; i++) {
            chain[i] = i + 1 < n ? new int[] {i + 1} : new int[0];
            ring[i] = new int[] {(i + 1) % n};
        }

        assertThat(new DependencyGraph(chain).onCycle(0)).isFalse();
        DependencyGraph cycle = new DependencyGraph(ring);
        assertThat(cycle.onCycle(n - 1)).isTrue();
        assertThat(cycle.shortestCycle(0)).hasSize(n + 1).startsWith(0, 1).endsWith(n - 1, 0);
    }
}
