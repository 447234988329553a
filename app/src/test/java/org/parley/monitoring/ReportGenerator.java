package org.parley.monitoring;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic observer reports with realistic shapes, for benchmarks: events fall mostly near a contact line
 * (Kharkiv – Donetsk – Zaporizhzhia – Kherson) with a long tail inland, more by night than by day, with
 * categories weighted as in monitoring-mission reports (shelling and explosions most), and each event is
 * reported by one to four observers within minutes and a few hundred metres of each other. Deterministic
 * for a seed.
 */
final class ReportGenerator {

    /** The contact line, [longitude, latitude]. */
    static final double[][] LINE = {{36.9, 50.3}, {37.6, 49.6}, {38.1, 48.9}, {37.9, 48.1}, {37.3, 47.7}, {36.0, 47.5}, {35.0, 47.4},
            {33.6, 46.9}, {32.8, 46.6}};
    static final Category[] CATEGORIES = {Category.SHELLING, Category.EXPLOSION, Category.SMALL_ARMS_FIRE, Category.DRONE_STRIKE,
            Category.MISSILE_STRIKE, Category.AIRSTRIKE, Category.ENERGY_INFRASTRUCTURE_STRIKE, Category.CIVILIAN_DAMAGE, Category.TROOP_MOVEMENT,
            Category.HEAVY_WEAPONS_IN_RESTRICTED_ZONE};
    static final double[] WEIGHTS = {0.38, 0.17, 0.18, 0.09, 0.03, 0.02, 0.02, 0.05, 0.04, 0.02};

    record Generated(Grouper.Item item, int trueEvent) {
    }

    private final SplittableRandom random;
    private final long startSec;
    private final long spanSec;
    private final long[] observers;

    ReportGenerator(long seed, long startSec, long spanSec, long[] observers) {
        this.random = new SplittableRandom(seed);
        this.startSec = startSec;
        this.spanSec = spanSec;
        this.observers = observers;
    }

    /** Exactly {@code reports} reports, in the order of their events (not in time order). */
    List<Generated> reports(int reports) {
        List<Generated> out = new ArrayList<>(reports);
        forEach(reports, out::add);
        return out;
    }

    /**
     * The same reports one at a time, held nowhere: for filling a database with millions. The reports of one event
     * come one after the other, so a reader can total an event when its number changes.
     */
    void forEach(long reports, java.util.function.Consumer<Generated> sink) {
        long made = 0;
        int event = 0;
        while (made < reports) {
            double[] place = place();
            long t = time();
            Category c = category();
            int n = 1 + (random.nextDouble() < 0.45 ? 1 + random.nextInt(3) : 0);
            int firstObserver = random.nextInt(observers.length);
            for (int k = 0; k < n && made < reports; k++) {
                double dLat = random.nextDouble(-0.004, 0.004);
                double dLon = random.nextDouble(-0.006, 0.006);
                long dt = random.nextLong(0, 20 * 60);
                long author = observers[(firstObserver + k) % observers.length];
                sink.accept(new Generated(new Grouper.Item(made, t + dt, t + dt, place[1] + dLat, place[0] + dLon,
                        k == 0 ? c : (random.nextDouble() < 0.9 ? c : Category.CIVILIAN_CASUALTIES), author), event));
                made++;
            }
            event++;
        }
    }

    private double[] place() {
        if (random.nextDouble() < 0.1) { // the tail: anywhere in the country
            return new double[]{random.nextDouble(23.5, 39.5), random.nextDouble(45.5, 51.8)};
        }
        int seg = random.nextInt(LINE.length - 1);
        double f = random.nextDouble();
        double lon = LINE[seg][0] + f * (LINE[seg + 1][0] - LINE[seg][0]);
        double lat = LINE[seg][1] + f * (LINE[seg + 1][1] - LINE[seg][1]);
        double off = random.nextDouble() * random.nextDouble() * 0.35; // most within ~20 km, a few up to ~40 km
        double angle = random.nextDouble(0, 2 * Math.PI);
        return new double[]{lon + off * Math.cos(angle) * 1.5, lat + off * Math.sin(angle)};
    }

    private long time() {
        long day = random.nextLong(0, Math.max(1, spanSec / 86_400));
        // more by night: 60 % between 18:00 and 06:00
        long second = random.nextDouble() < 0.6 ? (18 * 3600 + random.nextLong(0, 12 * 3600)) % 86_400 : 6 * 3600 + random.nextLong(0, 12 * 3600);
        return startSec + day * 86_400 + second;
    }

    private Category category() {
        double r = random.nextDouble();
        double acc = 0;
        for (int i = 0; i < CATEGORIES.length; i++) {
            acc += WEIGHTS[i];
            if (r < acc) {
                return CATEGORIES[i];
            }
        }
        return Category.OTHER;
    }
}
