import Foundation
import PolicyDiagnostics
import PolicyModel
import PolicyRender
import PolicyText
import PolicyTranslations
import Synchronization

/// What a privacy reviewer reads the prose for beside the tables: a recipient, a cookie provider
/// or a transfer country the text names that the tables leave out, and one the tables list
/// that text naming the others never mentions. (Cookie categories: `ContentChecks.cookieMentions`.)
///
/// The text can only be caught naming what is known to be a name: the tables' own recipients and
/// providers, the well-known services in `ProseMentions.knownServices`, and every country in the
/// policy's language and in English. Names are matched whole and with their capitals, so
/// "Stripe" is a name and "stripes" is not.
struct ProseMentions {
    let document: PolicyDocument
    let company: Company
    let renderer: SiteRenderer

    func run() -> [Diagnostic] {
        let locale = renderer.locale(for: document.language, company: company)
        let text = renderer.bodyText(document)
        let sentences = ContentChecks.sentences(of: text)
        guard !sentences.isEmpty else { return [] }
        let lowered = locale.locale
        // Each sentence lowercased once for the three kinds of words, by the standard library
        // (Foundation's locale-aware lowercasing was half of this check in a profile; the
        // words of the six themes lowercase alike either way); a word's bytes found in them is
        // the word found. A kind of word the whole text lacks skips the sentences.
        let whole = text.lowercased()
        let lowercased = sentences.map { $0.lowercased() }
        func about(_ key: String) -> [Substring] {
            let words = (locale.strings[key] == key ? [] : ContentChecks.variants(locale.strings[key], locale: lowered).map { Array($0.utf8) })
                .filter { whole.holdsBytes(of: $0) }
            guard !words.isEmpty else { return [] }
            return zip(sentences, lowercased).filter { _, low in words.contains { low.holdsBytes(of: $0) } }.map(\.0)
        }
        let cookieSentences = about("cookie_words")
        return recipients(text: text, sharing: about("recipient_words"), cookieSentences: cookieSentences)
            + countries(in: about("transfer_words"), locale: lowered)
    }

    // MARK: Recipients and cookie providers

    /// Whether two names are one: equal, or one the other's word-bounded part ("Google" and
    /// "Google Analytics"), ignoring case.
    static func same(_ a: String, _ b: String) -> Bool {
        let a = a.lowercased(), b = b.lowercased()
        return a == b || Self.named(a, in: b) || Self.named(b, in: a)
    }

