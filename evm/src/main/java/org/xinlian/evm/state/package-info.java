/**
 * The state boundary: the EVM sees accounts only through WorldState, whose journal makes every
 * frame revertible; InMemoryWorldState serves tests and tools.
 */
package org.xinlian.evm.state;
