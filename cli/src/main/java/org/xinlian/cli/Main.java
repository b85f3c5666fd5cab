package org.xinlian.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import org.xinlian.crypto.CryptoException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code xinlian} command. Subcommands only wire modules together and talk to the user. */
@Command(
    name = "xinlian",
    mixinStandardHelpOptions = true,
    version = "xinlian 0.1.0-SNAPSHOT",
    description = "Xinlian (信链): a consortium blockchain platform.",
    subcommands = {
      CommandLine.HelpCommand.class, KeyCommand.class, TxCommand.class, EvmCommand.class,
      DbCommand.class, ProofCommand.class, NodeCommand.class, DevCommand.class,
      NetworkCommand.class, BenchCommand.class, ValidatorsCommand.class, GovCommand.class,
      AccountCommand.class, ContractCommand.class, ParamCommand.class, AdminCommand.class,
      CaCommand.class, FeatureCommand.class, RpcCommand.class
    })
public final class Main implements Runnable {
  /** Exit code of a user error (bad input, bad file, wrong password). */
  static final int EXIT_USER_ERROR = 1;

  /** Exit code of a command line that does not parse (picocli's convention). */
  static final int EXIT_USAGE = 2;

  /** Exit code of a bug: an exception that no user input should cause (sysexits EX_SOFTWARE). */
  static final int EXIT_INTERNAL_ERROR = 70;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (for tests; {@link #main} exits with it). */
  public static int execute(String... args) {
    return execute(System.out, System.err, args);
  }

  /** As {@link #execute(String...)}, printing results to {@code out} and errors to {@code err}. */
  public static int execute(PrintStream out, PrintStream err, String... args) {
    return execute(CliEnvironment.system(out, err), args);
  }

  static int execute(CliEnvironment environment, String... args) {
    PrintWriter out = new PrintWriter(environment.out(), true);
    PrintWriter err = new PrintWriter(environment.err(), true);
    CommandLine commandLine = new CommandLine(new Main(), new Factory(environment));
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setParameterExceptionHandler(
        (exception, arguments) -> {
          CommandLine failed = exception.getCommandLine();
          err.println(
              "error: " + oneLine(exception.getMessage()) + " (see '"
                  + failed.getCommandSpec().qualifiedName() + " --help')");
          return EXIT_USAGE;
        });
    commandLine.setExecutionExceptionHandler(
        (exception, failed, parseResult) -> {
          boolean userError = isUserError(exception);
          String message = describe(exception);
          err.println(userError ? "error: " + message : "error: internal error: " + message);
          return userError ? EXIT_USER_ERROR : EXIT_INTERNAL_ERROR;
        });
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Errors the user can fix: bad input ({@link IllegalArgumentException}, which includes every
   * {@link org.xinlian.common.DecodingException}), a wrong password ({@link CryptoException}),
   * files that are missing or unreadable ({@link IOException}).
   */
  private static boolean isUserError(Exception exception) {
    return exception instanceof UserException
        || exception instanceof IllegalArgumentException
        || exception instanceof CryptoException
        || exception instanceof IOException
        || exception instanceof UncheckedIOException;
  }

  private static String describe(Exception exception) {
    Throwable cause =
        exception instanceof UncheckedIOException unchecked ? unchecked.getCause() : exception;
    if (cause instanceof NoSuchFileException e) {
      return "no such file: " + e.getFile();
    }
    if (cause instanceof FileAlreadyExistsException e) {
      return "file already exists (not overwritten): " + e.getFile();
    }
    if (cause instanceof AccessDeniedException e) {
      return "permission denied: " + e.getFile();
    }
    if (cause instanceof NotDirectoryException e) {
      return "not a directory: " + e.getFile();
    }
    if (!isUserError(exception)) {
      return oneLine(exception.getClass().getName() + ": " + exception.getMessage());
    }
    String message = cause.getMessage();
    return oneLine(message == null ? cause.getClass().getSimpleName() : message);
  }

  private static String oneLine(String message) {
    return message.strip().replaceAll("\\s*[\\r\\n]+\\s*", " ");
  }

  /** Creates commands, handing the environment to those that take it. */
  private record Factory(CliEnvironment environment) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      try {
        return type.getDeclaredConstructor(CliEnvironment.class).newInstance(environment);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(type);
      }
    }
  }
}
