package org.xinlian.types.transaction;

/**
 * The transaction envelope types Xinlian accepts, with their EIP-2718 type byte. Legacy
 * transactions have no type byte on the wire; 0 is their type in receipts and RPC.
 */
public enum TransactionType {
  LEGACY(0),
  ACCESS_LIST(1),
  DYNAMIC_FEE(2);

  private final int typeByte;

  TransactionType(int typeByte) {
    this.typeByte = typeByte;
  }

  /** The EIP-2718 type byte (0 for legacy). */
  public int typeByte() {
    return typeByte;
  }
}
