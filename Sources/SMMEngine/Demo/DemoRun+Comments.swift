import Foundation
import SMMCore

extension DemoRun {
    // Weights of DemoCommentKind (praise … userReply) under ordinary posts, giveaways, polls.
    static let ordinaryKinds: [Double] = [22, 11, 7, 11, 17, 5, 11, 9, 0, 0]
    static let giveawayKinds: [Double] = [3, 5, 1, 2, 6, 1, 3, 18, 65, 0]
    static let pollKinds: [Double] = [10, 8, 4, 40, 15, 8, 10, 5, 0, 0]

    /// Fills `entries` with the post's comments, other users' answers and the brand's
    /// replies (questions and complaints are answered most), then orders them by time.
    func makeComments(_ a: DemoAccount, count: Int, published: Int64, tau: Double, horizon: Int64,
                      topic: Int, format: PostFormat) {
        entries.removeAll(keepingCapacity: true)
        let weights = topic == DemoTexts.topicGiveaway ? DemoRun.giveawayKinds
            : (format == .poll || topic == DemoTexts.topicQuiz) ? DemoRun.pollKinds : DemoRun.ordinaryKinds
        let t = texts[a.brand]
        for _ in 0..<count {
            let time = published + 30 + Int64(rng.exponential(mean: tau))
            if time > horizon { continue }
            let english = rng.chance(0.13)
            let kind = DemoCommentKind(rawValue: rng.weighted(weights))!
            let item = kind == .question ? rng.int((english ? t.english : t.russian).questions.count) : 0
            entries.append(DemoCommentEntry(time: time, kind: kind, english: english, fromBrand: false, parent: -1,
                                            item: item))
        }
        let users = entries.count
        for k in 0..<users {
            let e = entries[k]
            if rng.chance(0.035) {
                let time = e.time + 60 + Int64(rng.exponential(mean: 7200))
                if time <= horizon {
                    entries.append(DemoCommentEntry(time: time, kind: .userReply, english: e.english, fromBrand: false,
                                                    parent: k, item: 0))
                }
            }
            let p: Double
            switch e.kind {
            case .question: p = 0.85
            case .complaint: p = 0.75
            case .praise: p = 0.3
            case .neutral, .reactionPositive: p = 0.06
            default: p = 0.015
            }
            if rng.chance(p * a.diligence) {
                let hour = (e.time - cal.start(of: cal.day(of: e.time))) / 3600
                let start = hour >= 8 && hour < 22 ? e.time : nextMorning(after: e.time, hour: 9)
                let time = start + 120 + Int64(3600 * rng.logNormal(1.0) * (1.5 - a.diligence))
                if time <= exportAt {
                    entries.append(DemoCommentEntry(time: time, kind: e.kind, english: e.english, fromBrand: true,
                                                    parent: k, item: e.item))
                }
            }
        }
        order.removeAll(keepingCapacity: true)
        order.append(contentsOf: entries.indices)
        order.sort { entries[$0].time != entries[$1].time ? entries[$0].time < entries[$1].time : $0 < $1 }
        if rank.count < entries.count { rank.append(contentsOf: repeatElement(0, count: entries.count - rank.count)) }
        for (j, i) in order.enumerated() { rank[i] = j }
    }

    /// Writes `entries` in time order with ids continuing the bundle's sequence.
    func writeComments(_ a: DemoAccount) {
        let w = wComments
        let t = texts[a.brand]
        for j in order.indices {
            let e = entries[order[j]]
            let lang = e.english ? t.english : t.russian
            w.byte(UInt8(ascii: "c")); w.int(commentSeq + j + 1); w.comma()
            w.phrase(a.idPhrase); w.byte(UInt8(ascii: "-")); w.int(a.postCount); w.comma()
            cal.writeDateTime(e.time, w); w.comma()
            if e.fromBrand {
                w.phrase(a.idPhrase); w.comma()
                let sentiment = writeReply(e, lang, w)
                w.comma()
                w.ascii("true"); w.comma()
                w.byte(UInt8(ascii: "c")); w.int(commentSeq + rank[e.parent] + 1); w.comma()
                if rng.chance(0.3) { w.ascii(sentiment) }
            } else {
                w.phrase(a.profile.author)
                w.int(rng.chance(0.25) ? rng.pick(a.regulars) : rng.int(in: 100_000...899_999_999)); w.comma()
                let (sentiment, given) = writeUserText(e, lang, t, w)
                w.comma()
                w.ascii("false"); w.comma()
                if e.parent >= 0 { w.byte(UInt8(ascii: "c")); w.int(commentSeq + rank[e.parent] + 1) }
                w.comma()
                if given { w.ascii(sentiment) }
            }
            w.endRow()
        }
        commentSeq += order.count
    }

