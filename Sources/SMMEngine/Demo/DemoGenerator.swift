import Foundation
import SMMCore

/// Writes a realistic, deterministic demo bundle (bundle-format.md): several brands with
/// accounts on VK, Telegram, Dzen and OK of very different sizes, a year or more of daily
/// statistics, posts with growing metric snapshots, comments and messages in Russian and
/// English, ads, web traffic, leads and deals, reputation, audience, the content plan and
/// the specialists' hours.
///
/// The same settings give byte-identical files on every machine (own seeded generator, no
/// platform math). Files are streamed through 1 MB buffers, so memory stays flat: 500
/// accounts over 730 days make about 7.5 million rows, the benchmark set.
package struct DemoGenerator: Sendable, Equatable {
    package var accounts: Int
    package var days: Int
    package var seed: UInt64
    /// The last day with data.
    package var endDate: LocalDate
    /// IANA time zone of the manifest; datetimes carry its offset.
    package var timeZone: String
    /// ISO 4217 currency of the manifest; the amounts are sized for roubles.
    package var currency: String

    /// - Parameter endDate: the last day with data; by default yesterday in UTC.
    package init(accounts: Int = 6, days: Int = 365, seed: UInt64 = 42, endDate: LocalDate? = nil,
                 timeZone: String = "Europe/Moscow", currency: String = "RUB") {
        self.accounts = accounts
        self.days = days
        self.seed = seed
        self.endDate = endDate ?? DemoGenerator.yesterdayUTC()
        self.timeZone = timeZone
        self.currency = currency
    }

    /// The first day with data.
    package var firstDate: LocalDate { endDate.adding(days: -(days - 1)) }

    /// Writes manifest.json and every file of the bundle into `directory` (created when
    /// missing; files of the same names are replaced).
    ///
    /// - Parameter progress: called after each generated month with the month (`YYYY-MM`)
    ///   and the number of rows written so far, and once at the end with `done` and the total.
    package func write(to directory: URL, progress: ((String, Int) -> Void)? = nil) throws -> DemoSummary {
        guard accounts >= 1 else { throw DemoError.badSize("at least 1 account") }
        guard days >= 1 else { throw DemoError.badSize("at least 1 day") }
        guard let zone = TimeZone(identifier: timeZone) else { throw DemoError.unknownTimeZone(timeZone) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try manifest.write(to: directory.appendingPathComponent("manifest.json"), atomically: true, encoding: .utf8)
        let run = try DemoRun(settings: self, zone: zone, directory: directory)
        return try run.run(progress: progress)
    }

    /// manifest.json, written by hand so the bytes never depend on a JSON encoder.
    var manifest: String {
        return """
            {
              "format": "smm-bundle",
              "version": 1,
              "timezone": \(JSONText.string(timeZone)),
              "currency": \(JSONText.string(currency))
            }

            """
    }

    static func yesterdayUTC() -> LocalDate {
        let seconds = Int64(Date().timeIntervalSince1970.rounded(.down))
        return LocalDate(dayNumber: Int32(seconds / 86400 - 1))
    }
}

/// What a demo run wrote.
package struct DemoSummary: Sendable, Equatable {
    /// Data rows per file (headers not counted).
    package var rows: [BundleFile: Int]
    package var firstDate: LocalDate
    package var lastDate: LocalDate

    package var totalRows: Int { rows.values.reduce(0, +) }
}
