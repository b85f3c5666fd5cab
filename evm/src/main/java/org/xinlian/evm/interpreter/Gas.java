package org.xinlian.evm.interpreter;

/** Gas prices of the Cancun fork (Yellow Paper appendix G with EIP-2929, EIP-3529, EIP-3860). */
public final class Gas {
  private Gas() {}

  public static final long ZERO = 0;
  public static final long JUMPDEST = 1;
  public static final long BASE = 2;
  public static final long VERY_LOW = 3;
  public static final long LOW = 5;
  public static final long MID = 8;
  public static final long HIGH = 10;
  public static final long EXP = 10;
  public static final long EXP_BYTE = 50;
  public static final long KECCAK256 = 30;
  public static final long KECCAK256_WORD = 6;
  public static final long COPY_WORD = 3;
  public static final long BLOCKHASH = 20;
  public static final long WARM_ACCESS = 100;
  public static final long COLD_ACCOUNT_ACCESS = 2600;
  public static final long COLD_SLOAD = 2100;
  public static final long SSTORE_SET = 20000;
  /** 5000 minus the cold surcharge, which EIP-2929 charges separately. */
  public static final long SSTORE_RESET = 2900;
  public static final long SSTORE_CLEARS_REFUND = 4800;
  /** SSTORE fails when no more than the call stipend is left (EIP-2200 sentry). */
  public static final long SSTORE_SENTRY = 2300;
  public static final long LOG = 375;
  public static final long LOG_TOPIC = 375;
  public static final long LOG_DATA_BYTE = 8;
  public static final long CREATE = 32000;
  public static final long INITCODE_WORD = 2;
  public static final long CODE_DEPOSIT_BYTE = 200;
  public static final long CALL_VALUE = 9000;
  public static final long CALL_STIPEND = 2300;
  public static final long NEW_ACCOUNT = 25000;
  public static final long SELFDESTRUCT = 5000;
  public static final long TRANSIENT = 100;

  /** EIP-170 deployed code limit. */
  public static final int CODE_BYTES_MAX = 24576;
  /** EIP-3860 initcode limit. */
  public static final int INITCODE_BYTES_MAX = 2 * CODE_BYTES_MAX;
  public static final int CALL_DEPTH_MAX = 1024;

  static long words(long bytes) {
    return (bytes + 31) / 32;
  }
}
