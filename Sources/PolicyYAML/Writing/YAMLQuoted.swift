import Foundation

/// `text` as a YAML double-quoted scalar, safe for any text: what `publish` writes into
/// changelog.yml and `new` into the files it creates.
public func yamlQuoted(_ text: String) -> String {
    var result = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": result += "\\\""
        case "\\": result += "\\\\"
        case "\n": result += "\\n"
        case "\t": result += "\\t"
        default:
            if scalar.value < 0x20 { result += String(format: "\\x%02X", scalar.value) } else { result.unicodeScalars.append(scalar) }
        }
    }
    return result + "\""
}
