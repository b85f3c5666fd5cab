package org.xinlian.consensus.bft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.consensus.PreparedRound;
import org.xinlian.consensus.message.MessageSigner;
import org.xinlian.consensus.message.PreparedCertificate;
import org.xinlian.consensus.message.RoundChange;
import org.xinlian.consensus.message.Vote;
import org.xinlian.types.block.Block;

class PersistedStateCodecProperties {
  private static final Harness HARNESS = new Harness(4, 0);
  private static final PersistedStateCodec CODEC = new PersistedStateCodec(HARNESS.suite);
  private static final PersistedState STATE = state();

  /** A validator locked in round 2 that moved to round 3, proposed there and voted. */
  private static PersistedState state() {
    MessageSigner signer = HARNESS.signer(0);
    Block block = HARNESS.application.next((byte) 1);
    Hash hash = HARNESS.hash(block);
    List<Vote> prepares = List.of(signer.prepare(1, 2, hash), HARNESS.signer(1).prepare(1, 2, hash),
        HARNESS.signer(2).prepare(1, 2, hash));
    PreparedRound prepared = new PreparedRound(2, hash);
    Lock lock = new Lock(prepared, new PreparedCertificate(block, prepares));
    RoundChange change = new RoundChange(signer.roundChange(1, 3, Optional.of(prepared)),
        Optional.of(lock.certificate()));
    return new PersistedState(1, 3, Optional.of(lock),
        Optional.of(signer.proposal(1, 3, block, hash, List.of(change.signed()), prepares)),
        Optional.of(signer.prepare(1, 3, hash)), Optional.of(signer.commit(1, 3, hash)),
        Optional.of(change));
  }

  @Example
  @Label("CONSENSUS-13: a write-ahead state decodes to what was encoded")
  void roundTrip() {
    PersistedState decoded = CODEC.decode(CODEC.encode(STATE));
    assertEquals(STATE.round(), decoded.round());
    assertEquals(STATE.lock().orElseThrow().prepared(), decoded.lock().orElseThrow().prepared());
    assertEquals(STATE.lock().orElseThrow().certificate(), decoded.lock().orElseThrow().certificate());
    assertEquals(STATE.proposal(), decoded.proposal());
    assertEquals(STATE.prepare(), decoded.prepare());
    assertEquals(STATE.commit(), decoded.commit());
    assertEquals(STATE.roundChange(), decoded.roundChange());
  }

  @Property(tries = 1_000)
  @Label("CONSENSUS-13: a damaged write-ahead state fails only with DecodingException")
  void damagedState(@ForAll @IntRange(min = 0, max = 100_000) int position, @ForAll byte delta,
      @ForAll boolean cut) {
    byte[] encoded = CODEC.encode(STATE);
    int at = position % encoded.length;
    byte[] damaged = cut ? java.util.Arrays.copyOf(encoded, at) : encoded.clone();
    if (!cut) {
      damaged[at] += delta;
    }
    decode(damaged);
  }

  @Property(tries = 500)
  @Label("CONSENSUS-13: arbitrary bytes fail only with DecodingException")
  void arbitraryBytes(@ForAll @Size(max = 300) byte[] bytes) {
    decode(bytes);
  }

  private static void decode(byte[] bytes) {
    try {
      CODEC.decode(bytes);
    } catch (DecodingException expected) {
      // The only failure a decoder may report.
    }
  }
}
