package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.execution.governance.Choice;
import org.xinlian.execution.governance.GovernanceVotes;
import org.xinlian.execution.governance.ProposalKind;
import org.xinlian.execution.governance.ProposalPayloads;

/**
 * The files of offline voting (GOV-6, GOV-18). {@code gov show ID --out} writes a proposal file:
 * everything a vote is bound to (suite, chain id, genesis hash, id, kind, payload, execution
 * height) with the payload's fields for the reader. {@code gov sign} reads it on a machine without
 * a network and writes a vote file: the same plus the choice, the signer and the signature, which
 * {@code gov submit} sends. Reading either recomputes what it can (the fields from the payload,
 * the signer from the signature), so an edited file is refused before anyone signs or sends it.
 */
final class GovFiles {
  /** A payload is at most 16 KiB; a file with it in hex and its fields stays well under this. */
  static final int FILE_BYTES_MAX = 128 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> SUBJECT_FIELDS = Set.of("suite", "chainId", "genesisHash", "id", "kind",
      "payload", "executeAt", "fields");
  private static final Set<String> VOTE_FIELDS = Set.of("choice", "signer", "signature");

  private GovFiles() {}

  /** What a vote on one proposal is bound to. */
  record Subject(String suite, long chainId, Hash genesisHash, long id, ProposalKind kind, byte[] payload,
      long executeAt) {
    Subject {
      payload = payload.clone();
    }

    CryptoSuite cryptoSuite() {
      return CryptoSuites.byName(suite);
    }

    /** The payload's fields, decoded: what a governor checks before signing. */
    Map<String, Object> fields() {
      return ProposalPayloads.describe(kind, ProposalPayloads.decode(kind, payload));
    }

    byte[] digest(Choice choice) {
      CryptoSuite cryptoSuite = cryptoSuite();
      return GovernanceVotes.digest(cryptoSuite, chainId, genesisHash, id,
          GovernanceVotes.payloadHash(cryptoSuite, kind, payload, executeAt), choice);
    }

    boolean sameAs(Subject other) {
      return suite.equals(other.suite) && chainId == other.chainId && genesisHash.equals(other.genesisHash)
          && id == other.id && kind == other.kind && java.util.Arrays.equals(payload, other.payload)
          && executeAt == other.executeAt;
    }
  }

  /** A signed vote; its signer is the address the signature recovers to. */
  record Vote(Subject subject, Choice choice, Address signer, byte[] signature) {}

  static void writeSubject(Path file, Subject subject) throws IOException {
    write(file, subjectJson(subject));
  }

  static void writeVote(Path file, Vote vote) throws IOException {
    ObjectNode root = subjectJson(vote.subject());
    root.put("choice", vote.choice().name()).put("signer", vote.signer().toString())
        .put("signature", Hex.encode(vote.signature()));
    write(file, root);
  }

  private static ObjectNode subjectJson(Subject subject) {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", subject.suite()).put("chainId", subject.chainId())
        .put("genesisHash", subject.genesisHash().toString()).put("id", subject.id())
        .put("kind", subject.kind().name()).put("payload", Hex.encode(subject.payload()))
        .put("executeAt", subject.executeAt());
    ObjectNode fields = root.putObject("fields");
    subject.fields().forEach((name, value) -> fields.put(name, String.valueOf(value)));
    return root;
  }

  private static void write(Path file, ObjectNode root) throws IOException {
    Files.write(file, (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8),
        StandardOpenOption.CREATE_NEW);
  }

  static Subject readSubject(Path file) throws IOException {
    return subject(read(file, SUBJECT_FIELDS), file);
  }

  static Vote readVote(Path file) throws IOException {
    Set<String> allowed = new java.util.HashSet<>(SUBJECT_FIELDS);
    allowed.addAll(VOTE_FIELDS);
    JsonNode root = read(file, allowed);
    Subject subject = subject(root, file);
    String choiceName = text(root, "choice", file);
    Choice choice;
    try {
      choice = Choice.valueOf(choiceName.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new DecodingException("choice", file + ": \"" + choiceName + "\" is not FOR, AGAINST or ABSTAIN");
    }
    Address signer = Address.wrap(hex(text(root, "signer", file), "signer", file, Address.LENGTH));
    byte[] signature = hex(text(root, "signature", file), "signature", file, -1);
    CryptoSuite suite = subject.cryptoSuite();
    Address recovered;
    try {
      recovered = suite.address(suite.recoverSigner(subject.digest(choice), suite.decodeSignature(signature)));
    } catch (CryptoException | IllegalArgumentException e) {
      throw new DecodingException("signature", file + ": not a valid " + suite.name() + " signature over the vote: "
          + e.getMessage(), e);
    }
    if (!recovered.equals(signer)) {
      throw new DecodingException("signature", file + ": signed by " + recovered + ", not " + signer
          + " (the file was edited after signing)");
    }
    return new Vote(subject, choice, signer, signature);
  }

  private static Subject subject(JsonNode root, Path file) {
    String suite = text(root, "suite", file);
    if (!CryptoSuites.names().contains(suite)) {
      throw new DecodingException("suite", file + ": unknown suite \"" + suite + "\"");
    }
    String kindName = text(root, "kind", file);
    ProposalKind kind = ProposalKind.ofName(kindName).orElseThrow(
        () -> new DecodingException("kind", file + ": \"" + kindName + "\" is not a proposal kind"));
    Subject subject = new Subject(suite, number(root, "chainId", file),
        Hash.wrap(hex(text(root, "genesisHash", file), "genesisHash", file, Hash.LENGTH)), number(root, "id", file),
        kind, hex(text(root, "payload", file), "payload", file, -1), number(root, "executeAt", file));
    Map<String, Object> fields;
    try {
      fields = subject.fields();
    } catch (IllegalArgumentException e) {
      throw new DecodingException("payload", file + ": " + e.getMessage(), e);
    }
    JsonNode shown = root.get("fields");
    if (shown != null) {
      ObjectNode expected = JSON.createObjectNode();
      fields.forEach((name, value) -> expected.put(name, String.valueOf(value)));
      if (!expected.equals(shown)) {
        throw new DecodingException("fields", file + ": do not match the payload (edited by hand?)");
      }
    }
    return subject;
  }

  private static JsonNode read(Path file, Set<String> allowed) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(FILE_BYTES_MAX + 1);
    }
    if (bytes.length > FILE_BYTES_MAX) {
      throw new DecodingException("file", file + " is larger than " + FILE_BYTES_MAX + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new DecodingException("file", file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new DecodingException("file", file + " does not hold a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        throw new DecodingException(name, file + ": unknown field");
      }
    }
    return root;
  }

  private static String text(JsonNode node, String field, Path file) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new DecodingException(field, file + ": required, a string");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field, Path file) {
    JsonNode value = node.get(field);
    if (value == null || !value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
      throw new DecodingException(field, file + ": required, a whole number of at least 0");
    }
    return value.asLong();
  }

  /** Hex of {@code length} bytes, or of any length when it is negative. */
  private static byte[] hex(String text, String field, Path file, int length) {
    byte[] bytes;
    try {
      bytes = Hex.decode(field, text);
    } catch (DecodingException e) {
      throw new DecodingException(field, file + ": not hex");
    }
    if (length >= 0 && bytes.length != length) {
      throw new DecodingException(field, file + ": " + bytes.length + " bytes, not " + length);
    }
    return bytes;
  }
}
