package org.xinlian.storage.rocksdb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.xinlian.common.Hex;
import org.xinlian.storage.KeyValueStore;
import org.xinlian.storage.Namespace;
import org.xinlian.storage.StorageException;
import org.xinlian.storage.StoreOptions;

/**
 * Opens a store in three steps, so that refusing one changes nothing on disk: check the directory;
 * if a store exists, open it read-only to list its namespaces and check the format marker (this
 * also detects a corrupt CURRENT or MANIFEST); only then open it for writing.
 */
final class RocksDbOpener {
  /** Kept in RocksDB's default column family, which no {@link Namespace} can name. */
  static final byte[] FORMAT_KEY = "xinlian.storage.format".getBytes(StandardCharsets.US_ASCII);
  /** The on-disk layout this build reads and writes; a newer layout gets a new number. */
  static final String FORMAT_VERSION = "1";
  private static final byte[] DEFAULT_FAMILY = RocksDB.DEFAULT_COLUMN_FAMILY;

  private static boolean nativeLibraryLoaded;

  private RocksDbOpener() {}

  static KeyValueStore open(StoreOptions options) {
    loadNativeLibrary();
    Path directory = prepareDirectory(options.directory());
    boolean existing = Files.exists(directory.resolve("CURRENT"));
    List<byte[]> existingFamilies = List.of();
    boolean markerPresent = false;
    if (existing) {
      existingFamilies = listFamilies(directory);
      markerPresent = checkFormat(directory, existingFamilies);
    } else {
      requireNoStoreFiles(directory);
    }

    Map<String, byte[]> familyNames = new LinkedHashMap<>();
    familyNames.put(new String(DEFAULT_FAMILY, StandardCharsets.UTF_8), DEFAULT_FAMILY);
    existingFamilies.forEach(name -> familyNames.put(new String(name, StandardCharsets.UTF_8), name));
    options.namespaces().stream().sorted(java.util.Comparator.comparing(Namespace::name))
        .forEach(namespace -> familyNames.putIfAbsent(namespace.name(),
            namespace.name().getBytes(StandardCharsets.UTF_8)));

    NativeOptions tuning = new NativeOptions(options);
    List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
    familyNames.values().forEach(
        name -> descriptors.add(new ColumnFamilyDescriptor(name, tuning.columnFamilyOptions)));
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    RocksDB database;
    try {
      database = RocksDB.open(tuning.databaseOptions, directory.toString(), descriptors, handles);
    } catch (RocksDBException e) {
      tuning.close();
      throw RocksDbErrors.opening(directory, e);
    }
    try {
      if (!markerPresent) {
        database.put(handles.get(0), tuning.syncWriteOptions, FORMAT_KEY,
            FORMAT_VERSION.getBytes(StandardCharsets.US_ASCII));
      }
    } catch (RocksDBException e) {
      handles.forEach(ColumnFamilyHandle::close);
      database.close();
      tuning.close();
      throw RocksDbErrors.failed("writing its format marker", directory, e);
    }
    List<String> names = new ArrayList<>(familyNames.keySet());
    Map<Namespace, ColumnFamilyHandle> byNamespace = new HashMap<>();
    for (Namespace namespace : options.namespaces()) {
      byNamespace.put(namespace, handles.get(names.indexOf(namespace.name())));
    }
    return new RocksDbStore(directory, database, handles, byNamespace, tuning);
  }

  private static synchronized void loadNativeLibrary() {
    if (nativeLibraryLoaded) {
      return;
    }
    try {
      RocksDB.loadLibrary();
    } catch (RuntimeException | LinkageError e) {
      throw new StorageException("could not load RocksDB's native library (it is unpacked into "
          + "java.io.tmpdir, which must be writable and allow executables): " + e, e);
    }
    nativeLibraryLoaded = true;
  }

