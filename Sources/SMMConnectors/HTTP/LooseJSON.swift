import Foundation

/// A read-only view of a parsed JSON document that reads numbers defensively
/// (connectors.md §0.4: Bitrix24 and GA4 send numbers as strings, Metrica counts as floats,
/// VK omits zero-valued keys). A missing key or a wrong type reads as nil, never a crash.
package struct LooseJSON: @unchecked Sendable {
    // Safe to send: the wrapped value is an immutable tree of Foundation JSON objects
    // (NSDictionary, NSArray, NSString, NSNumber, NSNull) that nothing mutates after parsing.
    package let value: Any?

    package init(_ value: Any?) { self.value = value }

    /// Parses bytes; nil when they are not JSON.
    package init?(data: Data) {
        guard let v = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        self.value = v
    }

    package subscript(_ key: String) -> LooseJSON { LooseJSON((value as? [String: Any])?[key]) }
    package subscript(_ index: Int) -> LooseJSON {
        guard let a = value as? [Any], a.indices.contains(index) else { return LooseJSON(nil) }
        return LooseJSON(a[index])
    }

    package var exists: Bool { value != nil && !(value is NSNull) }
    package var isObject: Bool { value is [String: Any] }
    package var array: [LooseJSON]? { (value as? [Any])?.map(LooseJSON.init) }
    /// The elements, or an empty list when absent or not an array.
    package var items: [LooseJSON] { array ?? [] }
    package var keys: [String] { (value as? [String: Any]).map { Array($0.keys) } ?? [] }

    package var string: String? {
        switch value {
        case let s as String: return s
        case let n as NSNumber where !isJSONBool(n): return n.stringValue
        default: return nil
        }
    }

    /// An integer from a JSON number (whole) or a numeric string ("37", "1540.0").
    package var int: Int64? {
        switch value {
        case let n as NSNumber:
            if isJSONBool(n) { return n.boolValue ? 1 : 0 }
            let d = n.doubleValue
            guard d.isFinite, d == d.rounded(), abs(d) < 9e18 else { return nil }
            return Int64(d)
        case let s as String:
            let t = s.trimmingCharacters(in: .whitespaces)
            if let i = Int64(t) { return i }
            if let d = Double(t), d.isFinite, d == d.rounded(), abs(d) < 9e18 { return Int64(d) }
            return nil
        default: return nil
        }
    }

    /// An exact decimal from a string ("23328.92") or a number (read through its text).
    package var decimal: Decimal? {
        switch value {
        case let s as String:
            let t = s.trimmingCharacters(in: .whitespaces)
            guard !t.isEmpty, t.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }) else { return nil }
            return Decimal(string: t, locale: Locale(identifier: "en_US_POSIX"))
        case let n as NSNumber where !isJSONBool(n):
            return Decimal(string: n.stringValue, locale: Locale(identifier: "en_US_POSIX"))
        default: return nil
        }
    }

    package var double: Double? {
        switch value {
        case let n as NSNumber: return n.doubleValue
        case let s as String: return Double(s.trimmingCharacters(in: .whitespaces))
        default: return nil
        }
    }

    /// true/false, 1/0, "Y"/"N", "true"/"false".
    package var bool: Bool? {
        switch value {
        case let n as NSNumber: return n.intValue != 0
        case let s as String:
            switch s.lowercased() {
            case "y", "yes", "true", "1": return true
            case "n", "no", "false", "0": return false
            default: return nil
            }
        default: return nil
        }
    }
}

/// Whether an NSNumber holds a JSON boolean (true/false) rather than a number.
private func isJSONBool(_ n: NSNumber) -> Bool {
    #if canImport(Darwin)
    return CFGetTypeID(n) == CFBooleanGetTypeID()
    #else
    return n === NSNumber(value: true) || n === NSNumber(value: false) || String(cString: n.objCType) == "c"
    #endif
}
