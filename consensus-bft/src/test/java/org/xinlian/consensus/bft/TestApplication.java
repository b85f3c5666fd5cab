package org.xinlian.consensus.bft;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.consensus.Application;
import org.xinlian.consensus.CommitCertificate;
import org.xinlian.consensus.CommitOutcome;
import org.xinlian.consensus.CommittedBlock;
import org.xinlian.consensus.CommittedHead;
import org.xinlian.consensus.Finalization;
import org.xinlian.consensus.HeightTiming;
import org.xinlian.consensus.ProposalRequest;
import org.xinlian.consensus.ProposalVerdict;
import org.xinlian.consensus.ValidatorSet;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.BlockHeader;
import org.xinlian.types.block.LogsBloom;

/**
 * An application for engine tests: empty blocks told apart by one byte of extra data; the byte
 * {@link #INVALID} makes a block invalid. It records commits and can report scripted validator
 * set changes and time scripted heights.
 */
final class TestApplication implements Application {
  static final byte INVALID = (byte) 0xBA;

  final CryptoSuite suite;
  final List<Block> chain = new ArrayList<>();
  final List<CommitCertificate> certificates = new ArrayList<>();
  final Map<Long, ValidatorSet> updates = new HashMap<>();
  /** The chain's timing of some heights (CONSENSUS-23); the others are the engine's own. */
  final Map<Long, HeightTiming> timings = new HashMap<>();
  private final TreeMap<Long, ValidatorSet> sets = new TreeMap<>();
  private byte nextVariant = 1;

  TestApplication(CryptoSuite suite, ValidatorSet genesisSet) {
    this.suite = suite;
    chain.add(block(0, Hash.ZERO, Address.ZERO, (byte) 0));
    certificates.add(null);
    sets.put(0L, genesisSet);
  }

  static Block block(long height, Hash parent, Address proposer, byte variant) {
    BlockHeader header = new BlockHeader(parent, height, 1_700_000_000L + height, proposer,
        Hash.ZERO, Hash.ZERO, Hash.ZERO, LogsBloom.EMPTY, 0, 30_000_000, new byte[] {variant},
        new byte[0]);
    return new Block(header, List.of());
  }

  /** The next block on the head with {@code variant}, as another proposer would build it. */
  Block next(byte variant) {
    return block(chain.size(), headHash(), Address.ZERO, variant);
  }

  Hash headHash() {
    return chain.get(chain.size() - 1).hash(suite);
  }

  @Override
  public CommittedHead lastCommitted() {
    return new CommittedHead(chain.size() - 1, headHash());
  }

  @Override
  public ValidatorSet validatorSet(long height) {
    return sets.floorEntry(height).getValue();
  }

  @Override
  public Optional<HeightTiming> heightTiming(long height) {
    return Optional.ofNullable(timings.get(height));
  }

  @Override
  public Block prepareProposal(ProposalRequest request) {
    return block(request.height(), request.parentHash(), request.proposer(), nextVariant++);
  }

  @Override
  public ProposalVerdict processProposal(Block block) {
    if (block.header().number() != chain.size() || !block.header().parentHash().equals(headHash())) {
      return ProposalVerdict.reject("parentHash: not the head");
    }
    if (block.header().extraData()[0] == INVALID) {
      return ProposalVerdict.reject("extraData: marked invalid");
    }
    return ProposalVerdict.accept();
  }

  /** Every block of this application is empty: a body with transactions is not the header's. */
  @Override
  public boolean bodyMatchesHeader(Block block) {
    return block.transactions().isEmpty();
  }

  @Override
  public Finalization finalizeBlock(Block block) {
    return new Finalization(block.header().stateRoot());
  }

  @Override
  public CommitOutcome commit(Block block, CommitCertificate certificate) {
    long height = block.header().number();
    chain.add(block);
    certificates.add(certificate);
    ValidatorSet update = updates.get(height);
    if (update == null) {
      return CommitOutcome.unchanged();
    }
    sets.put(height + 2, update);
    return CommitOutcome.changedTo(update);
  }

  @Override
  public Optional<CommittedBlock> committedBlock(long height) {
    if (height < 1 || height >= chain.size()) {
      return Optional.empty();
    }
    return Optional.of(new CommittedBlock(chain.get((int) height), certificates.get((int) height)));
  }
}
