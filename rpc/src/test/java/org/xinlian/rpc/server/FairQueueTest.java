package org.xinlian.rpc.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FairQueueTest {
  private static FairQueue.Job job(ClientConnection connection, String name, List<String> log) {
    return new FairQueue.Job(connection, () -> log.add(name), () -> log.add("dropped " + name));
  }

  private static void drain(FairQueue queue, int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      FairQueue.Job job = queue.take();
      job.run.run();
      queue.done(job);
    }
  }

  @Test
  @DisplayName("RPC-24 addresses take turns, and connections of one address take turns within its turn")
  void roundRobinOverAddressesThenConnections() throws InterruptedException {
    FairQueue queue = new FairQueue(1_000, 100, Integer.MAX_VALUE);
    ClientConnection flood = new ClientConnection("10.0.0.1");
    ClientConnection floodSecond = new ClientConnection("10.0.0.1");
    ClientConnection victim = new ClientConnection("10.0.0.2");
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      queue.offer(job(flood, "a" + i, log));
    }
    for (int i = 0; i < 50; i++) {
      queue.offer(job(floodSecond, "b" + i, log));
    }
    queue.offer(job(victim, "v0", log));
    queue.offer(job(victim, "v1", log));
    drain(queue, 6);
    // The flooding address's first turn, the victim's, the flooding address's second turn (its
    // other connection), the victim's second request.
    assertEquals(List.of("a0", "v0", "b0", "v1", "a1", "b1"), log);
  }

  @Test
  @DisplayName("RPC-24 a full connection queue refuses that connection only; the total is bounded too")
  void boundsPerConnectionAndInAll() {
    FairQueue queue = new FairQueue(5, 3, Integer.MAX_VALUE);
    ClientConnection one = new ClientConnection("10.0.0.1");
    ClientConnection two = new ClientConnection("10.0.0.1");
    List<String> log = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      assertEquals(FairQueue.Admission.ACCEPTED, queue.offer(job(one, "one", log)));
    }
    assertEquals(FairQueue.Admission.CONNECTION_FULL, queue.offer(job(one, "one", log)));
    assertEquals(FairQueue.Admission.ACCEPTED, queue.offer(job(two, "two", log)));
    assertEquals(FairQueue.Admission.ACCEPTED, queue.offer(job(two, "two", log)));
    assertEquals(FairQueue.Admission.QUEUE_FULL, queue.offer(job(new ClientConnection("10.0.0.3"), "three", log)));
    List<FairQueue.Job> dropped = queue.forget(one);
    assertEquals(3, dropped.size());
    assertEquals(2, queue.queued());
    assertEquals(FairQueue.Admission.ACCEPTED, queue.offer(job(new ClientConnection("10.0.0.3"), "three", log)));
  }

  @Test
  @DisplayName("RPC-24 an address runs at most runningPerAddressMax jobs at once; others run meanwhile")
  void runningPerAddressIsBounded() throws Exception {
    FairQueue queue = new FairQueue(100, 100, 1);
    ClientConnection attacker = new ClientConnection("10.0.0.1");
    ClientConnection victim = new ClientConnection("10.0.0.2");
    List<String> log = new ArrayList<>();
    queue.offer(job(attacker, "a0", log));
    queue.offer(job(attacker, "a1", log));
    FairQueue.Job first = queue.take();
    queue.offer(job(victim, "v0", log));
    // a1 waits while a0 runs, so the next job is the victim's.
    FairQueue.Job second = queue.take();
    second.run.run();
    assertEquals(List.of("v0"), log);
    queue.done(second);
    CompletableFuture<FairQueue.Job> third = CompletableFuture.supplyAsync(() -> {
      try {
        return queue.take();
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    });
    Thread.sleep(100);
    assertEquals(false, third.isDone(), "a1 must wait for a0");
    queue.done(first);
    third.get(10, TimeUnit.SECONDS).run.run();
    assertEquals(List.of("v0", "a1"), log);
    queue.close();
    assertNull(queue.take());
  }
}
