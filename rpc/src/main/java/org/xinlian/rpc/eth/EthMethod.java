package org.xinlian.rpc.eth;

import org.xinlian.rpc.RpcCall;
import org.xinlian.rpc.RpcClient;
import org.xinlian.rpc.RpcMethod;

/** A method of this package: every one reads the chain through the shared context. */
abstract class EthMethod implements RpcMethod {
  final EthContext context;

  EthMethod(EthContext context) {
    this.context = context;
  }

  /** How an in-process caller (a test, a tool) calls a method that needs a call: unbounded, local. */
  static RpcCall local() {
    return RpcCall.unbounded(RpcClient.LOCAL);
  }
}
