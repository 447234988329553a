package org.parley.platform.database;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Many callers' small writes committed together. One durable commit per request is what limits a
 * high-rate write path (each costs a WAL flush); here callers put their item in a queue and wait, a
 * writer thread takes whatever has queued up (no waiting to fill a batch: a lone item is written at
 * once), runs the feature's work on the whole batch in ONE transaction (or, for work that writes with one
 * statement, in that statement alone: {@link GroupCommits#createOneStatement}), and only after the commit
 * hands each caller its own outcome. So nothing is acknowledged that is not committed, and a kill -9
 * loses only requests that were never answered.
 *
 * <p>The work decides each item's outcome ({@link Slot#done} or {@link Slot#fail}, e.g. a duplicate);
 * those are delivered after the commit. If the batch as a whole fails (a deadlock, a constraint the
 * work did not foresee), it is rolled back and every item is retried alone, so one bad item fails
 * only its own caller.
 *
 * <p>A caller already inside a transaction (a demo loader, a page that does more in the same
 * transaction) is not queued: its item is worked on at once in the caller's transaction, which could
 * not be seen from the writer's.
 *
 * <p>Work must be correct when batches run concurrently: several writers, and several app nodes,
 * each run their own. Lock rows in one order (sort the batch) to avoid deadlocks between batches.
 */
public final class GroupCommit<I, R> {

    private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

    /** One caller's item in a batch, and the outcome the work gives it. */
    public static final class Slot<I, R> {
        private final I item;
        private final CompletableFuture<R> future = new CompletableFuture<>();
        private boolean decided;
        private R result;
        private RuntimeException failure;

        Slot(I item) {
            this.item = item;
        }

        public I item() {
            return item;
        }

        public void done(R value) {
            decided = true;
            result = value;
            failure = null;
        }

        public void fail(RuntimeException e) {
            decided = true;
            result = null;
            failure = e;
        }

        public boolean decided() {
            return decided;
        }

        void reset() {
            decided = false;
            result = null;
            failure = null;
        }

        void deliver() {
            if (!decided) {
                future.completeExceptionally(new IllegalStateException("the batch work left an item without an outcome"));
            } else if (failure != null) {
                future.completeExceptionally(failure);
            } else {
                future.complete(result);
            }
        }
    }

    private final String name;
    private final TransactionTemplate tx;
    private final Consumer<List<Slot<I, R>>> work;
    private final int maxBatch;
    private final BlockingQueue<Slot<I, R>> queue;
    private final List<Thread> writers = new ArrayList<>();
    private final BatchStats stats;
    private volatile boolean stopping;

    GroupCommit(String name, TransactionTemplate tx, int maxBatch, int writerCount, int queueCapacity, Consumer<List<Slot<I, R>>> work,
                BatchStats stats) {
        this.name = name;
        this.tx = tx;
        this.work = work;
        this.maxBatch = maxBatch;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.stats = stats;
        for (int i = 0; i < writerCount; i++) {
            Thread t = new Thread(this::run, "group-commit-" + name + "-" + i);
            t.setDaemon(true);
            writers.add(t);
        }
        writers.forEach(Thread::start);
    }

    /**
     * Writes the item with others and returns its outcome once their transaction has committed; throws
     * the exception the work gave the item (or the one its lone retry ended in).
     */
    public R submit(I item) {
        Slot<I, R> slot = new Slot<>(item);
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            work.accept(List.of(slot));
            slot.deliver();
        } else {
            if (stopping) {
                throw new IllegalStateException("group commit " + name + " is stopped");
            }
            try {
                queue.put(slot); // a full queue makes callers wait: back pressure, not errors
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while queueing for " + name, e);
            }
        }
        try {
            return slot.future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void run() {
        List<Slot<I, R>> batch = new ArrayList<>(maxBatch);
        while (!stopping || !queue.isEmpty()) {
            try {
                Slot<I, R> first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                write(batch);
            } catch (InterruptedException e) {
                if (stopping) {
                    continue; // drain what is left, then end
                }
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable t) {
                log.error("Group commit {}: a batch of {} failed outside its work", name, batch.size(), t);
                for (Slot<I, R> s : batch) {
                    s.future.completeExceptionally(t);
                }
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Slot<I, R>> batch) {
        long started = System.nanoTime();
        try {
            tx.executeWithoutResult(status -> work.accept(batch));
        } catch (RuntimeException whole) {
            if (batch.size() == 1) {
                batch.getFirst().fail(whole);
            } else {
                log.warn("Group commit {}: a batch of {} was rolled back ({}); each item is retried alone", name, batch.size(), whole.toString());
                for (Slot<I, R> s : batch) {
                    s.reset();
                    try {
                        tx.executeWithoutResult(status -> work.accept(List.of(s)));
                    } catch (RuntimeException alone) {
                        s.fail(alone);
                    }
                }
            }
        }
        stats.record(batch.size(), System.nanoTime() - started);
        for (Slot<I, R> s : batch) {
            s.deliver();
        }
    }

    /** Stops taking items; the writers finish what is queued first. */
    void stop() {
        stopping = true;
        for (Thread t : writers) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    String name() {
        return name;
    }

    /** What the batches of one group commit looked like, for measurements. */
    public interface BatchStats {
        void record(int size, long nanos);
    }
}
