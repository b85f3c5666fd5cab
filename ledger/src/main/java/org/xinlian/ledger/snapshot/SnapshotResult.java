package org.xinlian.ledger.snapshot;

import org.xinlian.common.Hash;

/**
 * What an export wrote or an import loaded.
 *
 * @param height number of the snapshot's block
 * @param blockHash hash of that block's header
 * @param stateRoot the state root the content was checked against
 * @param accounts number of account records
 * @param slots number of storage-slot records
 * @param codes number of code records
 * @param bytes size of the snapshot file
 */
public record SnapshotResult(
    long height, Hash blockHash, Hash stateRoot, long accounts, long slots, long codes, long bytes) {}
