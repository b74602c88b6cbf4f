package org.scimengine.core.internal.bulk;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Which operations refer to which POSTs, and which of them sit on a cycle of references (RFC 7644 §3.7.1).
 * Nodes are operation indexes; an edge {@code a → b} means operation {@code a} refers to the bulkId of POST
 * {@code b}. Strongly connected components come from an iterative Tarjan walk, so a long chain of references
 * costs no stack.
 */
final class DependencyGraph {

    private final int[][] successors;
    private final int[] component;
    private final int[] componentSize;

    /** @param successors for each node, the nodes it refers to, each at most once */
    DependencyGraph(int[][] successors) {
        this.successors = successors.clone();
        int n = successors.length;
        this.component = new int[n];
        int components = tarjan();
        this.componentSize = new int[components];
        for (int c : component) {
            componentSize[c]++;
        }
    }

    int size() {
        return successors.length;
    }

    int[] successors(int node) {
        return successors[node].clone();
    }

    /** Whether a chain of references leads from the node back to itself. */
    boolean onCycle(int node) {
        if (componentSize[component[node]] > 1) {
            return true;
        }
        for (int next : successors[node]) {
            if (next == node) {
                return true;
            }
        }
        return false;
    }

    /**
     * A shortest cycle through the node, starting and ending with it ({@code [a, b, a]}; {@code [a, a]} for a
     * self-reference), found breadth-first inside the node's component.
     *
     * @throws IllegalArgumentException if the node is on no cycle
     */
    List<Integer> shortestCycle(int node) {
        if (!onCycle(node)) {
            throw new IllegalArgumentException("node " + node + " is on no cycle");
        }
        int[] previous = new int[successors.length];
        Arrays.fill(previous, -1);
        Deque<Integer> queue = new ArrayDeque<>();
        queue.add(node);
        while (!queue.isEmpty()) {
            int current = queue.poll();
            for (int next : successors[current]) {
                if (next == node) {
                    List<Integer> cycle = new ArrayList<>();
                    cycle.add(node);
                    for (int at = current; at != node; at = previous[at]) {
                        cycle.add(at);
                    }
                    cycle.add(node);
                    Collections.reverse(cycle);
                    return cycle;
                }
                if (component[next] == component[node] && previous[next] == -1) {
                    previous[next] = current;
                    queue.add(next);
                }
            }
        }
        throw new IllegalStateException("node " + node + " has a component of size "
                + componentSize[component[node]] + " but no cycle back to it");
    }

    /** Fills {@link #component} and returns how many components there are. */
    private int tarjan() {
        int n = successors.length;
        int[] order = new int[n];
        int[] low = new int[n];
        int[] nextEdge = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(order, -1);
        Deque<Integer> stack = new ArrayDeque<>();
        Deque<Integer> calls = new ArrayDeque<>();
        int counter = 0;
        int components = 0;
        for (int root = 0; root < n; root++) {
            if (order[root] != -1) {
                continue;
            }
            order[root] = counter;
            low[root] = counter;
            counter++;
            stack.push(root);
            onStack[root] = true;
            calls.push(root);
            while (!calls.isEmpty()) {
                int v = calls.peek();
                if (nextEdge[v] < successors[v].length) {
                    int w = successors[v][nextEdge[v]++];
                    if (order[w] == -1) {
                        order[w] = counter;
                        low[w] = counter;
                        counter++;
                        stack.push(w);
                        onStack[w] = true;
                        calls.push(w);
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                calls.pop();
                if (!calls.isEmpty()) {
                    int parent = calls.peek();
                    low[parent] = Math.min(low[parent], low[v]);
                }
                if (low[v] == order[v]) {
                    int w;
                    do {
                        w = stack.pop();
                        onStack[w] = false;
                        component[w] = components;
                    } while (w != v);
                    components++;
                }
            }
        }
        return components;
    }
}
