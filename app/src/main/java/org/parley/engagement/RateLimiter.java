package org.parley.engagement;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per participant, in memory: a burst of {@code capacity} actions, then
 * {@code perSecond} a second. Enough to stop one participant flooding a consultation; per node.
 */
final class RateLimiter {

    private final double capacity;
    private final double perSecond;
    private final ConcurrentHashMap<Long, double[]> buckets = new ConcurrentHashMap<>();

    RateLimiter(double capacity, double perSecond) {
        this.capacity = capacity;
        this.perSecond = perSecond;
    }

    /** Takes one token for the key; false when the bucket is empty. */
    boolean tryAcquire(long key, long nowNanos) {
        if (buckets.size() > 1_000_000) {
            buckets.clear(); // bound memory; a cleared bucket only forgives
        }
        double[] b = buckets.computeIfAbsent(key, k -> new double[] {capacity, nowNanos});
        synchronized (b) {
            double elapsed = (nowNanos - b[1]) / 1e9;
            b[0] = Math.min(capacity, b[0] + Math.max(0, elapsed) * perSecond);
            b[1] = nowNanos;
            if (b[0] >= 1) {
                b[0] -= 1;
                return true;
            }
            return false;
        }
    }
}
