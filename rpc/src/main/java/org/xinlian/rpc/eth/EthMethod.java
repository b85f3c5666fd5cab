package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcMethod;

/** A method of this package: every one reads the chain through the shared context. */
abstract class EthMethod implements RpcMethod {
  final EthContext context;

  EthMethod(EthContext context) {
    this.context = context;
  }
}
