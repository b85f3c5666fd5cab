package org.xinlian.storage.rocksdb;

import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.Filter;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.WALRecoveryMode;
import org.rocksdb.WriteOptions;
import org.xinlian.storage.StoreOptions;
import org.xinlian.storage.WriteDurability;

/**
 * Every native options object a store owns, built from {@link StoreOptions} and released together
 * after the database is closed (RocksDB reads them until then).
 */
final class NativeOptions implements AutoCloseable {
  /** A node touches a bounded set of files; unbounded would exhaust the process's descriptors. */
  static final int OPEN_FILES_MAX = 1_000;
  /** Ten bits per key gives about a 1% false-positive rate, so most absent keys cost no disk read. */
  static final double BLOOM_BITS_PER_KEY = 10;
  /** All namespaces' write buffers together, so many namespaces cannot multiply memory use. */
  static final long WRITE_BUFFERS_BYTES_MAX = 256L * 1024 * 1024;
  static final long BLOCK_BYTES = 16L * 1024;
  static final long BYTES_PER_SYNC = 1024L * 1024;
  static final long INFO_LOG_FILE_BYTES_MAX = 16L * 1024 * 1024;
  static final long INFO_LOG_FILES_KEPT = 5;

  private final LRUCache blockCache;
  private final Filter bloomFilter;
  final ColumnFamilyOptions columnFamilyOptions;
  final DBOptions databaseOptions;
  final WriteOptions writeOptions;
  /** Writes that must reach the device whatever the durability (the format marker). */
  final WriteOptions syncWriteOptions;
  final ReadOptions readOptions;

  NativeOptions(StoreOptions options) {
    blockCache = options.blockCacheBytes() > 0 ? new LRUCache(options.blockCacheBytes()) : null;
    bloomFilter = new BloomFilter(BLOOM_BITS_PER_KEY, false);
    BlockBasedTableConfig table = new BlockBasedTableConfig()
        .setFilterPolicy(bloomFilter)
        .setWholeKeyFiltering(true)
        .setBlockSize(BLOCK_BYTES)
        .setCacheIndexAndFilterBlocks(true)
        .setPinL0FilterAndIndexBlocksInCache(true);
    if (blockCache == null) {
      table.setNoBlockCache(true);
    } else {
      table.setBlockCache(blockCache);
    }
    columnFamilyOptions = new ColumnFamilyOptions()
        .setTableFormatConfig(table)
        .setCompressionType(CompressionType.LZ4_COMPRESSION)
        .setBottommostCompressionType(CompressionType.LZ4_COMPRESSION)
        .setLevelCompactionDynamicLevelBytes(true);
    databaseOptions = new DBOptions()
        .setCreateIfMissing(true)
        .setCreateMissingColumnFamilies(true)
        .setParanoidChecks(true)
        // Replays the log up to its first damaged record: after a crash that is the write the
        // crash interrupted, which was never acknowledged.
        .setWalRecoveryMode(WALRecoveryMode.PointInTimeRecovery)
        .setMaxOpenFiles(OPEN_FILES_MAX)
        .setDbWriteBufferSize(WRITE_BUFFERS_BYTES_MAX)
        .setBytesPerSync(BYTES_PER_SYNC)
        .setInfoLogLevel(InfoLogLevel.INFO_LEVEL)
        .setMaxLogFileSize(INFO_LOG_FILE_BYTES_MAX)
        .setKeepLogFileNum(INFO_LOG_FILES_KEPT);
    writeOptions = new WriteOptions()
        .setSync(options.durability() == WriteDurability.SURVIVE_POWER_LOSS);
    syncWriteOptions = new WriteOptions().setSync(true);
    readOptions = new ReadOptions().setVerifyChecksums(true);
  }

  @Override
  public void close() {
    readOptions.close();
    syncWriteOptions.close();
    writeOptions.close();
    databaseOptions.close();
    columnFamilyOptions.close();
    bloomFilter.close();
    if (blockCache != null) {
      blockCache.close();
    }
  }
}
