package org.xinlian.storage;

/** What a completed {@link KeyValueStore#write} survives. */
public enum WriteDurability {
  /** The write-ahead log is written before the call returns: a killed process loses nothing. */
  SURVIVE_PROCESS_CRASH,
  /** The log is also synced to the device (fsync): a power loss loses nothing; slower. */
  SURVIVE_POWER_LOSS
}
