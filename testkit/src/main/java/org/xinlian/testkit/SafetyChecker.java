package org.xinlian.testkit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.CertificateVerdict;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.block.Block;

/**
 * Safety as the issue states it, checked on every commit of an honest node: no two honest nodes
 * finalise different blocks at a height; every block's certificate verifies against the
 * validator set the script says governs that height (from the stored header bytes, so the 64 KiB
 * encoding is checked too); honest nodes' state roots agree at every height.
 */
public final class SafetyChecker implements CommitListener {
  private record Decided(Address node, Hash hash, Hash stateRoot) {}

  private final long seed;
  private final CryptoSuite suite;
  private final KeyValueLedger.ValidatorScript script;
  private final Predicate<Address> honest;
  private final Map<Long, Decided> decided = new HashMap<>();
  private final Set<Hash> verifiedCertificates = new HashSet<>();
  private long commits;

  public SafetyChecker(long seed, CryptoSuite suite, KeyValueLedger.ValidatorScript script,
      Predicate<Address> honest) {
    this.seed = seed;
    this.suite = suite;
    this.script = script;
    this.honest = honest;
  }

  @Override
  public void committed(Address node, Block block, CommitCertificate certificate, Hash stateRoot) {
    if (!honest.test(node)) {
      return;
    }
    commits++;
    long height = block.header().number();
    Hash hash = block.hash(suite);
    if (!stateRoot.equals(block.header().stateRoot())) {
      fail("node " + node + " executed block " + height + " to state root " + stateRoot
          + " but the header says " + block.header().stateRoot());
    }
    Decided first = decided.putIfAbsent(height, new Decided(node, hash, stateRoot));
    if (first != null && !first.hash().equals(hash)) {
      fail("honest nodes " + first.node() + " and " + node + " finalised different blocks at"
          + " height " + height + ": " + first.hash() + " and " + hash);
    }
    if (first != null && !first.stateRoot().equals(stateRoot)) {
      fail("honest nodes disagree on the state root at height " + height);
    }
    byte[] stored = block.header().commitCertificate();
    if (verifiedCertificates.add(suite.hashOf(stored))) {
      CommitCertificate decoded = CommitCertificate.decode(stored, suite);
      if (!decoded.equals(certificate)) {
        fail("the stored certificate of block " + height + " does not decode to the one committed");
      }
      CertificateVerdict verdict = decoded.verifyFor(block.header(), script.at(height), suite);
      if (!verdict.isValid()) {
        fail("the certificate of block " + height + " committed by " + node + " does not verify: "
            + verdict.problem().orElseThrow() + ": " + verdict.detail());
      }
    }
  }

  /** Commits by honest nodes checked so far. */
  public long commits() {
    return commits;
  }

  private void fail(String problem) {
    throw new SimulationFailure(seed, "SAFETY: " + problem);
  }
}
