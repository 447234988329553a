package org.parley.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.parley.support.ParleyTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The group commit against the real database: callers share batches, each gets its own outcome only once
 * its batch has committed, a batch that fails is retried item by item, and a caller inside a transaction
 * writes in it.
 */
@ParleyTest
class GroupCommitTest {

    @Autowired
    GroupCommits commits;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void table() {
        jdbc.sql("CREATE TABLE IF NOT EXISTS group_commit_test (k TEXT PRIMARY KEY)").update();
    }

    /** Inserts the keys; a key already there fails its item; "poison" breaks the whole statement. */
    private void insert(List<GroupCommit.Slot<String, Boolean>> batch, ConcurrentLinkedQueue<Integer> sizes) {
        sizes.add(batch.size());
        List<String> keys = batch.stream().map(GroupCommit.Slot::item).toList();
        if (keys.contains("poison")) {
            jdbc.sql("INSERT INTO group_commit_test (k) VALUES (NULL)").update();
        }
        List<String> inserted = jdbc.sql("INSERT INTO group_commit_test (k) SELECT unnest(?::text[]) ON CONFLICT DO NOTHING RETURNING k")
                .param(keys.toArray(String[]::new)).query(String.class).list();
        for (var slot : batch) {
            if (inserted.remove(slot.item())) {
                slot.done(true);
            } else {
                slot.fail(new IllegalArgumentException("taken: " + slot.item()));
            }
        }
    }

    @Test
    void callersShareBatchesAndEachIsAnsweredAfterItsCommit() throws Exception {
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        GroupCommit<String, Boolean> commit = commits.create("test-share", batch -> insert(batch, sizes));
        String run = Long.toString(System.nanoTime(), 36);
        int callers = 64;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < callers * 10; i++) {
            String key = run + "-" + (i % (callers * 5)); // every key twice: one caller wins it, the other is refused
            answers.add(pool.submit(() -> {
                start.await();
                try {
                    commit.submit(key);
                    // answered: committed, so another connection sees it
                    return jdbc.sql("SELECT count(*) FROM group_commit_test WHERE k = ?").param(key).query(Long.class).single() == 1 ? "ok" : "lost";
                } catch (IllegalArgumentException taken) {
                    return "taken";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : answers) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes.stream().filter("ok"::equals)).hasSize(callers * 5);
        assertThat(outcomes.stream().filter("taken"::equals)).hasSize(callers * 5);
        assertThat(sizes.stream().mapToInt(Integer::intValue).max().orElse(0)).as("some batch held several callers").isGreaterThan(1);
        assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(callers * 10);
    }

    @Test
    void aBatchThatFailsIsRetriedItemByItemSoOnlyTheBadOneFails() throws Exception {
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        // a batch waits until the test has queued everything, so the poison shares it with good items
        CountDownLatch queued = new CountDownLatch(1);
        GroupCommit<String, Boolean> commit = commits.create("test-poison", batch -> {
            try {
                queued.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            insert(batch, sizes);
        });
        String run = Long.toString(System.nanoTime(), 36);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Object>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String key = i == 3 ? "poison" : run + "-p" + i;
            answers.add(pool.submit(() -> {
                try {
                    return commit.submit(key);
                } catch (RuntimeException e) {
                    return e;
                }
            }));
        }
        Thread.sleep(300);
        queued.countDown();
        for (int i = 0; i < 8; i++) {
            Object answer = answers.get(i).get();
            if (i == 3) {
                assertThat(answer).isInstanceOf(RuntimeException.class);
            } else {
                assertThat(answer).isEqualTo(true);
            }
        }
        pool.shutdown();
        assertThat(jdbc.sql("SELECT count(*) FROM group_commit_test WHERE k LIKE ?").param(run + "-p%").query(Long.class).single()).isEqualTo(7);
    }

    @Test
    void aCallerInsideATransactionWritesInIt() {
        ConcurrentLinkedQueue<Integer> sizes = new ConcurrentLinkedQueue<>();
        GroupCommit<String, Boolean> commit = commits.create("test-inline", batch -> insert(batch, sizes));
        String key = "inline-" + System.nanoTime();
        tx.executeWithoutResult(status -> {
            assertThat(commit.submit(key)).isTrue();
            assertThat(jdbc.sql("SELECT count(*) FROM group_commit_test WHERE k = ?").param(key).query(Long.class).single()).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(jdbc.sql("SELECT count(*) FROM group_commit_test WHERE k = ?").param(key).query(Long.class).single()).isZero();
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> commit.submit("poison"))).isInstanceOf(RuntimeException.class);
    }

    @Test
    void aOneStatementBatchRunsOnOneConnectionAndItsStatementCommitsAlone() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        String key = "one-statement-" + System.nanoTime();
        GroupCommit<String, Boolean> commit = commits.createOneStatement("test-one-statement", batch -> {
            seen.add(TransactionSynchronizationManager.isActualTransactionActive());
            long connection = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
            insert(batch, new ConcurrentLinkedQueue<>());
            seen.add(connection == jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single());
            // committed by the statement itself: another connection sees the row before the batch's work is over
            try (var other = dataSource.getConnection(); var st = other.prepareStatement("SELECT count(*) FROM group_commit_test WHERE k = ?")) {
                st.setString(1, key);
                try (var rs = st.executeQuery()) {
                    rs.next();
                    seen.add(rs.getLong(1));
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(commit.submit(key)).isTrue();
        assertThat(seen).containsExactly(false, true, 1L);
        assertThatThrownBy(() -> commit.submit(key)).isInstanceOf(IllegalArgumentException.class);
    }
}
