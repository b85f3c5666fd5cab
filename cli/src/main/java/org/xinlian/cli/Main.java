package org.xinlian.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xinlian} command. Subcommands only wire modules together and talk to the user. */
@Command(
    name = "xinlian",
    mixinStandardHelpOptions = true,
    version = "xinlian 0.1.0-SNAPSHOT",
    description = "Xinlian (信链): a consortium blockchain platform.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (for tests; {@link #main} exits with it). */
  public static int execute(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
