package org.xinlian.cli;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.evm.word.UInt256;
import org.xinlian.ledger.LedgerNamespaces;
import org.xinlian.ledger.chain.BlockStore;
import org.xinlian.ledger.chain.LedgerSchema;
import org.xinlian.ledger.proof.AccountProof;
import org.xinlian.ledger.proof.ProofJson;
import org.xinlian.ledger.proof.StateProofs;
import org.xinlian.ledger.state.StateDatabase;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.KeyValueStores;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteDurability;
import org.xinlian.trie.MissingNodeException;
import org.xinlian.types.block.BlockHeader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code xinlian db proof}: an {@code eth_getProof} answer from a stopped node (STATE-16). */
@Command(
    name = "proof",
    mixinStandardHelpOptions = true,
    description = {
      "Prove an account and some of its storage slots in the state of the head block (or of the "
          + "canonical block --block) of a stopped node's ledger, absent ones included.",
      "",
      "Standard output is exactly the eth_getProof JSON object, for other tools and for "
          + "'xinlian proof verify'; the block number, block hash and state root it was proven "
          + "against go to standard error."
    })
final class DbProofCommand implements Callable<Integer> {
  /** Small: a proof reads a few dozen trie nodes once. */
  private static final long BLOCK_CACHE_BYTES = 8L * 1024 * 1024;
  /** A slot is a 256-bit word: at most 64 hex digits. */
  private static final int SLOT_DIGITS_MAX = 2 * UInt256.BYTES;

  private final CliEnvironment environment;

  @Option(names = "--data", required = true, paramLabel = "DIR",
      description = "The ledger directory, or the node or development chain directory that holds it.")
  Path data;

  @Option(names = "--address", required = true, paramLabel = "ADDRESS",
      description = "The account, 40 hex digits (0x optional).")
  String address;

  @Option(names = "--slot", arity = "1..*", paramLabel = "SLOT",
      description = "Storage slots to prove, up to 64 hex digits each (0x optional); repeatable.")
  List<String> slots = new ArrayList<>();

  @Option(names = "--block", paramLabel = "N",
      description = "Prove against the state of the canonical block at this height (default: the "
          + "head); a pruning node keeps only recent states.")
  Long block;

  DbProofCommand(CliEnvironment environment) {
    this.environment = environment;
  }

  @Override
  public Integer call() throws Exception {
    Address account = parseAddress(address);
    List<UInt256> keys = parseSlots(slots);
    if (block != null && block < 0) {
      throw new UserException("--block " + block + ": a block height is not negative");
    }
    Path directory = LedgerDirectory.locate(environment.resolve(data));
    DbVerifyCommand.requireLedgerDirectory(directory);
    String location = directory.toString();
    try (KeyValueStore store = KeyValueStores.openRocksDb(new StoreOptions(directory,
        LedgerNamespaces.ALL, WriteDurability.SURVIVE_PROCESS_CRASH, BLOCK_CACHE_BYTES))) {
      LedgerSchema.ChainFacts facts = LedgerSchema.check(store, LedgerNamespaces.ALL, location)
          .orElseThrow(() -> new UserException("no ledger in " + location));
      if (!CryptoSuites.names().contains(facts.suiteName())) {
        throw new UserException("the ledger in " + location + " records an unknown crypto suite '"
            + facts.suiteName() + "'");
      }
      CryptoSuite suite = CryptoSuites.byName(facts.suiteName());
      BlockStore blocks = BlockStore.open(store, suite, location);
      BlockHeader head = blocks.head().orElseThrow(
          () -> new UserException("no ledger in " + location + " (no head block)"));
      BlockHeader header = block == null ? head : blocks.header(block).orElseThrow(
          () -> new UserException("the ledger in " + location + " has no canonical block at height "
              + block + " (the head is block " + head.number() + ")"));
      AccountProof proof;
      try {
        proof = StateProofs.prove(new StateDatabase(store, suite), header.stateRoot(), account, keys);
      } catch (MissingNodeException e) {
        throw new UserException(missingState(header, head, e));
      }
      environment.out().println(ProofJson.toJson(proof));
      environment.err().println("proven against block " + header.number() + " "
          + header.hash(suite) + ", state root " + header.stateRoot() + " (" + suite.name() + ")");
      return 0;
    } catch (StorageException e) {
      // A missing, locked (node running), foreign or newer store is the operator's to fix.
      throw new UserException(e.getMessage());
    }
  }

  /**
   * A state below the head that lacks nodes was pruned (the store does not record how many blocks
   * the node keeps); a head state that lacks nodes is damage.
   */
  private static String missingState(BlockHeader header, BlockHeader head, MissingNodeException e) {
    if (header.number() < head.number()) {
      return "the state of block " + header.number() + " was pruned: this node keeps only the "
          + "states of its most recent blocks (head is block " + head.number() + "); prove at a "
          + "later block or ask an archive node";
    }
    return "the state of head block " + header.number() + " is incomplete (" + e.getMessage()
        + "); run 'xinlian db verify'";
  }

  private static Address parseAddress(String text) {
    try {
      return Address.fromHex(text);
    } catch (DecodingException e) {
      throw new UserException("--address " + text + ": " + problem(e));
    }
  }

  private static List<UInt256> parseSlots(List<String> texts) {
    if (texts.size() > StateProofs.STORAGE_KEYS_MAX) {
      throw new UserException("--slot: " + texts.size() + " slots exceed "
          + StateProofs.STORAGE_KEYS_MAX + " per proof");
    }
    List<UInt256> keys = new ArrayList<>(texts.size());
    for (String text : texts) {
      String digits = text.startsWith("0x") || text.startsWith("0X") ? text.substring(2) : text;
      boolean hex = !digits.isEmpty() && digits.length() <= SLOT_DIGITS_MAX
          && digits.chars().allMatch(character -> Character.digit(character, 16) >= 0);
      if (!hex) {
        throw new UserException("--slot " + text + ": expected 1 to " + SLOT_DIGITS_MAX
            + " hex digits");
      }
      keys.add(UInt256.fromBigInteger(new BigInteger(digits, 16)));
    }
    return keys;
  }

  /** The message of {@code e} without its field, for a line that names the option instead. */
  static String problem(DecodingException e) {
    String prefix = e.field() + ": ";
    return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
  }
}
