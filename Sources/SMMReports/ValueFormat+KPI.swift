import SMMCore

extension ValueFormat {
    /// The format a catalog unit is shown in.
    package init(_ unit: KPIUnit) {
        switch unit {
        case .count: self = .integer
        case .percent: self = .percent
        case .money: self = .money
        case .ratio: self = .decimal
        case .seconds: self = .seconds
        case .minutes: self = .minutes
        case .hours: self = .hours
        }
    }
}

extension Direction {
    /// The catalog's better direction.
    package init(_ better: KPIBetter) {
        switch better {
        case .up: self = .up
        case .down: self = .down
        case .neither: self = .neither
        }
    }
}
