package org.xinlian.rpc.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Requests waiting for workers, served in turns (RPC-24): round-robin over the client addresses
 * that have work, and within an address over its connections, one request per turn. A client
 * that queues 10,000 requests therefore delays another client's request by at most one request
 * per client ahead of it, not by 10,000. Each connection's queue is bounded (a full one refuses
 * that connection only), the total is bounded, and an address may be limited in how many of its
 * requests run at once (heavy calls), so it cannot take every worker.
 */
final class FairQueue {
  enum Admission { ACCEPTED, CONNECTION_FULL, QUEUE_FULL, CLOSED }

  /** One waiting request: what to run, and what to do instead when it will never run. */
  static final class Job {
    final ClientConnection connection;
    final Runnable run;
    final Runnable drop;
    private Group group;

    Job(ClientConnection connection, Runnable run, Runnable drop) {
      this.connection = connection;
      this.run = run;
      this.drop = drop;
    }
  }

  private static final class Lane {
    final ClientConnection connection;
    final Group group;
    final ArrayDeque<Job> jobs = new ArrayDeque<>();

    Lane(ClientConnection connection, Group group) {
      this.connection = connection;
      this.group = group;
    }
  }

  private static final class Group {
    final String address;
    /** Lanes with waiting jobs, in turn order; a lane is here exactly when it has jobs. */
    final ArrayDeque<Lane> lanes = new ArrayDeque<>();
    int running;
    /** Whether the group is in the ready ring. */
    boolean ready;

    Group(String address) {
      this.address = address;
    }
  }

  private final int queuedMax;
  private final int perConnectionMax;
  private final int runningPerAddressMax;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition available = lock.newCondition();
  private final ArrayDeque<Group> ready = new ArrayDeque<>();
  private final Map<String, Group> groups = new HashMap<>();
  private final Map<ClientConnection, Lane> lanes = new IdentityHashMap<>();
  private int queued;
  private boolean closed;

  /**
   * @param queuedMax waiting jobs of all connections
   * @param perConnectionMax waiting jobs of one connection
   * @param runningPerAddressMax jobs of one address running at once
   */
  FairQueue(int queuedMax, int perConnectionMax, int runningPerAddressMax) {
    this.queuedMax = queuedMax;
    this.perConnectionMax = perConnectionMax;
    this.runningPerAddressMax = runningPerAddressMax;
  }

  int perConnectionMax() {
    return perConnectionMax;
  }

  int queuedMax() {
    return queuedMax;
  }

  Admission offer(Job job) {
    lock.lock();
    try {
      if (closed) {
        return Admission.CLOSED;
      }
      Lane lane = lanes.get(job.connection);
      if (lane != null && lane.jobs.size() >= perConnectionMax) {
        return Admission.CONNECTION_FULL;
      }
      if (queued >= queuedMax) {
        return Admission.QUEUE_FULL;
      }
      if (lane == null) {
        Group group = groups.computeIfAbsent(job.connection.address(), Group::new);
        lane = new Lane(job.connection, group);
        lanes.put(job.connection, lane);
        group.lanes.add(lane);
      }
      lane.jobs.add(job);
      queued++;
      makeReady(lane.group);
      return Admission.ACCEPTED;
    } finally {
      lock.unlock();
    }
  }

  /** The next job in turn, waiting for one; null once the queue is closed. */
  Job take() throws InterruptedException {
    lock.lock();
    try {
      while (!closed) {
        Group group = ready.poll();
        if (group == null) {
          available.await();
          continue;
        }
        group.ready = false;
        Lane lane = group.lanes.poll();
        Job job = lane.jobs.poll();
        queued--;
        if (lane.jobs.isEmpty()) {
          lanes.remove(lane.connection);
        } else {
          group.lanes.add(lane);
        }
        group.running++;
        job.group = group;
        makeReady(group);
        return job;
      }
      return null;
    } finally {
      lock.unlock();
    }
  }

  /** Called when a job taken from this queue has finished, so its address may run another. */
  void done(Job job) {
    lock.lock();
    try {
      Group group = job.group;
      group.running--;
      makeReady(group);
      forgetIfIdle(group);
    } finally {
      lock.unlock();
    }
  }

  /** Removes the waiting jobs of a connection that closed and returns them, to be dropped. */
  List<Job> forget(ClientConnection connection) {
    lock.lock();
    try {
      Lane lane = lanes.remove(connection);
      if (lane == null) {
        return List.of();
      }
      Group group = lane.group;
      group.lanes.remove(lane);
      queued -= lane.jobs.size();
      if (group.lanes.isEmpty() && group.ready) {
        ready.remove(group);
        group.ready = false;
      }
      forgetIfIdle(group);
      return new ArrayList<>(lane.jobs);
    } finally {
      lock.unlock();
    }
  }

  /** Stops handing out jobs and returns every waiting one, to be dropped. */
  List<Job> close() {
    lock.lock();
    try {
      closed = true;
      List<Job> waiting = new ArrayList<>();
      lanes.values().forEach(lane -> waiting.addAll(lane.jobs));
      lanes.clear();
      groups.clear();
      ready.clear();
      queued = 0;
      available.signalAll();
      return waiting;
    } finally {
      lock.unlock();
    }
  }

  int queued() {
    lock.lock();
    try {
      return queued;
    } finally {
      lock.unlock();
    }
  }

  private void makeReady(Group group) {
    if (!closed && !group.ready && !group.lanes.isEmpty() && group.running < runningPerAddressMax) {
      group.ready = true;
      ready.add(group);
      available.signal();
    }
  }

  private void forgetIfIdle(Group group) {
    if (group.lanes.isEmpty() && group.running == 0 && groups.get(group.address) == group) {
      groups.remove(group.address);
    }
  }
}