    /// `sharing`: the sentences about sharing data, where a name is a recipient (elsewhere it
    /// may be a channel: "write to us on WhatsApp").
    /// `text`: the whole body, where a name with full stops in it ("Adyen N.V.") is whole.
    func recipients(text: String, sharing: [Substring], cookieSentences: [Substring]) -> [Diagnostic] {
        let front = document.frontMatter
        let own = [company.info.legalName, company.info.displayName]
        let recipients = front.thirdParties
        let cookies = front.cookies.flatMap(\.cookies)
        let providers = cookies.map(\.provider).filter { provider in !own.contains { Self.same($0, provider) } }
        let candidates = Array(Set(Self.knownServices + recipients.map(\.name) + providers))
            .filter { name in !own.contains { Self.same($0, name) } }
            .sorted()
        let cookieText = cookieSentences.joined(separator: "\n")
        let sharingText = sharing.joined(separator: "\n")
        let namedForSharing = candidates.filter { Self.named($0, in: sharingText) }
        let namedForCookies = candidates.filter { Self.named($0, in: cookieText) }
        var diagnostics: [Diagnostic] = []
        let fallback = SourceLocation(file: document.path, line: document.bodyLine, column: 1)
        func sentence(_ name: String) -> SourceLocation { line(of: name) ?? fallback }

        // Named, but in no table. Said of cookies, it is a cookie the table lacks; else a recipient.
        var reported = Set<String>()
        for name in namedForCookies where !providers.contains(where: { Self.same($0, name) }) && Self.knownServices.contains(name) {
            reported.insert(name)
            diagnostics.append(
                .warning(
                    .cookieProviderProseMismatch, at: sentence(name),
                    "the text about cookies names \(name), but no cookie in the table has \(name) as its provider",
                    expected: "expected \(name)'s cookies under cookies: (name, provider: \(name), purpose, duration), or prose that matches the table"))
        }
        for name in namedForSharing where !reported.contains(name) {
            let listed = recipients.contains { Self.same($0.name, name) } || providers.contains { Self.same($0, name) }
            guard !listed else { continue }
            diagnostics.append(
                .warning(
                    .recipientProseMismatch, at: sentence(name),
                    "the text names \(name), but neither third_parties nor a cookie's provider lists it",
                    expected: "expected \(name) under third_parties (name, purpose, role), or prose that matches the tables"))
        }

        // A named service listed, but never named by a text that names the other services. A text
        // that names none of them defers to the table, which is fine; and a category of
        // recipients ("payment processors") is described rather than named.
        let services = recipients.filter { recipient in Self.knownServices.contains { Self.same($0, recipient.name) } }
        // Named in full, or by the service's short name ("Adyen" for "Adyen N.V.").
        let namedRecipients = services.filter { recipient in
            Self.named(recipient.name, in: text) || Self.knownServices.contains { Self.same($0, recipient.name) && Self.named($0, in: text) }
        }
        if !namedRecipients.isEmpty {
            for recipient in services where !namedRecipients.contains(where: { $0.name == recipient.name }) {
                let others = namedRecipients.map(\.name).joined(separator: ", ")
                diagnostics.append(
                    .warning(
                        .recipientProseMismatch, at: recipient.sourceLocation ?? document.location(of: "third_parties"),
                        "third_parties lists '\(recipient.name)', but the text, which names \(others), never mentions it",
                        expected:
                            "expected the prose to name every recipient it lists beside the others (line \(sentence(namedRecipients[0].name).line ?? 1)), or the entry removed"
                    ))
            }
        }
        let namedProviders = namedForCookies.filter { name in !own.contains { Self.same($0, name) } }
        if !namedProviders.isEmpty {
            var seen = Set<String>()
            for cookie in cookies where providers.contains(cookie.provider) && seen.insert(cookie.provider).inserted {
                guard !namedForCookies.contains(where: { Self.same($0, cookie.provider) }) else { continue }
                diagnostics.append(
                    .warning(
                        .cookieProviderProseMismatch, at: cookie.location ?? document.location(of: "cookies"),
                        "the cookie table lists provider '\(cookie.provider)' (\(cookie.name)), but the text about cookies, which names \(namedProviders.joined(separator: ", ")), never mentions it",
                        expected:
                            "expected the prose to name every provider it lists beside the others (line \(sentence(namedProviders[0]).line ?? 1)), or the cookie removed"
                    ))
            }
        }
        return diagnostics
    }

    // MARK: Transfer countries

    func countries(in sentences: [Substring], locale: Locale) -> [Diagnostic] {
        let transfers = document.frontMatter.transfers
        guard !sentences.isEmpty else { return [] }
        let text = sentences.joined(separator: "\n")
        let names = Self.countryNames(for: document.language.rawValue)
        // Each country the text names, by code; the company's own country is where data comes from.
        var named: [(code: String, name: String)] = []
        for (code, spellings) in names where code != company.info.country?.rawValue {
            if let name = spellings.first(where: { Self.named($0, in: text) }) { named.append((code, name)) }
        }
        named.sort { $0.code < $1.code }
        func listed(_ code: String, _ spellings: [String]) -> Bool {
            transfers.contains { transfer in
                transfer.country?.rawValue == code || spellings.contains { Self.named($0.lowercased(), in: transfer.destination.lowercased()) }
            }
        }
        var diagnostics: [Diagnostic] = []
        let fallback = SourceLocation(file: document.path, line: document.bodyLine, column: 1)
        for (code, name) in named where !listed(code, names[code] ?? []) {
            diagnostics.append(
                .warning(
                    .transferProseMismatch, at: line(of: name) ?? fallback,
                    "the text about transfers names \(name), but transfers lists no transfer to \(code)",
                    expected: "expected a transfers entry (destination, country: \(code), safeguards), or prose that matches the table"))
        }
        guard let first = named.first else { return diagnostics }
        for transfer in transfers {
            guard let code = transfer.country?.rawValue, code != company.info.country?.rawValue, !named.contains(where: { $0.code == code }) else { continue }
            let spelled = names[code]?.first ?? code
            diagnostics.append(
                .warning(
                    .transferProseMismatch, at: transfer.location ?? document.location(of: "transfers"),
                    "transfers lists \(spelled) (\(code)), but the text about transfers, which names \(named.map(\.name).joined(separator: ", ")), never mentions it",
                    expected:
                        "expected the prose to name every country it lists beside the others (line \(line(of: first.name)?.line ?? 1)), or the entry removed"))
        }
        return diagnostics
    }

