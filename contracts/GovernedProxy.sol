// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.20;

/// @title An ERC-1967 proxy whose upgrades the consortium decides by vote.
/// @notice docs/spec/governance.md GOV-13. The constructor stores the implementation in the
/// ERC-1967 implementation slot and the governance system contract (0x…f101) in the ERC-1967
/// admin slot, and runs `initData` on the implementation (by delegatecall, in the proxy's storage)
/// when it is not empty. Every other call is delegated to the implementation.
///
/// The proxy has no upgrade function of its own, so no key can upgrade it: when an
/// UPGRADE_CONTRACT proposal naming this proxy executes, the governance contract writes the
/// implementation slot natively and emits `Upgraded(address)` from this proxy's address, as
/// ERC-1967 tools expect. `xinlian contract deploy-proxy` deploys it.
contract GovernedProxy {
    /// keccak256("eip1967.proxy.implementation") - 1
    bytes32 internal constant IMPLEMENTATION_SLOT = 0x360894a13ba1a3210667c828492db98dca3e2076cc3735a920a3ca505d382bbc;
    /// keccak256("eip1967.proxy.admin") - 1
    bytes32 internal constant ADMIN_SLOT = 0xb53127684a568b3173ae13b9f8a6016e243e63b6e8ee1178d6a717850b5d6103;
    /// The governance system contract of a permissioned Xinlian chain.
    address internal constant GOVERNANCE = 0x000000000000000000000000000000000000F101;

    /// ERC-1967's events, so explorers and upgrade tools recognise the proxy from its creation on.
    event Upgraded(address indexed implementation);
    event AdminChanged(address previousAdmin, address newAdmin);

    constructor(address implementation, bytes memory initData) payable {
        require(implementation.code.length > 0, "GovernedProxy: implementation has no code");
        assembly {
            sstore(IMPLEMENTATION_SLOT, implementation)
            sstore(ADMIN_SLOT, GOVERNANCE)
        }
        emit Upgraded(implementation);
        emit AdminChanged(address(0), GOVERNANCE);
        if (initData.length > 0) {
            (bool ok, bytes memory result) = implementation.delegatecall(initData);
            if (!ok) {
                assembly {
                    revert(add(result, 32), mload(result))
                }
            }
        }
    }

    fallback() external payable {
        _delegate();
    }

    receive() external payable {
        _delegate();
    }

    /// Runs the call on the implementation in this proxy's storage and returns or reverts as it did.
    function _delegate() private {
        assembly {
            let implementation := sload(IMPLEMENTATION_SLOT)
            calldatacopy(0, 0, calldatasize())
            let result := delegatecall(gas(), implementation, 0, calldatasize(), 0, 0)
            returndatacopy(0, 0, returndatasize())
            switch result
            case 0 {
                revert(0, returndatasize())
            }
            default {
                return(0, returndatasize())
            }
        }
    }
}
