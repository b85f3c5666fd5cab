/**
 * The interpreter loop, opcode groups, gas schedule and the message processor that runs nested
 * calls and creations without Java recursion.
 */
package org.xinlian.evm.interpreter;
