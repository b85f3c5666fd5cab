package org.xinlian.rpc.eth;

import java.util.List;
import org.xinlian.types.block.Block;
import org.xinlian.types.block.Receipt;

/**
 * Told of each committed block, so subscriptions and filters see it. Placeholder: replaced by the
 * full implementation at merge.
 */
public interface ChainEventListener {
  void onBlockCommitted(Block block, List<Receipt> receipts);
}
