package org.xinlian.node.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;

/**
 * What a backup holds ({@value #FILE_NAME} at the top of a backup directory, OPS-71): the chain
 * it belongs to, the head block its ledger checkpoint ends at, and every file with its size, so a
 * truncated or incomplete copy is told apart from a backup before anything reads it.
 *
 * @param chainId the chain's id from its genesis
 * @param genesisHash hash of block 0: with the chain id, which chain this is
 * @param suite the crypto suite the ledger records
 * @param height the head block of the checkpoint
 * @param headHash that block's hash
 * @param createdAt when the node made the backup (ISO-8601, the node's clock): for people only
 * @param ledgerFiles every file of the ledger checkpoint, by name, with its size
 * @param consensusState the consensus write-ahead state copied beside it, if the node had one
 */
public record BackupManifest(
    long chainId,
    Hash genesisHash,
    String suite,
    long height,
    Hash headHash,
    String createdAt,
    List<FileEntry> ledgerFiles,
    Optional<FileEntry> consensusState) {
  /** The manifest's name inside a backup directory. */
  public static final String FILE_NAME = "xinlian-backup.json";
  /** The checkpoint's subdirectory: a complete node data directory. */
  public static final String LEDGER_DIRECTORY = "ledger";
  public static final int FORMAT = 1;
  /** A ledger checkpoint has a few files per level and column family; far more is not a backup. */
  public static final int FILES_MAX = 100_000;
  public static final int MANIFEST_BYTES_MAX = 16 * 1024 * 1024;
  /** File names RocksDB writes, and the consensus state: no separator, no leading dot. */
  private static final Pattern FILE_NAME_PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final ObjectMapper JSON = JsonMapper.builder()
      .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

  static {
    JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).build());
  }

  /**
   * One file of the backup.
   *
   * @param name its name inside {@link #LEDGER_DIRECTORY}
   * @param bytes its size
   * @param sha256 its SHA-256 as hex, when recorded (the consensus state); empty otherwise (the
   *     table files carry RocksDB's own block checksums, which {@code db verify} reads)
   */
  public record FileEntry(String name, long bytes, Optional<String> sha256) {
    public FileEntry {
      if (name == null || !FILE_NAME_PATTERN.matcher(name).matches()) {
        throw new DecodingException("ledgerFiles.name", "not a plain file name: " + name);
      }
      if (bytes < 0) {
        throw new DecodingException("ledgerFiles.bytes", "negative size for " + name);
      }
      Objects.requireNonNull(sha256, "sha256");
    }
  }

  public BackupManifest {
    Objects.requireNonNull(genesisHash, "genesisHash");
    Objects.requireNonNull(suite, "suite");
    Objects.requireNonNull(headHash, "headHash");
    Objects.requireNonNull(createdAt, "createdAt");
    ledgerFiles = List.copyOf(ledgerFiles);
    Objects.requireNonNull(consensusState, "consensusState");
    if (height < 0) {
      throw new DecodingException("height", "must not be negative");
    }
    if (ledgerFiles.size() > FILES_MAX) {
      throw new DecodingException("ledgerFiles", ledgerFiles.size() + " files, above " + FILES_MAX);
    }
  }

  public byte[] toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("chainId", chainId);
    root.put("genesisHash", genesisHash.toString());
    root.put("suite", suite);
    root.put("height", height);
    root.put("headHash", headHash.toString());
    root.put("createdAt", createdAt);
    ArrayNode files = root.putArray("ledgerFiles");
    ledgerFiles.forEach(file -> files.add(entry(file)));
    consensusState.ifPresent(file -> root.set("consensusState", entry(file)));
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode a backup manifest", e);
    }
  }

  private static ObjectNode entry(FileEntry file) {
    ObjectNode node = JSON.createObjectNode();
    node.put("name", file.name());
    node.put("bytes", file.bytes());
    file.sha256().ifPresent(hash -> node.put("sha256", hash));
    return node;
  }

  /** Reads a manifest; every error names the field. */
  public static BackupManifest parse(byte[] json) {
    if (json.length > MANIFEST_BYTES_MAX) {
      throw new DecodingException("manifest", json.length + " bytes, above " + MANIFEST_BYTES_MAX);
    }
    JsonNode root;
    try {
      root = JSON.readTree(new String(json, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new DecodingException("manifest", "not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || !root.isObject()) {
      throw new DecodingException("manifest", "must be a JSON object");
    }
    long format = number(root, "format");
    if (format != FORMAT) {
      throw new DecodingException("format", "backup format " + format + ", this build reads " + FORMAT);
    }
    JsonNode files = root.get("ledgerFiles");
    if (files == null || !files.isArray()) {
      throw new DecodingException("ledgerFiles", "must be an array");
    }
    if (files.size() > FILES_MAX) {
      throw new DecodingException("ledgerFiles", files.size() + " files, above " + FILES_MAX);
    }
    List<FileEntry> entries = new ArrayList<>();
    files.forEach(file -> entries.add(entry(file, "ledgerFiles")));
    Optional<FileEntry> consensusState = root.has("consensusState")
        ? Optional.of(entry(root.get("consensusState"), "consensusState")) : Optional.empty();
    return new BackupManifest(number(root, "chainId"), hash(root, "genesisHash"), text(root, "suite"),
        number(root, "height"), hash(root, "headHash"), text(root, "createdAt"), entries, consensusState);
  }

  private static FileEntry entry(JsonNode node, String field) {
    if (node == null || !node.isObject()) {
      throw new DecodingException(field, "each entry must be an object");
    }
    Optional<String> sha256 = Optional.empty();
    if (node.has("sha256")) {
      String value = text(node, "sha256");
      if (!value.matches("[0-9a-f]{64}")) {
        throw new DecodingException(field + ".sha256", "must be 64 lowercase hex digits");
      }
      sha256 = Optional.of(value);
    }
    return new FileEntry(text(node, "name"), number(node, "bytes"), sha256);
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new DecodingException(field, "must be an integer");
    }
    return value.asLong();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new DecodingException(field, "must be a string");
    }
    return value.asText();
  }

  private static Hash hash(JsonNode node, String field) {
    byte[] bytes = Hex.decode(field, text(node, field));
    if (bytes.length != Hash.LENGTH) {
      throw new DecodingException(field, "must be a 32-byte hash");
    }
    return Hash.wrap(bytes);
  }
}
