package org.xinlian.cli;

import picocli.CommandLine.Option;

/** When a proposal may execute and how long it stays open for votes (GOV-3). */
final class GovTiming {
  /** A week of one-second blocks: long enough for governors in other time zones. */
  static final long VOTING_PERIOD_BLOCKS_DEFAULT = 604_800;

  @Option(names = "--execute-at", paramLabel = "H", defaultValue = "0",
      description = "The first height it may execute at once passed; 0 executes when it passes (default).")
  long executeAt;

  @Option(names = "--voting-period", paramLabel = "BLOCKS", defaultValue = "" + VOTING_PERIOD_BLOCKS_DEFAULT,
      description = "Blocks it stays open for votes, 1 to 1000000 (default: ${DEFAULT-VALUE}).")
  long votingPeriodBlocks;
}
