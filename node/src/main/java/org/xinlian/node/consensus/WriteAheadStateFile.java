package org.xinlian.node.consensus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.xinlian.common.DecodingException;

/**
 * The engine's write-ahead state (docs/spec/consensus.md CONSENSUS-13) in one file of the data
 * directory, replaced atomically: written to a temporary name, forced to the device, renamed over
 * the old one, and the directory forced, so after a crash or a power loss the file holds either
 * the previous record or the new one, never a mix (NODE-10). Why not the ledger store: its writes
 * survive a killed process but are not synced to the device, and a validator that forgets a vote
 * after a power loss could sign a second, different one.
 */
final class WriteAheadStateFile {
  /** The file's name inside the data directory. */
  static final String FILE_NAME = "consensus-state";

  /**
   * Largest record: a lock and a proposal can each carry a block of up to the 16 MiB message
   * limit, with their signatures.
   */
  static final long STATE_BYTES_MAX = 40L * 1024 * 1024;

  private final Path file;
  private final Path partial;
  private final Path directory;

  WriteAheadStateFile(Path directory) {
    this.directory = directory;
    this.file = directory.resolve(FILE_NAME);
    this.partial = directory.resolve(FILE_NAME + ".partial");
  }

  /**
   * The last record written, empty on a first start. A leftover partial file (a crash during a
   * write) is ignored: its record was never reported durable, so nothing was sent after it.
   *
   * @throws DecodingException if the file is larger than any record could be
   */
  Optional<byte[]> read() {
    try {
      long size = Files.size(file);
      if (size > STATE_BYTES_MAX) {
        throw new DecodingException("consensusState", file + " is " + size
            + " bytes, above the limit of " + STATE_BYTES_MAX);
      }
      return Optional.of(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Replaces the record durably; returns only once it survives a power loss. */
  void write(byte[] state) {
    try {
      try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE,
          StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(state);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      try {
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        throw new IOException("the file system of " + directory + " cannot rename atomically", e);
      }
      forceDirectory();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the consensus state " + file, e);
    }
  }

  /** Makes the rename itself durable; file systems that cannot open a directory skip it. */
  private void forceDirectory() throws IOException {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (UnsupportedOperationException | java.nio.file.AccessDeniedException e) {
      // Windows cannot open a directory as a channel; there the rename is as durable as it gets.
    }
  }
}
