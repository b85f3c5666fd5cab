package org.xinlian.cli;

import org.xinlian.crypto.CryptoSuites;
import picocli.CommandLine;

/** Turns {@code --suite} into a known suite name, so an unknown one is a usage error. */
final class SuiteNameConverter implements CommandLine.ITypeConverter<String> {
  @Override
  public String convert(String value) {
    if (!CryptoSuites.names().contains(value)) {
      throw new CommandLine.TypeConversionException(
          "unknown crypto suite '" + value + "' (expected one of " + String.join(", ", CryptoSuites.names()) + ")");
    }
    return value;
  }
}
