package org.xinlian.cli;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.execution.feature.ProtocolFeature;
import org.xinlian.execution.governance.Governance;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;
import org.xinlian.execution.governance.Role;

/**
 * A proposal's payload from command-line values (GOV-18): each field of the kind's ABI tuple
 * (contracts/IXinlianGovernance.sol) comes from the option named after it ({@code --governor},
 * {@code --quorum-bps}, …), is parsed as its ABI type, and a missing, malformed or foreign value
 * is refused naming the option.
 */
final class ProposalFields {
  private ProposalFields() {}

  /**
   * The option of a field: the field name in kebab case, except SET_PARAMETER's {@code key}
   * ({@code --parameter}, as {@code --key} names the sender's key) and SET_VOTING_RULE's {@code
   * kind} ({@code --rule-kind}, as the proposal's kind is the first argument).
   */
  static String option(String field) {
    return switch (field) {
      case "key" -> "--parameter";
      case "kind" -> "--rule-kind";
      default -> "--" + field.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    };
  }

  /** The kind a user names: {@code GRANT_ROLE}, {@code grant-role} or {@code grant_role}. */
  static ProposalKind kind(String text, String option) {
    String name = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    return ProposalKind.ofName(name).orElseGet(() -> {
      try {
        return ProposalKind.ofCode(Integer.parseInt(name)).orElseThrow();
      } catch (RuntimeException e) {
        throw new UserException(option + ": \"" + text + "\" is not a proposal kind (ADD_GOVERNOR … SCHEDULE_FEATURE)");
      }
    });
  }

  /**
   * The ABI-encoded payload of {@code kind} from {@code given} (field name to text); files (a
   * CA certificate) resolve with {@code resolve}.
   */
  static byte[] payload(ProposalKind kind, Map<String, String> given, Function<Path, Path> resolve) {
    List<String> fields = new ArrayList<>();
    for (int i = 0; i < kind.fieldCount(); i++) {
      fields.add(kind.fieldName(i));
    }
    for (String field : given.keySet()) {
      if (!fields.contains(field)) {
        throw new UserException(option(field) + ": not a field of " + kind + " (it takes "
            + String.join(", ", fields.stream().map(ProposalFields::option).toList()) + ")");
      }
    }
    String[] types = kind.payloadType().substring(1, kind.payloadType().length() - 1).split(",");
    Object[] values = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      String field = fields.get(i);
      String text = given.get(field);
      if (text == null) {
        throw new UserException(option(field) + ": required by " + kind);
      }
      values[i] = value(types[i], field, text, resolve);
    }
    return ProposalPayloads.encode(kind, values);
  }

  private static Object value(String type, String field, String text, Function<Path, Path> resolve) {
    String option = option(field);
    return switch (type) {
      case "address" -> abi(address(text, option));
      // A name this release does not know would stop this node at its height (OPS-82): refuse it here.
      case "string" -> field.equals("feature") ? feature(text, option) : text;
      case "bytes" -> file(resolve.apply(Path.of(text)), option);
      case "uint8" -> field.equals("role") ? role(text, option)
          : field.equals("kind") ? kind(text, option).code() : (int) number(text, option, 0xFF);
      case "uint16" -> (int) number(text, option, 0xFFFF);
      case "uint32" -> number(text, option, 0xFFFF_FFFFL);
      case "uint64", "uint256" -> BigInteger.valueOf(number(text, option, Long.MAX_VALUE));
      default -> throw new IllegalStateException("no parser for ABI type " + type);
    };
  }

  static String feature(String text, String option) {
    try {
      return ProtocolFeature.require(option, text.strip()).featureName();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  static Address address(String text, String option) {
    try {
      return Address.fromHex(text.strip());
    } catch (DecodingException e) {
      throw new UserException(option + ": \"" + text + "\" is not an address (0x and 40 hex digits)");
    }
  }

  static com.esaulpaugh.headlong.abi.Address abi(Address address) {
    return com.esaulpaugh.headlong.abi.Address.wrap(
        com.esaulpaugh.headlong.abi.Address.toChecksumAddress(new BigInteger(1, address.toArray())));
  }

  static long number(String text, String option, long max) {
    long value;
    try {
      value = Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UserException(option + ": \"" + text + "\" is not a whole number");
    }
    if (value < 0 || value > max) {
      throw new UserException(option + ": " + value + " is not 0 to " + max);
    }
    return value;
  }

  /** A role by its genesis name ({@code operator}) or code. */
  static int role(String text, String option) {
    Optional<Role> role = Role.ofJsonName(text.strip());
    if (role.isPresent()) {
      return role.get().code();
    }
    for (Role candidate : Role.values()) {
      if (candidate.name().equalsIgnoreCase(text.strip()) || String.valueOf(candidate.code()).equals(text.strip())) {
        return candidate.code();
      }
    }
    throw new UserException(option + ": \"" + text + "\" is not a role (user, operator, auditor, orgAdmin)");
  }

  private static byte[] file(Path path, String option) {
    try (InputStream in = Files.newInputStream(path)) {
      byte[] bytes = in.readNBytes(Governance.CA_CERTIFICATE_BYTES_MAX + 1);
      if (bytes.length > Governance.CA_CERTIFICATE_BYTES_MAX) {
        throw new UserException(option + ": " + path + " is larger than " + Governance.CA_CERTIFICATE_BYTES_MAX + " bytes");
      }
      return bytes;
    } catch (IOException e) {
      throw new UserException(option + ": cannot read " + path + ": " + e.getMessage());
    }
  }
}
