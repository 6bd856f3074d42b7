import GRDB

extension SQLiteSchema {
    /// Tables of the plans feature (none yet).
    static func registerPlans(_ migrator: inout DatabaseMigrator) {}
}
