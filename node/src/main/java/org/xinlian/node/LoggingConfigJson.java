package org.xinlian.node;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.xinlian.common.DecodingException;

/** The node config's {@code logging} section (OPS-50): every error names its field. */
final class LoggingConfigJson {
  private static final Set<String> FIELDS = Set.of("file", "fileBytesMax", "maxHistoryDays",
      "totalBytesMax", "level", "levels", "format");

  private LoggingConfigJson() {}

  static LoggingConfig parse(JsonNode value, Path base) {
    JsonNode node = NodeConfigJson.object(value, "logging");
    NodeConfigJson.refuseUnknown(node, FIELDS, "logging.");
    LoggingConfig defaults = LoggingConfig.defaults();
    Optional<Path> file = node.has("file")
        ? Optional.of(NodeConfigJson.path(node.get("file"), "logging.file", base)) : Optional.empty();
    long fileBytesMax = NodeConfigJson.optionalLong(node, "fileBytesMax", "logging.",
        defaults.fileBytesMax(), LoggingConfig.FILE_BYTES_MIN, LoggingConfig.FILE_BYTES_LIMIT);
    int maxHistoryDays = (int) NodeConfigJson.optionalLong(node, "maxHistoryDays", "logging.",
        defaults.maxHistoryDays(), 1, LoggingConfig.HISTORY_DAYS_LIMIT);
    long totalBytesMax = NodeConfigJson.optionalLong(node, "totalBytesMax", "logging.",
        defaults.totalBytesMax(), fileBytesMax, LoggingConfig.TOTAL_BYTES_LIMIT);
    String level = node.has("level") ? level(node.get("level"), "logging.level") : defaults.level();
    Map<String, String> levels = new LinkedHashMap<>();
    if (node.has("levels")) {
      JsonNode byName = NodeConfigJson.object(node.get("levels"), "logging.levels");
      if (byName.size() > LoggingConfig.LEVELS_MAX) {
        throw new DecodingException("logging.levels", "at most " + LoggingConfig.LEVELS_MAX + " entries");
      }
      for (Iterator<Map.Entry<String, JsonNode>> entries = byName.fields(); entries.hasNext(); ) {
        Map.Entry<String, JsonNode> entry = entries.next();
        String field = "logging.levels." + entry.getKey();
        levels.put(entry.getKey(), level(entry.getValue(), field));
      }
    }
    LoggingConfig.Format format = defaults.format();
    if (node.has("format")) {
      String name = NodeConfigJson.text(node.get("format"), "logging.format");
      try {
        format = LoggingConfig.Format.valueOf(name.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new DecodingException("logging.format", "must be \"text\" or \"json\", got \"" + name + "\"");
      }
    }
    try {
      return new LoggingConfig(file, fileBytesMax, maxHistoryDays, totalBytesMax, level, levels, format);
    } catch (IllegalArgumentException e) {
      // The record names the field first ("logging.levels.x: ..."): keep it as the field.
      String message = e.getMessage();
      int colon = message.indexOf(": ");
      throw colon > 0 ? new DecodingException(message.substring(0, colon), message.substring(colon + 2))
          : new DecodingException("logging", message);
    }
  }

  private static String level(JsonNode value, String field) {
    if (!value.isTextual() || !LoggingConfig.LEVELS.contains(value.asText())) {
      throw new DecodingException(field, "must be one of " + new TreeSet<>(LoggingConfig.LEVELS));
    }
    return value.asText();
  }
}
