package org.xinlian.rpc.governance;

import org.xinlian.common.Address;
import org.xinlian.rpc.BlockTag;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcPermission;

/**
 * {@code xinlian_getAccount [address, block?]}: what governance says of an account or contract
 * (GOV-16): its roles by name, organisation, status ({@code normal}, {@code frozen}, {@code
 * abolished}), whether it is a governor and whether it may send transactions now (GOV-8), and
 * whether it has code, so a frozen contract and a frozen account read alike but are told apart.
 */
final class XinlianGetAccount implements RpcMethod {
  static final String NAME = "xinlian_getAccount";

  private final GovernanceReads reads;

  XinlianGetAccount(GovernanceReads reads) {
    this.reads = reads;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RpcPermission permission() {
    return RpcPermission.PUBLIC;
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 2);
    Address address = params.address(0, "address");
    BlockTag block = params.blockTagOr(1, "block", BlockTag.LATEST);
    reads.requirePermissioned(NAME);
    return reads.read(block, snapshot -> GovernanceJson.account(address,
        snapshot.governance().account(address), snapshot.state().code(address).length > 0));
  }
}
