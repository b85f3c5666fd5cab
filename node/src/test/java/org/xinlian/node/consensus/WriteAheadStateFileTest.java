package org.xinlian.node.consensus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xinlian.common.DecodingException;

/** NODE-10: the write-ahead state file is replaced whole, survives reopening, and is bounded. */
class WriteAheadStateFileTest {
  @TempDir Path directory;

  @Test
  void firstStartHasNoState() {
    assertEquals(Optional.empty(), new WriteAheadStateFile(directory).read());
  }

  @Test
  void theLastRecordWrittenIsReadBackByANewInstance() {
    WriteAheadStateFile file = new WriteAheadStateFile(directory);
    file.write(new byte[] {1, 2, 3});
    file.write(new byte[] {4, 5});
    assertArrayEquals(new byte[] {4, 5}, new WriteAheadStateFile(directory).read().orElseThrow());
    assertTrue(Files.notExists(directory.resolve(WriteAheadStateFile.FILE_NAME + ".partial")));
  }

  @Test
  void aPartialFileLeftByACrashIsIgnored() throws Exception {
    WriteAheadStateFile file = new WriteAheadStateFile(directory);
    file.write(new byte[] {7});
    Files.write(directory.resolve(WriteAheadStateFile.FILE_NAME + ".partial"), new byte[] {9, 9});
    assertArrayEquals(new byte[] {7}, file.read().orElseThrow());
    file.write(new byte[] {8});
    assertArrayEquals(new byte[] {8}, file.read().orElseThrow());
  }

  @Test
  void aFileLargerThanAnyRecordIsRefused() throws Exception {
    try (RandomAccessFile sparse = new RandomAccessFile(
        directory.resolve(WriteAheadStateFile.FILE_NAME).toFile(), "rw")) {
      sparse.setLength(WriteAheadStateFile.STATE_BYTES_MAX + 1);
    }
    DecodingException error = assertThrows(DecodingException.class,
        () -> new WriteAheadStateFile(directory).read());
    assertEquals("consensusState", error.field());
  }
}
