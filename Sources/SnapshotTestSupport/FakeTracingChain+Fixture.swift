import SnapshotKit

extension FakeTracingChain {
    /// Well-known addresses of `fixture()`.
    public enum FixtureAddress {
        /// Funded accounts of the genesis alloc.
        public static let alice = address(0xa1)
        public static let bob = address(0xb0)
        /// A contract of the genesis alloc with storage slots 0 and 1.
        public static let store = address(0xc0)
        /// An account of the genesis alloc that exists but is empty, and is never touched.
        public static let empty = address(0xe0)
        /// A contract deployed in block 1 that self-destructs in block 3.
        public static let doomed = address(0xd1)
        /// A contract deployed in block 2.
        public static let token = address(0xd2)
        /// Addresses first credited by a transfer, the self-destruct and withdrawals.
        public static let newcomer = address(0x11)
        public static let heir = address(0x12)
        public static let latecomer = address(0x13)
        public static let withdrawalOnly = address(0x21)
        public static let secondWithdrawal = address(0x22)
        /// Fee recipients: only block-level credits ever reach them.
        public static let firstProposer = address(0xf1)
        public static let secondProposer = address(0xf2)

        static func address(_ tag: UInt8) -> Address {
            Address(bytes: [UInt8](repeating: 0, count: 18) + [0x5e, tag])!
        }
    }

    /// A small devnet: transfers to new accounts, contract creation, storage writes and clears, a self-destruct,
    /// withdrawals to fresh addresses, fee recipient credits, an EIP-7002 request, the system contracts' writes,
    /// and a block without transactions. With `untracedStorageWrite`, block 5 writes a slot of `token` that its
    /// traces leave out.
    public static func fixture(untracedStorageWrite: Bool = false) -> FakeTracingChain {
        typealias A = FixtureAddress
        let ether = UInt256(1_000_000_000_000_000_000)
        let genesis: [Account] = [
            Account(address: A.alice, balance: ether.multipliedReportingOverflow(by: 1000).partialValue),
            Account(address: A.bob, nonce: 3, balance: ether.multipliedReportingOverflow(by: 50).partialValue),
            Account(address: A.store, code: [0x60, 0x00, 0x35, 0x60, 0x20, 0x35, 0x55],
                    storage: [UInt256(0).bigEndianBytes: UInt256(1), UInt256(1).bigEndianBytes: UInt256(2)]),
            Account(address: A.empty),
            Account(address: SystemAddress.beaconRoots, nonce: 1, code: [0x33, 0x73, 0xff, 0xfe, 0x14]),
            Account(address: SystemAddress.historyStorage, nonce: 1, code: [0x33, 0x73, 0xff, 0xfe, 0x14, 0x60]),
            Account(address: SystemAddress.withdrawalRequests, nonce: 1, code: [0x33, 0x73, 0xff, 0xfe, 0x14, 0x60, 0xcb]),
            Account(address: SystemAddress.consolidationRequests, nonce: 1, code: [0x33, 0x73, 0xff, 0xfe, 0x14, 0x60, 0xd3]),
        ]
        var chain = FakeTracingChain(genesis: genesis)
        let tokenCode: [UInt8] = [0x60, 0x01, 0x60, 0x00, 0x55, 0x00]
        chain.append(miner: A.firstProposer, transactions: [
            Transaction([.bumpNonce(A.alice), .debit(A.alice, ether), .credit(A.newcomer, ether)]),
            Transaction([.bumpNonce(A.alice), .debit(A.alice, UInt256(5000)), .deploy(A.doomed, code: [0x33, 0xff]),
                         .credit(A.doomed, UInt256(5000)), .bumpNonce(A.doomed), .store(A.doomed, slot: UInt256(9), value: UInt256(99))]),
        ], withdrawals: [Withdrawal(index: 0, validatorIndex: 4, address: A.withdrawalOnly, amount: 32)])
        chain.append(miner: A.firstProposer, transactions: [
            Transaction([.bumpNonce(A.alice), .deploy(A.token, code: tokenCode), .bumpNonce(A.token),
                         .store(A.token, slot: UInt256(5), value: UInt256(7))]),
            Transaction([.bumpNonce(A.bob), .store(A.store, slot: UInt256(0), value: .zero),
                         .store(A.store, slot: UInt256(2), value: UInt256(9))]),
        ], withdrawals: [Withdrawal(index: 1, validatorIndex: 5, address: A.withdrawalOnly, amount: 7)])
        chain.append(miner: A.secondProposer, transactions: chain.transactions(queueing: [
            WithdrawalRequest(sender: A.bob, pubkey: (0..<48).map { UInt8($0) }, amount: 1_000_000_000),
            WithdrawalRequest(sender: A.bob, pubkey: (0..<48).map { UInt8(255 - $0) }, amount: 2_000_000_000),
            WithdrawalRequest(sender: A.alice, pubkey: (0..<48).map { UInt8($0 ^ 0x5a) }, amount: 0),
        ], fee: UInt256(1)) + [
            Transaction([.bumpNonce(A.alice), .destroy(A.doomed, beneficiary: A.heir)]),
        ])
        chain.append(miner: A.secondProposer, withdrawals: [
            Withdrawal(index: 2, validatorIndex: 4, address: A.secondWithdrawal, amount: 1_000_000_000),
            Withdrawal(index: 3, validatorIndex: 6, address: A.withdrawalOnly, amount: 3),
        ])
        let lateWrite = FakeTracingChain.Edit.store(A.token, slot: UInt256(6), value: UInt256(8))
        chain.append(miner: A.firstProposer, transactions: [
            Transaction([.bumpNonce(A.bob), .debit(A.bob, UInt256(77)), .credit(A.latecomer, UInt256(77))]),
            untracedStorageWrite
                ? Transaction([.bumpNonce(A.alice), .store(A.store, slot: UInt256(1), value: .zero)], untraced: [lateWrite])
                : Transaction([.bumpNonce(A.alice), .store(A.store, slot: UInt256(1), value: .zero), lateWrite]),
        ])
        return chain
    }
}