  private static Path prepareDirectory(Path requested) {
    Path directory = requested.toAbsolutePath().normalize();
    if (Files.exists(directory) && !Files.isDirectory(directory)) {
      throw new StorageException(
          "store directory " + directory + " is not a directory (it is a file); give a directory");
    }
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw new StorageException("could not create store directory " + directory + ": " + e, e);
    }
    if (!Files.isReadable(directory) || !Files.isWritable(directory)
        || !Files.isExecutable(directory)) {
      throw new StorageException("store directory " + directory
          + " is not readable and writable by this process; check its owner and permissions");
    }
    return directory;
  }

  /**
   * A directory without CURRENT must be empty (but for what a failed creation leaves), so that a
   * store that lost its CURRENT file, or a wrong directory, is never overwritten by a new store.
   */
  private static void requireNoStoreFiles(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      Optional<String> stray = entries.map(entry -> entry.getFileName().toString())
          .filter(name -> !name.equals("LOCK") && !name.equals("LOG") && !name.startsWith("LOG.old"))
          .sorted().findFirst();
      if (stray.isPresent()) {
        throw new StorageException("store directory " + directory + " holds files (such as "
            + stray.get() + ") but no CURRENT file: it is not a store, or its CURRENT file was "
            + "lost; nothing was changed");
      }
    } catch (IOException e) {
      throw new StorageException("could not list store directory " + directory + ": " + e, e);
    }
  }

  private static List<byte[]> listFamilies(Path directory) {
    List<byte[]> families;
    try (Options options = new Options()) {
      families = RocksDB.listColumnFamilies(options, directory.toString());
    } catch (RocksDBException e) {
      throw RocksDbErrors.opening(directory, e);
    }
    if (!families.isEmpty()) {
      return families;
    }
    // RocksDB lists nothing, rather than failing, when CURRENT or the MANIFEST cannot be read;
    // a read-only open of the default family reports why.
    try (Options options = new Options().setParanoidChecks(true);
        RocksDB database = RocksDB.openReadOnly(options, directory.toString())) {
      throw new StorageException("store at " + directory + " lists no column families: its "
          + "CURRENT or MANIFEST file is damaged; nothing was changed");
    } catch (RocksDBException e) {
      throw RocksDbErrors.opening(directory, e);
    }
  }

  /**
   * Reads the format marker through a read-only open; whether it is present. A store without one
   * is accepted only while it holds no data (its creation was interrupted before the marker).
   */
  private static boolean checkFormat(Path directory, List<byte[]> families) {
    List<ColumnFamilyHandle> handles = new ArrayList<>();
    try (DBOptions probeOptions = new DBOptions().setParanoidChecks(true)
            .setMaxOpenFiles(NativeOptions.OPEN_FILES_MAX);
        ColumnFamilyOptions familyOptions = new ColumnFamilyOptions()) {
      List<ColumnFamilyDescriptor> descriptors = new ArrayList<>();
      families.forEach(name -> descriptors.add(new ColumnFamilyDescriptor(name, familyOptions)));
      RocksDB database;
      try {
        database = RocksDB.openReadOnly(probeOptions, directory.toString(), descriptors, handles);
      } catch (RocksDBException e) {
        throw RocksDbErrors.opening(directory, e);
      }
      try {
        int defaultIndex = indexOf(families, DEFAULT_FAMILY);
        byte[] marker = database.get(handles.get(defaultIndex), FORMAT_KEY);
        if (marker != null) {
          String format = describe(marker);
          if (!format.equals(FORMAT_VERSION)) {
            throw new StorageException("store at " + directory + " has store format " + format
                + ", this build reads " + FORMAT_VERSION
                + "; open it with the Xinlian version that wrote it (nothing was changed)");
          }
          return true;
        }
        for (int index = 0; index < handles.size(); index++) {
          if (!isEmpty(database, handles.get(index))) {
            throw new StorageException("store at " + directory + " holds data (column family "
                + new String(families.get(index), StandardCharsets.UTF_8)
                + ") but no Xinlian format marker: it is not a Xinlian store (nothing was changed)");
          }
        }
        requireNoTables(directory);
        return false;
      } catch (RocksDBException e) {
        throw RocksDbErrors.failed("reading its format marker", directory, e);
      } finally {
        handles.forEach(ColumnFamilyHandle::close);
        database.close();
      }
    }
  }

  /**
   * An interrupted creation leaves no table file; a store without a marker that has them lost its
   * MANIFEST records (a truncated MANIFEST reads as an empty store), so it is refused.
   */
  private static void requireNoTables(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      Optional<String> table = entries.map(entry -> entry.getFileName().toString())
          .filter(name -> name.endsWith(".sst")).sorted().findFirst();
      if (table.isPresent()) {
        throw new StorageException("store at " + directory + " has table files (such as "
            + table.get() + ") but neither data nor a format marker in its MANIFEST: the MANIFEST "
            + "is truncated or damaged; nothing was changed");
      }
    } catch (IOException e) {
      throw new StorageException("could not list store directory " + directory + ": " + e, e);
    }
  }

  private static boolean isEmpty(RocksDB database, ColumnFamilyHandle handle)
      throws RocksDBException {
    try (RocksIterator iterator = database.newIterator(handle)) {
      iterator.seekToFirst();
      if (iterator.isValid()) {
        return false;
      }
      iterator.status();
      return true;
    }
  }

  private static int indexOf(List<byte[]> names, byte[] name) {
    for (int index = 0; index < names.size(); index++) {
      if (Arrays.equals(names.get(index), name)) {
        return index;
      }
    }
    throw new IllegalStateException("RocksDB lists no default column family");
  }

  /** The marker as text when it is short printable ASCII, else as hex, for the error message. */
  private static String describe(byte[] marker) {
    boolean printable = marker.length <= 16;
    for (byte value : marker) {
      printable &= value >= 0x21 && value <= 0x7e;
    }
    return printable ? new String(marker, StandardCharsets.US_ASCII) : Hex.encode(marker);
  }
}
