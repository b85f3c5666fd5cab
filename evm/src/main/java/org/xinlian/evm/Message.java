package org.xinlian.evm;

import org.xinlian.common.Address;
import org.xinlian.evm.word.UInt256;

/**
 * One message call or contract creation, as the Yellow Paper's Θ and Λ functions take it.
 *
 * @param kind what started the message
 * @param sender the account that pays {@code value} and that CALLER reports
 * @param recipient the account whose balance, storage and ADDRESS the code sees (for a creation,
 *     the new contract's address)
 * @param codeAddress where the code came from (differs from recipient for CALLCODE/DELEGATECALL)
 * @param value the value CALLVALUE reports
 * @param transfersValue whether {@code value} moves from sender to recipient (false for
 *     DELEGATECALL, whose value is only inherited for CALLVALUE)
 * @param input call data (empty for creations)
 * @param code the code to run (initcode for creations)
 * @param gas gas available to the message, stipend included
 * @param depth 0 for the transaction's own message
 * @param isStatic whether state changes are forbidden (STATICCALL and below)
 */
public record Message(
    MessageKind kind,
    Address sender,
    Address recipient,
    Address codeAddress,
    UInt256 value,
    boolean transfersValue,
    byte[] input,
    byte[] code,
    long gas,
    int depth,
    boolean isStatic) {}
