package org.xinlian.execution.pool;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.xinlian.common.Address;

/**
 * One sender's transactions by nonce. The executable run is the contiguous stretch starting at the
 * account nonce; everything after the first gap is queued. Guarded by the pool's lock.
 */
final class SenderQueue {
  final Address sender;
  long accountNonce;
  BigInteger balance;
  /** Nonces are unsigned 64-bit values. */
  final TreeMap<Long, PooledTransaction> byNonce = new TreeMap<>(Long::compareUnsigned);
  private int executableCount;

  SenderQueue(Address sender, long accountNonce, BigInteger balance) {
    this.sender = sender;
    this.accountNonce = accountNonce;
    this.balance = balance;
  }

  int executableCount() {
    return executableCount;
  }

  int size() {
    return byNonce.size();
  }

  /** Recounts the executable run and returns the change in its length. */
  int recountExecutable() {
    int count = 0;
    long next = accountNonce;
    while (byNonce.containsKey(next)) {
      count++;
      next++;
    }
    int change = count - executableCount;
    executableCount = count;
    return change;
  }

  /** The executable run in nonce order. */
  List<PooledTransaction> executable() {
    List<PooledTransaction> run = new ArrayList<>(executableCount);
    long next = accountNonce;
    for (int i = 0; i < executableCount; i++) {
      run.add(byNonce.get(next));
      next++;
    }
    return run;
  }

  boolean isExecutable(long nonce) {
    return Long.compareUnsigned(nonce, accountNonce) >= 0
        && Long.compareUnsigned(nonce - accountNonce, executableCount) < 0;
  }
}
