import Foundation
import SMMConnectors
import SMMCore
import Testing

@Suite struct LooseJSONTests {
    static let doc = LooseJSON(data: Data(#"""
        {"n": 37, "s": "37", "f": 1540.0, "money": "23328.92", "x": 0.5, "b": true, "y": "Y", "null": null,
         "list": [1, "2"], "obj": {"k": "v"}, "bad": "12abc"}
        """#.utf8))!

    @Test("Numbers arrive as numbers, strings or floats; missing keys and wrong types read as nil")
    func numbers() {
        let j = Self.doc
        #expect(j["n"].int == 37 && j["s"].int == 37 && j["f"].int == 1540)
        #expect(j["x"].int == nil && j["bad"].int == nil && j["missing"].int == nil && j["null"].int == nil)
        #expect(j["money"].decimal == Decimal(string: "23328.92"))
        #expect(j["bad"].decimal == nil)
        #expect(j["b"].bool == true && j["y"].bool == true)
        #expect(j["b"].int == 1)
        #expect(j["list"].items.compactMap(\.int) == [1, 2])
        #expect(j["obj"]["k"].string == "v" && j["obj"]["none"]["deeper"].string == nil)
        #expect(!j["null"].exists && j["n"].exists)
        #expect(LooseJSON(data: Data("{\"a\": [1,".utf8)) == nil)
    }
}

@Suite struct SyncCursorTests {
    @Test("A cursor survives its JSON; an unreadable one is a fresh start")
    func roundTrip() {
        let c = SyncCursor(syncedThrough: .init(year: 2024, month: 5, day: 3), positions: ["update_id": "17"])
        #expect(SyncCursor(json: c.json) == c)
        #expect(c.json == #"{"positions":{"update_id":"17"},"synced_through":"2024-05-03"}"#)
        #expect(SyncCursor(json: "not json") == SyncCursor())
        #expect(SyncCursor(json: nil) == SyncCursor())
    }
}

@Suite struct RetryPolicyTests {
    @Test("Backoff doubles from the base with under 10 % jitter; a requested wait is taken as is")
    func delays() {
        let p = RetryPolicy()
        for attempt in 1...4 {
            let d = p.delay(afterAttempt: attempt, requested: nil)
            let base = Duration.seconds(1 << (attempt - 1))
            #expect(d >= base && d < base * 1.1)
        }
        #expect(p.delay(afterAttempt: 3, requested: .seconds(7)) == .seconds(7))
    }
}
