package org.xinlian.ledger.verify;

import java.util.List;

/**
 * What a verification run checked and found. The list of mismatches is capped at
 * {@link LedgerVerifier#MISMATCHES_MAX} so a wholly corrupt store cannot exhaust memory;
 * {@code mismatchCount} counts them all.
 *
 * @param headNumber the head block's number, or -1 when the head is unreadable
 * @param blocksChecked canonical blocks visited
 * @param transactionsChecked transactions whose index entry was checked
 * @param trieNodesChecked trie nodes of the head state read and re-hashed
 * @param codeEntriesChecked contract codes read and re-hashed
 */
public record VerificationReport(
    long headNumber,
    long blocksChecked,
    long transactionsChecked,
    long trieNodesChecked,
    long codeEntriesChecked,
    long mismatchCount,
    List<Mismatch> mismatches) {
  public VerificationReport {
    mismatches = List.copyOf(mismatches);
  }

  public boolean clean() {
    return mismatchCount == 0;
  }

  /** The closing line of a run, for tools and logs. */
  public String summary() {
    return "head " + headNumber + ": " + blocksChecked + " blocks, " + transactionsChecked
        + " transactions, " + trieNodesChecked + " state trie nodes, " + codeEntriesChecked
        + " contract codes checked; " + mismatchCount + (mismatchCount == 1 ? " mismatch" : " mismatches");
  }
}
