import GRDB

extension SQLiteSchema {
    /// Tables of the sentiment feature (none yet).
    static func registerSentiment(_ migrator: inout DatabaseMigrator) {}
}
