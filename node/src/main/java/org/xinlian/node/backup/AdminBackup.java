package org.xinlian.node.backup;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.xinlian.rpc.RpcErrorCodes;
import org.xinlian.rpc.RpcException;
import org.xinlian.rpc.RpcMethod;
import org.xinlian.rpc.RpcParams;
import org.xinlian.rpc.RpcPermission;
import org.xinlian.storage.StorageException;

/**
 * {@code admin_backup [name]} (OPS-70): an online backup of the node's whole ledger and consensus
 * write-ahead state into the subdirectory {@code name} of the configured {@code backup.directory};
 * answers the backup's directory, chain and head. ADMIN: served only where the configuration
 * enables that permission.
 */
public final class AdminBackup implements RpcMethod {
  public static final String NAME = "admin_backup";

  private final BackupService backups;

  public AdminBackup(BackupService backups) {
    this.backups = Objects.requireNonNull(backups, "backups");
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public RpcPermission permission() {
    return RpcPermission.ADMIN;
  }

  /** Flushes and links the whole ledger: not for the lane that answers cheap reads (RPC-24). */
  @Override
  public boolean heavy() {
    return true;
  }

  @Override
  public Object execute(RpcParams params) {
    params.requireCount(1, 1);
    String name = params.string(0, "name");
    BackupService.BackupResult result;
    try {
      result = backups.create(name);
    } catch (BackupRefusedException e) {
      throw new RpcException(RpcErrorCodes.INVALID_INPUT, e.getMessage());
    } catch (UncheckedIOException | StorageException e) {
      throw new RpcException(RpcErrorCodes.RESOURCE_UNAVAILABLE, e.getMessage());
    }
    BackupManifest manifest = result.manifest();
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("directory", result.directory().toString());
    answer.put("chainId", "0x" + Long.toHexString(manifest.chainId()));
    answer.put("genesisHash", manifest.genesisHash().toString());
    answer.put("height", "0x" + Long.toHexString(manifest.height()));
    answer.put("headHash", manifest.headHash().toString());
    answer.put("files", manifest.ledgerFiles().size());
    answer.put("consensusState", manifest.consensusState().isPresent());
    return answer;
  }
}
