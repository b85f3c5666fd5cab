package org.xinlian.common;

/**
 * Randomness for deterministic code (jitter, peer choice, simulation). Passed in explicitly so a
 * seeded simulator can replay a run. Key generation uses {@link java.security.SecureRandom} instead.
 */
public interface RandomSource {
  /** A uniformly distributed int in {@code [0, bound)}. */
  int nextInt(int bound);

  long nextLong();

  void nextBytes(byte[] bytes);

  /** A reproducible source for tests and simulation. */
  static RandomSource seeded(long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    return new RandomSource() {
      @Override
      public int nextInt(int bound) {
        return random.nextInt(bound);
      }

      @Override
      public long nextLong() {
        return random.nextLong();
      }

      @Override
      public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
      }
    };
  }
}
