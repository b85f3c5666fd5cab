package org.xinlian.rpc.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.xinlian.common.DecodingException;

/**
 * Which JSON-RPC methods a caller may call, in Besu's format: {@code namespace:method} or
 * {@code namespace:*} (for example {@code eth:*}, {@code eth:sendRawTransaction}), a bare method
 * name ({@code eth_sendRawTransaction}), or {@code *:*} for every method. A pattern with a leading
 * {@code !} takes a method or namespace away again, so a read-only grant is {@code ["*:*",
 * "!eth_sendRawTransaction"]}. A method is allowed when some grant matches it and no exclusion
 * does (OPS-5).
 *
 * @param patterns the patterns as written, at most {@link #PATTERNS_MAX}
 */
public record RpcPermissions(List<String> patterns) {
  /** A token lists a few namespaces; a long list is a mistake or an attack on the verifier. */
  public static final int PATTERNS_MAX = 64;
  /** Longest pattern: method names are short. */
  public static final int PATTERN_CHARS_MAX = 64;
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");
  private static final Pattern METHOD = Pattern.compile("[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+");

  /** Every method. */
  public static final RpcPermissions ALL = new RpcPermissions(List.of("*:*"));
  /** No method. */
  public static final RpcPermissions NONE = new RpcPermissions(List.of());

  public RpcPermissions {
    patterns = List.copyOf(patterns);
    if (patterns.size() > PATTERNS_MAX) {
      throw new DecodingException("permissions", "at most " + PATTERNS_MAX + " entries, got " + patterns.size());
    }
    for (int i = 0; i < patterns.size(); i++) {
      String problem = problem(patterns.get(i));
      if (problem != null) {
        throw new DecodingException("permissions." + i, problem);
      }
    }
  }

  /** Parses a comma-separated list ({@code "eth:*,net:*"}), as the CLI takes it. */
  public static RpcPermissions parse(String commaSeparated) {
    List<String> patterns = new ArrayList<>();
    for (String part : commaSeparated.split(",", -1)) {
      if (!part.isBlank()) {
        patterns.add(part.trim());
      }
    }
    return new RpcPermissions(patterns);
  }

  /** Whether {@code method} (a wire name such as {@code eth_call}) is allowed. */
  public boolean allows(String method) {
    boolean granted = false;
    for (String pattern : patterns) {
      if (pattern.startsWith("!")) {
        if (matches(pattern.substring(1), method)) {
          return false;
        }
      } else if (!granted && matches(pattern, method)) {
        granted = true;
      }
    }
    return granted;
  }

  static boolean matches(String pattern, String method) {
    if ("*:*".equals(pattern)) {
      return true;
    }
    int underscore = method.indexOf('_');
    String namespace = underscore < 0 ? method : method.substring(0, underscore);
    int colon = pattern.indexOf(':');
    if (colon < 0) {
      return pattern.equals(method);
    }
    String patternNamespace = pattern.substring(0, colon);
    String patternMethod = pattern.substring(colon + 1);
    if (!patternNamespace.toLowerCase(Locale.ROOT).equals(namespace.toLowerCase(Locale.ROOT))) {
      return false;
    }
    return "*".equals(patternMethod) || (underscore >= 0 && patternMethod.equals(method.substring(underscore + 1)));
  }

  private static String problem(String pattern) {
    if (pattern == null) {
      return "must be a string";
    }
    if (pattern.length() > PATTERN_CHARS_MAX) {
      return "longer than " + PATTERN_CHARS_MAX + " characters";
    }
    String body = pattern.startsWith("!") ? pattern.substring(1) : pattern;
    if ("*:*".equals(body)) {
      return null;
    }
    int colon = body.indexOf(':');
    if (colon < 0) {
      return METHOD.matcher(body).matches() ? null
          : "\"" + pattern + "\" is neither namespace:method, namespace:*, *:* nor a method name like eth_call";
    }
    String namespace = body.substring(0, colon);
    String method = body.substring(colon + 1);
    if (!NAME.matcher(namespace).matches() || !("*".equals(method) || METHOD.matcher("x_" + method).matches())) {
      return "\"" + pattern + "\" is neither namespace:method, namespace:*, *:* nor a method name like eth_call";
    }
    return null;
  }

  @Override
  public String toString() {
    return String.join(",", patterns);
  }
}
