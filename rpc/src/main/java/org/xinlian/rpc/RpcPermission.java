package org.xinlian.rpc;

/**
 * What a method may do, so an operator exposes only what is safe on the port: PUBLIC methods are
 * always served; ADMIN and DEBUG methods are hidden (answered as "method not found") unless the
 * server configuration enables their permission.
 */
public enum RpcPermission {
  /** Reads of chain data and submission of signed transactions; safe for any caller. */
  PUBLIC,
  /** Node administration (peers, configuration); only for a trusted operator. */
  ADMIN,
  /** Tracing and internals; expensive or revealing, only for a trusted operator. */
  DEBUG
}
