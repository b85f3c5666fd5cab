package org.xinlian.evm;

import java.util.function.LongFunction;
import org.xinlian.common.Address;
import org.xinlian.common.Hash;
import org.xinlian.evm.word.UInt256;

/**
 * What the block environment opcodes read. {@code blockHashes} maps a block number to its hash;
 * it is only asked for the 256 blocks before {@code number}.
 */
public record BlockContext(
    Address coinbase,
    long number,
    long timestamp,
    long gasLimit,
    UInt256 baseFee,
    UInt256 prevRandao,
    UInt256 chainId,
    UInt256 blobBaseFee,
    LongFunction<Hash> blockHashes) {}
