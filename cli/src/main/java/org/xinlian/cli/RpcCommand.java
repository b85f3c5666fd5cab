package org.xinlian.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code xinlian rpc}: credentials for a node's authenticated JSON-RPC (docs/ops/rpc-auth.md). */
@Command(
    name = "rpc",
    mixinStandardHelpOptions = true,
    description = {
      "Credentials for a node's authenticated JSON-RPC listener (rpc.auth in the node config).",
      "",
      "`rpc secret` makes an HS256 secret file, `rpc keygen` an ES256 (P-256) or SM2 key pair, "
          + "`rpc token` signs a token with either, with a permission list and an expiry."
    },
    subcommands = {CommandLine.HelpCommand.class, RpcTokenCommand.class, RpcSecretCommand.class,
        RpcKeygenCommand.class})
final class RpcCommand implements Runnable {
  /** Secret and key files are under a kilobyte; refuse to read a large file given by mistake. */
  static final long KEY_FILE_BYTES_MAX = 64 * 1024;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static String readSmall(Path file) {
    try {
      if (Files.size(file) > KEY_FILE_BYTES_MAX) {
        throw new UserException(file + ": larger than " + KEY_FILE_BYTES_MAX + " bytes, not a key or secret file");
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UserException("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** Owner-only from creation; never replaces an existing file, which may hold another key. */
  static void writePrivately(Path file, String text) {
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, text, StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw new UserException(file + " exists; not replacing it (it may hold a key in use)");
    } catch (IOException e) {
      throw new UserException("cannot write " + file + ": " + e.getMessage());
    }
  }
}
