package org.xinlian.storage;

/**
 * One entry met while iterating. The arrays belong to the caller.
 *
 * @param key the key, compared as unsigned bytes
 * @param value the stored value
 */
public record KeyValue(byte[] key, byte[] value) {}
