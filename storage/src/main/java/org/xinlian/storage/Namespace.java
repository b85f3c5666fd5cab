package org.xinlian.storage;

import java.util.regex.Pattern;

/**
 * A separate key space inside one store (a RocksDB column family). Namespaces keep unrelated data
 * apart, so a key in one can never collide with a key in another, and each can be iterated, tuned
 * or dropped on its own.
 *
 * @param name lower-case letters, digits and underscores, 1 to {@link #NAME_LENGTH_MAX} characters
 */
public record Namespace(String name) {
  public static final int NAME_LENGTH_MAX = 64;
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  public Namespace {
    if (name == null || name.isEmpty() || name.length() > NAME_LENGTH_MAX
        || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "namespace name must match [a-z][a-z0-9_]* and be at most " + NAME_LENGTH_MAX
              + " characters: " + name);
    }
  }

  public static Namespace of(String name) {
    return new Namespace(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
