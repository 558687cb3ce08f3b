package org.tempora.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tempora.engine.CancellationToken;
import org.tempora.engine.CancelledException;
import org.tempora.image.UnreadablePhotoException;

class BackgroundRunnerTest {
    private final BackgroundRunner runner = new BackgroundRunner("test", 1, 1, Runnable::run);

    @AfterEach void close() { runner.close(); }

    /** Records callbacks in order and counts down when the job is over. */
    private static final class Recorder<T> implements BackgroundRunner.Listener<T> {
        final List<String> events = new CopyOnWriteArrayList<>();
        final CountDownLatch over = new CountDownLatch(1);

        @Override public void progress(String stage, int done, int total) { events.add(stage + " " + done + "/" + total); }
        @Override public void succeeded(T value) { events.add("ok " + value); over.countDown(); }
        @Override public void failed(String message) { events.add("failed " + message); over.countDown(); }
        @Override public void cancelled() { events.add("cancelled"); over.countDown(); }

        List<String> await() throws InterruptedException {
            assertTrue(over.await(10, TimeUnit.SECONDS), "job did not finish: " + events);
            return events;
        }
    }

    @Test void deliversProgressThenTheValue() throws Exception {
        Recorder<Integer> r = new Recorder<>();
        runner.submit((reporter, cancel) -> {
            reporter.progress("counting", 1, 2);
            reporter.progress("counting", 2, 2);
            return 42;
        }, r);
        assertEquals(List.of("counting 1/2", "counting 2/2", "ok 42"), r.await());
    }

    @Test void userErrorsBecomeOneSentence() throws Exception {
        Recorder<Object> r = new Recorder<>();
        runner.submit((reporter, cancel) -> { throw new UnreadablePhotoException("x.jpg: the JPEG data ends early"); }, r);
        assertEquals(List.of("failed X.jpg: the JPEG data ends early."), r.await());
    }

    @Test void bugsAreNamedButNotDumped() throws Exception {
        Recorder<Object> r = new Recorder<>();
        runner.submit((reporter, cancel) -> { throw new IllegalStateException("boom"); }, r);
        String message = r.await().get(0);
        assertTrue(message.startsWith("failed Internal error (boom)"), message);
        assertFalse(message.contains("Exception"), message);
        assertTrue(!message.contains("\n") && !message.contains("at org."), message);
    }

    @Test void cancelStopsTheWorkThroughItsToken() throws Exception {
        Recorder<Object> r = new Recorder<>();
        CountDownLatch started = new CountDownLatch(1);
        BackgroundRunner.Handle h = runner.submit((reporter, cancel) -> {
            started.countDown();
            while (true) {
                cancel.throwIfCancelled();
                Thread.sleep(5);
            }
        }, r);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        h.cancel();
        assertEquals(List.of("cancelled"), r.await());
    }

    @Test void closingCancelsRunningWorkAndStopsTheWorker() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CancellationToken[] seen = new CancellationToken[1];
        Recorder<Object> r = new Recorder<>();
        runner.submit((reporter, cancel) -> {
            seen[0] = cancel;
            started.countDown();
            while (!cancel.isCancelled()) Thread.onSpinWait();
            throw new CancelledException();
        }, r);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        runner.close();
        assertTrue(runner.awaitTermination(5000), "worker still running after close");
        assertTrue(seen[0].isCancelled());
        assertEquals(List.of(), r.events, "nothing is delivered to a closed window");
        assertEquals(0, runner.activeCount());
    }

    @Test void refusesWorkBeyondTheQueue() throws Exception {
        CountDownLatch release = new CountDownLatch(1), started = new CountDownLatch(1);
        Recorder<Object> first = new Recorder<>(), second = new Recorder<>(), third = new Recorder<>();
        runner.submit((reporter, cancel) -> { started.countDown(); release.await(); return "a"; }, first);
        assertTrue(started.await(10, TimeUnit.SECONDS));
        runner.submit((reporter, cancel) -> "b", second);
        runner.submit((reporter, cancel) -> "c", third);
        assertTrue(third.await().get(0).startsWith("failed Tempora is still busy"), third.events.toString());
        release.countDown();
        assertEquals(List.of("ok a"), first.await());
        assertEquals(List.of("ok b"), second.await());
    }
}
