public import Foundation
import PolicyConcurrency
import PolicyHistory
public import PolicyMarkdown
public import PolicyModel
import PolicyText
import PolicyTranslations

/// Turns empty strings into `false` so templates can test presence with `{{#field}}`
/// (Mustache treats an empty string as true). The key is kept on purpose: a missing key
/// would resolve up the context stack, so a DPO without an e-mail would show the company's.
///
/// Every page's context goes through here, so a dictionary or list is copied only when
/// something in it changes, and values are told apart by their exact type: casting a
/// `[String: String]` to `[String: Any]` would convert (copy) it just to look inside.
func pruned(_ context: [String: Any]) -> [String: Any] {
    prunedDictionary(context, keepingStrings: "t") ?? context
}

/// `dictionary` pruned, or nil when nothing in it changes; `keepingStrings` names a key whose
/// value is left as it is (the UI strings, `t`).
private func prunedDictionary(_ dictionary: [String: Any], keepingStrings kept: String? = nil) -> [String: Any]? {
    var result: [String: Any]?
    for (key, value) in dictionary where key != kept {
        if let changed = prunedValue(value) {
            if result == nil { result = dictionary }
            result![key] = changed
        }
    }
    return result
}

/// `value` as `pruned` leaves it among a page's values, of the same type (a list or
/// dictionary of values; an empty string alone would become `false`).
func prunedKeepingType<Value>(_ value: Value) -> Value {
    prunedValue(value).map { $0 as! Value } ?? value
}

/// `value` pruned, or nil when nothing in it changes.
private func prunedValue(_ value: Any) -> Any? {
    let kind = type(of: value)
    if kind == String.self { return (value as! String).isEmpty ? false : nil }
    if kind == [String: Any].self { return prunedDictionary(value as! [String: Any]) }
    if kind == [String: String].self {
        let dictionary = value as! [String: String]
        return dictionary.values.contains("") ? dictionary.mapValues { $0.isEmpty ? false : $0 as Any } : nil
    }
    if kind == [[String: Any]].self {
        let rows = value as! [[String: Any]]
        let changed = rows.map { prunedDictionary($0) }
        return changed.contains { $0 != nil } ? zip(rows, changed).map { $1 ?? $0 } : nil
    }
    if kind == [[String: String]].self {
        let rows = value as! [[String: String]]
        guard rows.contains(where: { $0.values.contains("") }) else { return nil }
        return rows.map { $0.mapValues { $0.isEmpty ? false : $0 as Any } }
    }
    // Other dictionaries and lists of dictionaries (`[String: Bool]`, `[[String: [String]]]`):
    // converted and looked into, as the casts always took them.
    if let dictionary = value as? [String: Any] { return prunedDictionary(dictionary) ?? dictionary }
    if let rows = value as? [[String: Any]] { return rows.map { prunedDictionary($0) ?? $0 } }
    return nil
}
