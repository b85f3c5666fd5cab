/**
 * The Ethereum Virtual Machine through Cancun: messages, results and the block and transaction
 * contexts the interpreter reads. Gas and results match Ethereum exactly; GeneralStateTests are
 * the conformance check.
 */
package org.xinlian.evm;
