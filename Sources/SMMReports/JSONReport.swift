import Foundation

/// The numbers behind the report as JSON: the model's sections and blocks with raw numbers
/// (no formatting), and `metrics`, every KPI of the report keyed by id with value and previous,
/// equal to `smmkpi kpi --format json` for the same period and scope.
package enum JSONReport {
    package static func render(_ model: ReportModel) throws -> String {
        let e = JSONEncoder()
        e.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try e.encode(Document(model: model)), as: UTF8.self) + "\n"
    }

    package static func data(_ model: ReportModel) throws -> Data {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try e.encode(Document(model: model))
    }

    struct Document: Encodable {
        var model: ReportModel
        enum Keys: String, CodingKey {
            case kind, language, title, subtitle, period, previous, currency, timeZone = "time_zone", accounts
            case generatedAt = "generated_at", sections, metrics
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(model.kind, forKey: .kind)
            try c.encode(model.language, forKey: .language)
            try c.encode(model.title, forKey: .title)
            try c.encode(model.subtitle, forKey: .subtitle)
            try c.encode(model.period, forKey: .period)
            try c.encode(model.previous, forKey: .previous)
            try c.encode(model.currency, forKey: .currency)
            try c.encode(model.timeZone, forKey: .timeZone)
            try c.encode(model.accounts, forKey: .accounts)
            try c.encode(model.generatedAt, forKey: .generatedAt)
            try c.encode(model.sections.map(SectionJSON.init), forKey: .sections)
            var metrics: [String: MetricJSON] = [:]
            for (_, row) in model.allKPIRows where metrics[row.id] == nil {
                metrics[row.id] = MetricJSON(value: row.value, previous: row.previous)
            }
            try c.encode(metrics, forKey: .metrics)
        }
    }

    struct MetricJSON: Encodable {
        var value: Double?
        var previous: Double?
        enum Keys: String, CodingKey { case value, previous }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(value, forKey: .value)
            try c.encode(previous, forKey: .previous)
        }
    }

    struct SectionJSON: Encodable {
        var section: ReportSection
        enum Keys: String, CodingKey { case id, title, blocks }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(section.id, forKey: .id)
            try c.encode(section.title, forKey: .title)
            try c.encode(section.blocks.map(BlockJSON.init), forKey: .blocks)
        }
    }

    struct BlockJSON: Encodable {
        var block: ReportBlock
        enum Keys: String, CodingKey { case type, figures, rows, chart, table, findings, text }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            switch block {
            case .figures(let f): try c.encode("figures", forKey: .type); try c.encode(f, forKey: .figures)
            case .kpis(let rows): try c.encode("kpis", forKey: .type); try c.encode(rows.map(KPIRowJSON.init), forKey: .rows)
            case .chart(let chart): try c.encode("chart", forKey: .type); try c.encode(chart, forKey: .chart)
            case .table(let t): try c.encode("table", forKey: .type); try c.encode(TableJSON(table: t), forKey: .table)
            case .findings(let f): try c.encode("findings", forKey: .type); try c.encode(f, forKey: .findings)
            case .text(let s): try c.encode("text", forKey: .type); try c.encode(s, forKey: .text)
            }
        }
    }

    struct KPIRowJSON: Encodable {
        var row: KPIRow
        enum Keys: String, CodingKey {
            case id, label, format, value, previous, better, target, status, achievement
            case changeAbs = "change_abs", changePct = "change_pct"
        }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(row.id, forKey: .id)
            try c.encode(row.label, forKey: .label)
            try c.encode(row.format, forKey: .format)
            try c.encode(row.value, forKey: .value)
            try c.encode(row.previous, forKey: .previous)
            try c.encode(row.changeAbs, forKey: .changeAbs)
            try c.encode(row.changePct, forKey: .changePct)
            try c.encode(row.better, forKey: .better)
            try c.encodeIfPresent(row.target, forKey: .target)
            try c.encodeIfPresent(row.status, forKey: .status)
            try c.encodeIfPresent(row.achievement, forKey: .achievement)
        }
    }

    struct TableJSON: Encodable {
        var table: ReportTable
        enum Keys: String, CodingKey { case id, title, columns, rows }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(table.id, forKey: .id)
            try c.encode(table.title, forKey: .title)
            try c.encode(table.columns, forKey: .columns)
            // Rows as objects keyed by column key: numbers stay numbers.
            let rows = table.rows.map { row in
                Dictionary(zip(table.columns.map(\.key), row.map(CellJSON.init)), uniquingKeysWith: { first, _ in first })
            }
            try c.encode(rows, forKey: .rows)
        }
    }

    struct CellJSON: Encodable {
        var cell: ReportCell
        func encode(to encoder: any Encoder) throws {
            var c = encoder.singleValueContainer()
            switch cell {
            case .number(let v, _): try c.encode(v)
            case .text(let s): try c.encode(s)
            }
        }
    }
}
