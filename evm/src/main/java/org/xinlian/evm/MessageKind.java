package org.xinlian.evm;

/** The opcode (or transaction) that started a message; it decides value, storage and code context. */
public enum MessageKind {
  CALL,
  CALLCODE,
  DELEGATECALL,
  STATICCALL,
  CREATE,
  CREATE2;

  public boolean isCreate() {
    return this == CREATE || this == CREATE2;
  }
}
