package org.xinlian.consensus;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.xinlian.common.Address;

class ValidatorSetProperties {
  @Provide
  Arbitrary<List<Long>> powers() {
    return Arbitraries.longs().between(1, ValidatorSet.VOTING_POWER_MAX).list().ofMinSize(1).ofMaxSize(40);
  }

  private static ValidatorSet set(List<Long> powers) {
    List<Validator> validators = new ArrayList<>();
    for (int i = 0; i < powers.size(); i++) {
      byte[] bytes = new byte[20];
      bytes[18] = (byte) (i >> 8);
      bytes[19] = (byte) i;
      validators.add(new Validator(Address.wrap(bytes), powers.get(i)));
    }
    return ValidatorSet.of(validators);
  }

  @Property(tries = 300)
  @Label("CONSENSUS-2: quorumPower is the least quorum, and any two quorums overlap in a weak quorum")
  void quorumsIntersect(@ForAll("powers") List<Long> powers, @ForAll long seed) {
    ValidatorSet set = set(powers);
    long total = set.totalPower();
    long quorum = set.quorumPower();
    assertTrue(set.isQuorum(quorum));
    assertFalse(set.isQuorum(quorum - 1));
    // Two sets of power a and b inside a total T share at least a + b - T.
    long a = quorum + Math.floorMod(seed, total - quorum + 1);
    long b = quorum + Math.floorMod(seed >>> 7, total - quorum + 1);
    assertTrue(set.isWeakQuorum(a + b - total), "overlap " + (a + b - total) + " of " + total);
  }

  @Property(tries = 200)
  @Label("CONSENSUS-4: the proposer is always a validator and depends only on height + round")
  void proposerIsAValidator(@ForAll("powers") List<Long> powers, @ForAll long height, @ForAll int round) {
    ValidatorSet set = set(powers);
    long h = Math.abs(height % 1_000_000_000L);
    int r = Math.abs(round % 1_000_000);
    assertTrue(set.contains(set.proposer(h, r)));
    assertTrue(set.proposer(h, r).equals(set.proposer(h + r, 0)));
  }
}
