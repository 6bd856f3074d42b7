import GRDB

extension SQLiteSchema {
    /// Tables of the detection feature (none yet).
    static func registerDetection(_ migrator: inout DatabaseMigrator) {}
}
