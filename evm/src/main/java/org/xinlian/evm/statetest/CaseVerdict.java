package org.xinlian.evm.statetest;

import java.util.Objects;

/**
 * The verdict on one Cancun post entry, or on a whole file that could not be read (then
 * {@code name} is {@link #WHOLE_FILE}).
 *
 * @param name the case, {@code <test>_d<data>g<gas>v<value>}
 * @param file the file name, without its directory
 * @param folder the name of the directory holding the file
 * @param passed whether the state root and logs hash both matched
 * @param reason why it failed; empty when it passed
 * @param elapsedNanos how long the case took, for finding slow cases
 */
public record CaseVerdict(
    String name, String file, String folder, boolean passed, String reason, long elapsedNanos) {
  /** The case name of a verdict on a file that could not be read or parsed. */
  public static final String WHOLE_FILE = "(file)";

  public CaseVerdict {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(folder, "folder");
    Objects.requireNonNull(reason, "reason");
  }

  /** {@code <folder>/<file>:<case>}, how the conformance tool names a case (EVM-9). */
  public String qualifiedName() {
    return folder + "/" + file + ":" + name;
  }
}
