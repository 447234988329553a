package org.parley.platform.database;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes the {@link GroupCommit}s of the features and stops them when the application stops (after the
 * web server has finished its requests, so the queued items are still written and answered). Batch
 * sizes and times are published as {@code parley.group_commit.batch} and {@code parley.group_commit.time}.
 */
@Component
public class GroupCommits implements DisposableBean {

    private final PlatformTransactionManager transactions;
    private final ObjectProvider<MeterRegistry> meters;
    private final int writers;
    private final int maxBatch;
    private final List<GroupCommit<?, ?>> running = new CopyOnWriteArrayList<>();

    GroupCommits(PlatformTransactionManager transactions, ObjectProvider<MeterRegistry> meters,
                 @Value("${parley.group-commit.writers:2}") int writers, @Value("${parley.group-commit.max-batch:500}") int maxBatch) {
        this.transactions = transactions;
        this.meters = meters;
        this.writers = writers;
        this.maxBatch = maxBatch;
    }

    /** A group commit named for its metrics and threads, running {@code work} on each batch in one transaction. */
    public <I, R> GroupCommit<I, R> create(String name, Consumer<List<GroupCommit.Slot<I, R>>> work) {
        return create(name, work, new TransactionTemplate(transactions));
    }

    /**
     * A group commit for work whose only write is ONE statement per batch (reads before it are fine): no transaction
     * is opened, so that statement commits on its own, atomic as any statement is, and the batch saves the round trip
     * of a COMMIT. The batch still runs on one connection.
     */
    public <I, R> GroupCommit<I, R> createOneStatement(String name, Consumer<List<GroupCommit.Slot<I, R>>> work) {
        TransactionTemplate connectionScope = new TransactionTemplate(transactions);
        connectionScope.setPropagationBehavior(TransactionDefinition.PROPAGATION_SUPPORTS);
        return create(name, work, connectionScope);
    }

    private <I, R> GroupCommit<I, R> create(String name, Consumer<List<GroupCommit.Slot<I, R>>> work, TransactionTemplate tx) {
        MeterRegistry registry = meters.getIfAvailable();
        GroupCommit.BatchStats stats;
        if (registry == null) {
            stats = (size, nanos) -> { };
        } else {
            DistributionSummary sizes = DistributionSummary.builder("parley.group_commit.batch").tag("name", name)
                    .description("items written in one transaction").register(registry);
            Timer times = Timer.builder("parley.group_commit.time").tag("name", name)
                    .description("time to write and commit one batch").register(registry);
            stats = (size, nanos) -> {
                sizes.record(size);
                times.record(nanos, TimeUnit.NANOSECONDS);
            };
        }
        GroupCommit<I, R> commit = new GroupCommit<>(name, tx, maxBatch, writers, maxBatch * 20, work, stats);
        running.add(commit);
        return commit;
    }

    @Override
    public void destroy() {
        running.forEach(GroupCommit::stop);
        running.clear();
    }
}
