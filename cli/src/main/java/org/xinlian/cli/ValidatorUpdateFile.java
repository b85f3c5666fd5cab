package org.xinlian.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.common.Hex;
import org.xinlian.crypto.CryptoException;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.CryptoSuites;
import org.xinlian.crypto.Signature;
import org.xinlian.execution.governance.ValidatorEpoch;
import org.xinlian.execution.governance.ValidatorSetUpdate;

/**
 * The file {@code validators propose} writes and {@code sign} extends: a proposed validator epoch
 * for one chain with the signatures collected so far. Reading it recomputes the digest and checks
 * that every signature recovers to the signer it names, so a file edited by hand is refused
 * before anyone signs or sends it.
 *
 * @param suite the chain's suite name
 * @param chainId and {@code genesisHash} identify the chain (they are in the signed digest)
 * @param signers the address each signature recovers to, in the signatures' order
 */
record ValidatorUpdateFile(String suite, long chainId, Hash genesisHash, ValidatorEpoch epoch,
    List<Signature> signatures, List<Address> signers) {
  /** The file holds at most 300 addresses and signatures: well under this. */
  static final int FILE_BYTES_MAX = 256 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final Set<String> FIELDS = Set.of("suite", "chainId", "genesisHash", "epoch",
      "activationHeight", "validators", "digest", "signatures");

  ValidatorUpdateFile {
    signatures = List.copyOf(signatures);
    signers = List.copyOf(signers);
  }

  CryptoSuite cryptoSuite() {
    return CryptoSuites.byName(suite);
  }

  /** What each validator signs (docs/adr/0009). */
  byte[] digest() {
    return ValidatorSetUpdate.digest(cryptoSuite(), chainId, genesisHash, epoch);
  }

  /** The transaction data for the governance contract. */
  byte[] transactionData() {
    return new ValidatorSetUpdate(epoch, signatures).encode(cryptoSuite());
  }

  ValidatorUpdateFile withSignature(Signature signature, Address signer) {
    List<Signature> moreSignatures = new ArrayList<>(signatures);
    moreSignatures.add(signature);
    List<Address> moreSigners = new ArrayList<>(signers);
    moreSigners.add(signer);
    return new ValidatorUpdateFile(suite, chainId, genesisHash, epoch, moreSignatures, moreSigners);
  }

  /** Writes the file through a temporary file renamed into place, so a reader never sees half. */
  void write(Path file, boolean replace) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("suite", suite).put("chainId", chainId).put("genesisHash", genesisHash.toString())
        .put("epoch", epoch.number()).put("activationHeight", epoch.activationHeight());
    ArrayNode validators = root.putArray("validators");
    epoch.validators().forEach(validator -> validators.add(validator.toString()));
    root.put("digest", Hex.encode(digest()));
    ArrayNode signed = root.putArray("signatures");
    CryptoSuite cryptoSuite = cryptoSuite();
    for (int i = 0; i < signatures.size(); i++) {
      signed.addObject().put("signer", signers.get(i).toString())
          .put("signature", Hex.encode(cryptoSuite.encodeSignature(signatures.get(i))));
    }
    byte[] bytes = (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    if (!replace) {
      Files.write(file, bytes, StandardOpenOption.CREATE_NEW);
      return;
    }
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temporary, bytes);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * Reads and checks a file: every field present with its type, nothing else, the digest matching
   * the fields, each signature recovering to its named signer, no signer twice.
   *
   * @throws DecodingException naming the field that is wrong
   */
  static ValidatorUpdateFile read(Path file) throws IOException {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(FILE_BYTES_MAX + 1);
    }
    if (bytes.length > FILE_BYTES_MAX) {
      throw new DecodingException("updateFile", file + " is larger than " + FILE_BYTES_MAX + " bytes");
    }
    JsonNode root;
    try {
      root = JSON.readTree(bytes);
    } catch (IOException e) {
      throw new DecodingException("updateFile", file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    if (root == null || !root.isObject()) {
      throw new DecodingException("updateFile", file + " does not hold a JSON object");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!FIELDS.contains(name)) {
        throw new DecodingException(name, "unknown field");
      }
    }
    String suite = text(root, "suite");
    if (!CryptoSuites.names().contains(suite)) {
      throw new DecodingException("suite", "unknown suite '" + suite + "'");
    }
    CryptoSuite cryptoSuite = CryptoSuites.byName(suite);
    long chainId = number(root, "chainId");
    Hash genesisHash = Hash.wrap(hex(text(root, "genesisHash"), "genesisHash", Hash.LENGTH));
    List<Address> validators = new ArrayList<>();
    JsonNode list = root.get("validators");
    if (list == null || !list.isArray()) {
      throw new DecodingException("validators", "required, a list of addresses");
    }
    for (int i = 0; i < list.size(); i++) {
      String field = "validators[" + i + "]";
      if (!list.get(i).isTextual()) {
        throw new DecodingException(field, "must be an address string");
      }
      validators.add(Address.wrap(hex(list.get(i).asText(), field, Address.LENGTH)));
    }
    ValidatorEpoch epoch;
    try {
      epoch = new ValidatorEpoch(number(root, "epoch"), number(root, "activationHeight"), validators);
    } catch (IllegalArgumentException e) {
      throw new DecodingException("updateFile", e.getMessage(), e);
    }
    ValidatorUpdateFile update = new ValidatorUpdateFile(suite, chainId, genesisHash, epoch, List.of(), List.of());
    if (!Hex.encode(update.digest()).equals(text(root, "digest"))) {
      throw new DecodingException("digest", "does not match the file's fields (edited by hand?)");
    }
    JsonNode signed = root.get("signatures");
    if (signed == null || !signed.isArray()) {
      throw new DecodingException("signatures", "required, a list (empty before anyone signed)");
    }
    byte[] digest = update.digest();
    for (int i = 0; i < signed.size(); i++) {
      String field = "signatures[" + i + "]";
      JsonNode entry = signed.get(i);
      if (!entry.isObject() || entry.size() != 2) {
        throw new DecodingException(field, "must be an object with signer and signature");
      }
      Address signer = Address.wrap(hex(text(entry, "signer"), field + ".signer", Address.LENGTH));
      Signature signature;
      Address recovered;
      try {
        signature = cryptoSuite.decodeSignature(Hex.decode(text(entry, "signature")));
        recovered = cryptoSuite.address(cryptoSuite.recoverSigner(digest, signature));
      } catch (CryptoException | IllegalArgumentException e) {
        throw new DecodingException(field + ".signature", "not a valid signature over the digest: "
            + e.getMessage(), e);
      }
      if (!recovered.equals(signer)) {
        throw new DecodingException(field, "the signature is by " + recovered + ", not " + signer);
      }
      if (update.signers().contains(signer)) {
        throw new DecodingException(field, "a second signature by " + signer);
      }
      update = update.withSignature(signature, signer);
    }
    return update;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual()) {
      throw new DecodingException(field, "required, a string");
    }
    return value.asText();
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.canConvertToLong() || !value.isIntegralNumber() || value.asLong() < 0) {
      throw new DecodingException(field, "required, a non-negative integer");
    }
    return value.asLong();
  }

  private static byte[] hex(String text, String field, int length) {
    byte[] bytes;
    try {
      bytes = Hex.decode(text);
    } catch (IllegalArgumentException e) {
      throw new DecodingException(field, "not hex: " + e.getMessage(), e);
    }
    if (bytes.length != length) {
      throw new DecodingException(field, "expected " + length + " bytes but got " + bytes.length);
    }
    return bytes;
  }
}
