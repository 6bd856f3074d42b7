import Foundation

/// The two report kinds of the monitoring rhythm: a weekly look at the numbers and a monthly
/// review with the specialist.
package enum ReportKind: String, Sendable, Codable, CaseIterable {
    case weekly, monthly
}

/// The languages the reports speak.
package enum ReportLanguage: String, Sendable, Codable, CaseIterable {
    case ru, en
}

/// How a number is shown (and stored as a number format in XLSX).
package enum ValueFormat: String, Sendable, Codable, CaseIterable {
    /// A whole count: 1 234.
    case integer
    /// A decimal with two places: 1.25.
    case decimal
    /// A value already in percent units (12.3 means 12.3 %).
    case percent
    /// Money in the report's currency.
    case money
    case seconds, minutes, hours
}

/// A period as the report names it.
package struct ReportPeriod: Sendable, Codable, Equatable {
    /// The label of period syntax: 2024-W47, 2024-11.
    package var label: String
    /// First and last day, YYYY-MM-DD.
    package var from: String
    package var to: String
    package init(label: String, from: String, to: String) { self.label = label; self.from = from; self.to = to }
}

/// Which direction of change is good.
package enum Direction: String, Sendable, Codable {
    case up, down, neither
}

/// One KPI with its previous value and change.
package struct KPIRow: Sendable, Codable, Equatable {
    /// The catalog id (er_reach).
    package var id: String
    /// The label in the report's language.
    package var label: String
    package var format: ValueFormat
    package var value: Double?
    package var previous: Double?
    package var better: Direction
    /// The scorecard's target text, status and achievement (monthly with a plan).
    package var target: String?
    package var status: String?
    package var achievement: Double?

    package init(id: String, label: String, format: ValueFormat, value: Double?, previous: Double?, better: Direction,
                 target: String? = nil, status: String? = nil, achievement: Double? = nil) {
        self.id = id; self.label = label; self.format = format; self.value = value; self.previous = previous
        self.better = better; self.target = target; self.status = status; self.achievement = achievement
    }

    /// value − previous; nil when either is missing.
    package var changeAbs: Double? {
        guard let value, let previous else { return nil }
        return value - previous
    }

    /// (value − previous) / |previous| × 100; nil when either is missing or previous is 0.
    package var changePct: Double? {
        guard let value, let previous, previous != 0 else { return nil }
        return (value - previous) / abs(previous) * 100
    }

    /// Whether the change is good (true), bad (false) or neither (nil).
    package var changeIsGood: Bool? {
        guard let d = changeAbs, d != 0 else { return nil }
        switch better {
        case .up: return d > 0
        case .down: return d < 0
        case .neither: return nil
        }
    }
}

/// A chart: categories along the x axis and one or more series of values.
package struct ReportChart: Sendable, Codable, Equatable {
    package enum Style: String, Sendable, Codable { case line, bar }
    package struct Series: Sendable, Codable, Equatable {
        package var name: String
        package var values: [Double?]
        package init(name: String, values: [Double?]) { self.name = name; self.values = values }
    }
    package var id: String
    package var title: String
    package var style: Style
    package var format: ValueFormat
    package var categories: [String]
    package var series: [Series]
    package init(id: String, title: String, style: Style, format: ValueFormat, categories: [String], series: [Series]) {
        self.id = id; self.title = title; self.style = style; self.format = format
        self.categories = categories; self.series = series
    }
}

/// One cell of a table: a number with its format, or text.
package enum ReportCell: Sendable, Equatable {
    case number(Double?, ValueFormat)
    case text(String)
}

/// A table with typed columns.
package struct ReportTable: Sendable, Equatable {
    package struct Column: Sendable, Codable, Equatable {
        package var key: String
        package var title: String
        package init(key: String, title: String) { self.key = key; self.title = title }
    }
    package var id: String
    package var title: String
    package var columns: [Column]
    package var rows: [[ReportCell]]
    package init(id: String, title: String, columns: [Column], rows: [[ReportCell]]) {
        self.id = id; self.title = title; self.columns = columns; self.rows = rows
    }
}

/// A plain-language finding produced by a rule, with the numbers it cites.
package struct Finding: Sendable, Codable, Equatable {
    package enum Tone: String, Sendable, Codable { case good, bad, info }
    /// The rule that produced it (frequency_vs_er).
    package var rule: String
    package var tone: Tone
    package var text: String
    /// The numbers the sentence cites, by name.
    package var figures: [String: Double]
    package init(rule: String, tone: Tone, text: String, figures: [String: Double]) {
        self.rule = rule; self.tone = tone; self.text = text; self.figures = figures
    }
}

/// A headline number (score, bonus).
package struct Figure: Sendable, Codable, Equatable {
    package var id: String
    package var label: String
    package var value: Double?
    package var format: ValueFormat
    package var note: String?
    package init(id: String, label: String, value: Double?, format: ValueFormat, note: String? = nil) {
        self.id = id; self.label = label; self.value = value; self.format = format; self.note = note
    }
}

/// What a section holds, in order.
package enum ReportBlock: Sendable, Equatable {
    case figures([Figure])
    case kpis([KPIRow])
    case chart(ReportChart)
    case table(ReportTable)
    case findings([Finding])
    case text(String)
}

/// A titled part of the report (one sheet in XLSX).
package struct ReportSection: Sendable, Equatable {
    package var id: String
    package var title: String
    package var blocks: [ReportBlock]
    package init(id: String, title: String, blocks: [ReportBlock]) { self.id = id; self.title = title; self.blocks = blocks }
}

/// A whole report as plain values: what every renderer reads.
package struct ReportModel: Sendable, Equatable {
    package var kind: ReportKind
    package var language: ReportLanguage
    package var title: String
    /// Brand and accounts line.
    package var subtitle: String
    package var period: ReportPeriod
    package var previous: ReportPeriod
    package var currency: String
    package var timeZone: String
    package var accounts: [String]
    /// ISO 8601 UTC instant the report was made.
    package var generatedAt: String
    package var sections: [ReportSection]

    package init(kind: ReportKind, language: ReportLanguage, title: String, subtitle: String, period: ReportPeriod,
                 previous: ReportPeriod, currency: String, timeZone: String, accounts: [String], generatedAt: String,
                 sections: [ReportSection]) {
        self.kind = kind; self.language = language; self.title = title; self.subtitle = subtitle; self.period = period
        self.previous = previous; self.currency = currency; self.timeZone = timeZone; self.accounts = accounts
        self.generatedAt = generatedAt; self.sections = sections
    }

    /// The section with this id.
    package func section(_ id: String) -> ReportSection? { sections.first { $0.id == id } }

    /// Every KPI row of the report, section by section.
    package var allKPIRows: [(section: String, row: KPIRow)] {
        sections.flatMap { s in
            s.blocks.flatMap { b -> [(section: String, row: KPIRow)] in
                if case .kpis(let rows) = b { return rows.map { (s.id, $0) } }
                return []
            }
        }
    }
}
