import Foundation

// ThemeEmbedder THEME-FOLDER OUTPUT.swift: writes every file under the theme folder (dot files
// left out, as `new site` leaves them out) as `(relative path, base64 bytes)` into a Swift file,
// for the EmbedTheme build plugin. The output is rewritten only when it changes, so an unchanged
// theme recompiles nothing.

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: ThemeEmbedder THEME-FOLDER OUTPUT.swift\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

func walk(_ folder: URL, prefix: String) throws -> [(path: String, data: Data)] {
    var files: [(path: String, data: Data)] = []
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    for name in names where !name.hasPrefix(".") {
        let url = folder.appendingPathComponent(name)
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
        if isFolder.boolValue {
            files += try walk(url, prefix: prefix + name + "/")
        } else {
            files.append((prefix + name, try Data(contentsOf: url)))
        }
    }
    return files
}

let files: [(path: String, data: Data)]
do {
    files = try walk(root, prefix: "")
} catch {
    FileHandle.standardError.write(Data("error: ThemeEmbedder: cannot read the theme at \(root.path): \(error)\n".utf8))
    exit(1)
}
guard !files.isEmpty else {
    FileHandle.standardError.write(Data("error: ThemeEmbedder: no files under \(root.path); expected themes/default with templates/, i18n/ and assets/\n".utf8))
    exit(1)
}

var text = "// Generated at build time by ThemeEmbedder (the EmbedTheme plugin) from themes/default; not checked in.\n"
text += "let embeddedThemeFiles: [(path: String, base64: String)] = [\n"
for file in files {
    // Paths are plain ASCII in a theme; escaping keeps the literal valid whatever they hold.
    let path = file.path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    text += "    (\"\(path)\", \"\(file.data.base64EncodedString())\"),\n"
}
text += "]\n"

let data = Data(text.utf8)
if (try? Data(contentsOf: output)) != data {
    do {
        try data.write(to: output, options: .atomic)
    } catch {
        FileHandle.standardError.write(Data("error: ThemeEmbedder: cannot write \(output.path): \(error)\n".utf8))
        exit(1)
    }
}