    /// The brand's answer: the answer to that question, an apology, or thanks.
    private func writeReply(_ e: DemoCommentEntry, _ lang: DemoLanguageTexts, _ w: DemoFileWriter) -> StaticString {
        switch e.kind {
        case .question:
            w.phrase(rng.pick(lang.answers[e.item]))
            return "neutral"
        case .complaint:
            w.phrase(rng.pick(lang.apologies))
            return "neutral"
        default:
            w.phrase(rng.pick(lang.thanks))
            return "positive"
        }
    }

    /// A user's comment; returns its sentiment and whether the bundle gives it (most do,
    /// some are left for the product's classifier, texts without letters mostly unlabelled).
    private func writeUserText(_ e: DemoCommentEntry, _ lang: DemoLanguageTexts, _ t: DemoTexts,
                               _ w: DemoFileWriter) -> (StaticString, Bool) {
        let given = rng.chance(0.85)
        switch e.kind {
        case .praise:
            let k = rng.int(lang.praise.count)
            let extra = rng.chance(0.3) ? rng.pick(lang.praiseExtras) : .empty
            let closer = rng.chance(0.6) ? rng.pick(lang.closers) : .empty
            if rng.chance(0.04) {
                w.phrases(lang.praise[k], t.newline, rng.pick(lang.praise), closer)
            } else if rng.chance(0.35) {
                w.phrases(rng.pick(lang.openers), lang.praiseLower[k], extra, closer)
            } else {
                w.phrases(lang.praise[k], extra, closer)
            }
            return ("positive", given)
        case .question:
            if rng.chance(0.3) {
                w.phrases(rng.pick(lang.questionOpeners), lang.questionsLower[e.item])
            } else {
                w.phrase(lang.questions[e.item])
            }
            return ("neutral", given)
        case .complaint:
            let k = rng.int(lang.complaints.count)
            let tail = rng.chance(0.4) ? rng.pick(lang.complaintTails) : .empty
            if rng.chance(0.2) {
                w.phrases(rng.pick(lang.openers), lang.complaintsLower[k], tail)
            } else {
                w.phrases(lang.complaints[k], tail)
            }
            return ("negative", given)
        case .neutral:
            w.phrase(rng.pick(lang.neutral))
            return ("neutral", given)
        case .reactionPositive:
            w.phrases(rng.pick(lang.reactionsPositive), rng.chance(0.3) ? rng.pick(lang.closers) : .empty)
            return ("positive", given)
        case .reactionNeutral:
            w.phrase(rng.pick(lang.reactionsNeutral))
            return ("neutral", given)
        case .emoji:
            w.phrase(rng.pick(t.emojiOnly))
            return ("positive", rng.chance(0.3))
        case .tag:
            writeTemplate(rng.pick(lang.tags), t, w)
            return ("neutral", given)
        case .giveaway:
            writeTemplate(rng.pick(lang.giveaway), t, w)
            return ("positive", given)
        case .userReply:
            w.phrase(rng.pick(lang.userReplies))
            return ("neutral", given)
        }
    }

    private func writeTemplate(_ template: DemoTemplate, _ t: DemoTexts, _ w: DemoFileWriter) {
        if let after = template.after {
            w.phrases(template.before, rng.pick(t.friends), after)
        } else {
            w.phrase(template.before)
        }
    }
}