    /// Country names by ISO code, in `language` and in English (policies often keep the English
    /// name), computed once per language: ICU's names cost a lookup each.
    static func countryNames(for language: String) -> [String: [String]] {
        if let names = countryNameCache.withLock({ $0[language] }) { return names }
        let local = Locale(identifier: language), english = Locale(identifier: "en")
        var names: [String: [String]] = [:]
        for region in Locale.Region.isoRegions where region.identifier.count == 2 && region.identifier.allSatisfy(\.isLetter) {
            let code = region.identifier
            let spellings = [local.localizedString(forRegionCode: code), english.localizedString(forRegionCode: code)].compactMap { $0 }
            names[code] = spellings.reduce(into: []) { list, name in if !list.contains(name) { list.append(name) } }
        }
        countryNameCache.withLock { $0[language] = names }
        return names
    }

    private static let countryNameCache = Mutex<[String: [String: [String]]]>([:])

    // MARK: Finding names

    /// Where the body's source first writes `name` (with its capitals), for the message.
    func line(of name: String) -> SourceLocation? {
        let lines = document.body.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, line) in lines.enumerated() {
            if let range = Self.range(of: name, in: line) {
                return SourceLocation(
                    file: document.path, line: document.bodyLine + offset, column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }

    static func named(_ name: String, in text: String) -> Bool { range(of: name, in: Substring(text)) != nil }

    /// `name` in `text` as a whole name: no letter or digit right before or after it. Found by
    /// its bytes (`firstIndex(of:from:)`, memchr for each candidate's first byte): Foundation's
    /// search, asked for some sixty services and two hundred countries a text, cost a sixth of
    /// `check`. Bytes match only the same scalars, so a name written decomposed is not found.
    static func range(of name: String, in text: Substring) -> Range<Substring.Index>? {
        let needle = Array(name.utf8)
        let scan = { (bytes: UnsafeBufferPointer<UInt8>) -> [Int] in
            var found: [Int] = []
            var start = 0
            while let hit = bytes.firstIndex(of: needle, from: start) {
                found.append(hit)
                start = hit + 1
            }
            return found
        }
        let offsets = text.utf8.withContiguousStorageIfAvailable(scan) ?? Array(text.utf8).withUnsafeBufferPointer(scan)
        let utf8 = text.utf8
        for offset in offsets {
            let lower = utf8.index(utf8.startIndex, offsetBy: offset), upper = utf8.index(lower, offsetBy: needle.count)
            let before = text.unicodeScalars[..<lower].last, after = upper < text.endIndex ? text.unicodeScalars[upper...].first : nil
            if !continues(name.unicodeScalars.first, before), !continues(name.unicodeScalars.last, after) { return lower..<upper }
        }
        return nil
    }

    /// Whether `neighbour` makes `edge` part of a longer word: a letter or digit of the same
    /// kind of script. Arabic writes "and" as a letter joined to the next word ("وGoogle"), so
    /// a Latin name right after an Arabic letter is still a name.
    private static func continues(_ edge: Unicode.Scalar?, _ neighbour: Unicode.Scalar?) -> Bool {
        guard let edge, let neighbour, neighbour.properties.isAlphabetic || neighbour.properties.numericType != nil else { return false }
        return (edge.value < 0x250) == (neighbour.value < 0x250)
    }

    /// Services policies often name as recipients or cookie providers, spelled as their owners
    /// write them. Words that are also common nouns ("Square", "Slack") are left out: the check
    /// must not mistake prose for a name.
    static let knownServices = [
        "Adyen", "Akamai", "Alibaba Cloud", "Amazon Web Services", "AWS", "Auth0", "Azure", "Baidu", "Braintree", "Brevo", "Calendly",
        "Cloudflare", "Criteo", "DigitalOcean", "DoubleClick", "Facebook", "Fastly", "Firebase", "Google", "Google Analytics", "Heroku",
        "Hetzner", "Hotjar", "HubSpot", "Instagram", "Intercom", "Klaviyo", "LinkedIn", "Mailchimp", "Matomo", "Microsoft", "Mixpanel",
        "Mollie", "Netlify", "OVHcloud", "PayPal", "Paytm", "Pinterest", "Plausible Analytics", "Razorpay", "Salesforce", "SendGrid",
        "Sendinblue", "Sentry", "Shopify", "Snapchat", "Stripe", "Taboola", "TikTok", "Twilio", "Typeform", "Vercel", "Vimeo", "WhatsApp",
        "Yandex", "YouTube", "Zendesk", "Zoho",
    ]
}
