/** JMH benchmarks; figures go in the notes on the issues, never into timed unit tests. */
package org.xinlian.bench;
