package org.xinlian.execution.governance;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.xinlian.common.Address;
import org.xinlian.common.DecodingException;
import org.xinlian.common.Hash;
import org.xinlian.crypto.CryptoSuite;
import org.xinlian.crypto.Signature;
import org.xinlian.types.rlp.RlpReader;
import org.xinlian.types.rlp.RlpWriter;

/**
 * A proposed validator set with the signatures of validators of the current set over its
 * {@link #digest}: the data of a transaction to {@link ValidatorGovernance#ADDRESS}
 * (docs/adr/0009, EXECUTION-10).
 *
 * <p>Encoding: {@code rlp([1, epoch, activationHeight, [validator...], [signature...]])}, each
 * signature in the suite's compact form. {@link #encode} writes whatever it is given, so a test
 * can build a bad update; {@link #decode} enforces every rule of the format, and the contract
 * checks the rest against the state.
 *
 * @param epoch the proposed set: its number, first height and validators
 * @param signatures signatures over {@link #digest} of {@code epoch}
 */
public record ValidatorSetUpdate(ValidatorEpoch epoch, List<Signature> signatures) {
  /** The only encoding version so far; a weighted set would be a new one. */
  public static final long VERSION = 1;

  /** Largest encoded update: 300 addresses and 300 SM2 signatures take about 45 KiB. */
  public static final int UPDATE_BYTES_MAX = 64 * 1024;

  /** Largest compact signature: 128 bytes, r || s || the embedded SM2 key, on gm chains. */
  public static final int SIGNATURE_BYTES_MAX = 128;

  private static final String FIELD = "validatorSetUpdate";
  private static final byte[] TAG = "xinlian-validator-set-update".getBytes(StandardCharsets.US_ASCII);

  public ValidatorSetUpdate {
    Objects.requireNonNull(epoch, "validatorSetUpdate.epoch");
    signatures = List.copyOf(Objects.requireNonNull(signatures, "validatorSetUpdate.signatures"));
  }

  /**
   * What each validator signs: {@code suite.hash(rlp(["xinlian-validator-set-update", chainId,
   * genesisHash, epoch, activationHeight, [validator...]]))}. The tag keeps it from being taken for
   * a consensus vote (CONSENSUS-8) or a transaction; the chain id and the genesis hash keep a
   * signature of one chain from counting on another.
   */
  public static byte[] digest(CryptoSuite suite, long chainId, Hash genesisHash, ValidatorEpoch epoch) {
    RlpWriter writer = new RlpWriter(96 + epoch.validators().size() * 21);
    writer.startList().writeBytes(TAG).writeUnsignedLong(chainId).writeBytes(genesisHash.toArray())
        .writeUnsignedLong(epoch.number()).writeUnsignedLong(epoch.activationHeight());
    writer.startList();
    for (Address validator : epoch.validators()) {
      writer.writeBytes(validator.toArray());
    }
    writer.endList();
    return suite.hash(writer.endList().toByteArray());
  }

  /** This update with one more signature, as each validator adds its own. */
  public ValidatorSetUpdate withSignature(Signature signature) {
    List<Signature> more = new ArrayList<>(signatures);
    more.add(signature);
    return new ValidatorSetUpdate(epoch, more);
  }

  /** The transaction data. */
  public byte[] encode(CryptoSuite suite) {
    RlpWriter writer = new RlpWriter(64 + epoch.validators().size() * 21 + signatures.size() * 130);
    writer.startList().writeUnsignedLong(VERSION).writeUnsignedLong(epoch.number())
        .writeUnsignedLong(epoch.activationHeight());
    writer.startList();
    for (Address validator : epoch.validators()) {
      writer.writeBytes(validator.toArray());
    }
    writer.endList().startList();
    for (Signature signature : signatures) {
      writer.writeBytes(suite.encodeSignature(signature));
    }
    writer.endList();
    return writer.endList().toByteArray();
  }

  /**
   * Strictly decodes transaction data: at most {@link #UPDATE_BYTES_MAX} bytes, version 1, an
   * epoch from 1, an activation height from 1, 1 to {@link ValidatorGovernance#VALIDATORS_MAX}
   * validators in strictly ascending order, 1 to that many signatures in the suite's compact
   * form, nothing after them. Every problem is a {@link DecodingException} naming the field, such
   * as {@code validatorSetUpdate.validators[3]}.
   */
  public static ValidatorSetUpdate decode(byte[] data, CryptoSuite suite) {
    if (data != null && data.length > UPDATE_BYTES_MAX) {
      throw new DecodingException(FIELD, data.length + " bytes exceed the limit of " + UPDATE_BYTES_MAX);
    }
    RlpReader fields = RlpReader.ofList(data, FIELD);
    long version = fields.readUnsignedLong(FIELD + ".version");
    if (version != VERSION) {
      throw new DecodingException(FIELD + ".version", "expected " + VERSION + " but got "
          + Long.toUnsignedString(version));
    }
    long number = fields.readLong(FIELD + ".epoch");
    if (number < 1) {
      throw new DecodingException(FIELD + ".epoch", "must be at least 1 (epoch 0 is the genesis set)");
    }
    long activationHeight = fields.readLong(FIELD + ".activationHeight");
    if (activationHeight < 1) {
      throw new DecodingException(FIELD + ".activationHeight", "must be at least 1");
    }
    List<Address> validators = readValidators(fields.readList(FIELD + ".validators"));
    List<Signature> signatures = readSignatures(fields.readList(FIELD + ".signatures"), suite);
    fields.requireEnd(FIELD);
    return new ValidatorSetUpdate(new ValidatorEpoch(number, activationHeight, validators), signatures);
  }

  private static List<Address> readValidators(RlpReader list) {
    List<Address> validators = new ArrayList<>();
    while (list.hasNext()) {
      String field = FIELD + ".validators[" + validators.size() + "]";
      if (validators.size() == ValidatorGovernance.VALIDATORS_MAX) {
        throw new DecodingException(field, "more than " + ValidatorGovernance.VALIDATORS_MAX + " validators");
      }
      Address validator = list.readAddress(field);
      if (!validators.isEmpty()) {
        int order = validator.compareTo(validators.get(validators.size() - 1));
        if (order == 0) {
          throw new DecodingException(field, "lists " + validator + " twice");
        }
        if (order < 0) {
          throw new DecodingException(field, validator + " is not above the previous "
              + validators.get(validators.size() - 1) + " (the list must be in ascending order)");
        }
      }
      validators.add(validator);
    }
    if (validators.isEmpty()) {
      throw new DecodingException(FIELD + ".validators", "must hold at least one validator");
    }
    return validators;
  }

  private static List<Signature> readSignatures(RlpReader list, CryptoSuite suite) {
    List<Signature> signatures = new ArrayList<>();
    while (list.hasNext()) {
      String field = FIELD + ".signatures[" + signatures.size() + "]";
      if (signatures.size() == ValidatorGovernance.VALIDATORS_MAX) {
        throw new DecodingException(field, "more than " + ValidatorGovernance.VALIDATORS_MAX + " signatures");
      }
      byte[] bytes = list.readBytesAtMost(field, SIGNATURE_BYTES_MAX);
      try {
        signatures.add(suite.decodeSignature(bytes));
      } catch (IllegalArgumentException e) {
        throw new DecodingException(field, e.getMessage(), e);
      }
    }
    if (signatures.isEmpty()) {
      throw new DecodingException(FIELD + ".signatures", "must hold at least one signature");
    }
    return signatures;
  }
}
