package org.xinlian.rpc;

/**
 * Where {@code /health} and {@code /ready} get their answers: the node, which knows whether it
 * failed stop, syncs, has peers and commits (docs/spec/node.md NODE-18). Called on I/O threads:
 * an implementation reads a few volatile fields, never waits.
 */
public interface HealthSource {
  /** Alive: serving, and not failed stop. */
  HealthReport health();

  /** Ready: alive and a working member of its network now. */
  HealthReport readiness();

  /** A source that is always healthy and ready, for a server without a node behind it. */
  HealthSource ALWAYS = new HealthSource() {
    @Override
    public HealthReport health() {
      return HealthReport.healthy("ok");
    }

    @Override
    public HealthReport readiness() {
      return HealthReport.healthy("ready");
    }
  };
}
