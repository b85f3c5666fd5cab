package org.xinlian.rpc.eth;

import java.util.List;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Receipt;

/**
 * Told of each committed block, so subscriptions and filters learn of new heads and logs without
 * polling the store. Implementations return quickly: they run on the committing thread.
 */
public interface ChainEventListener {
  void onBlockCommitted(Block block, List<Receipt> receipts);
}
