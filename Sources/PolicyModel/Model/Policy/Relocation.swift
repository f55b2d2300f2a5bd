import PolicyDiagnostics

/// Moving a parse to another file with the same bytes.
///
/// The latest published version of a policy is nearly always byte for byte the current text
/// (`publish` copies it), so a build used to parse the same bytes twice per language: once at
/// `<lang>/privacy.md` and once at `versions/<v>/<lang>/privacy.md`. Parsing depends only on the
/// bytes, the language and the checking context; the path shows up in locations only. So the
/// archived copy takes the current parse with every location moved to its own file, which is
/// what parsing it would have given (`RelocationTests` compare the two location by location).
extension PolicyDocument {
    package func relocated(to newPath: String) -> PolicyDocument {
        var document = self
        let move = SourceLocation.Move(from: path, to: newPath)
        document.path = newPath
        document.fieldLocations = fieldLocations.mapValues(move.apply)
        document.frontMatter.relocate(move)
        return document
    }
}

extension SourceLocation {
    struct Move {
        let from: String
        let to: String

        func apply(_ location: SourceLocation) -> SourceLocation {
            guard location.file == from else { return location }
            var moved = location
            moved.file = to
            return moved
        }

        func apply(_ location: SourceLocation?) -> SourceLocation? { location.map(apply) }
    }
}

extension PolicyFrontMatter {
    /// Every location the front matter keeps (for cross-file checks and `scan` findings): cookie
    /// categories and cookies, retention rules, recipients, transfers, rights and regional-rights
    /// blocks and their rights. A new located field belongs here too; `RelocationTests` find every
    /// `SourceLocation` by reflection, so a missed one fails there.
    mutating func relocate(_ move: SourceLocation.Move) {
        for index in cookies.indices {
            cookies[index].category.location = move.apply(cookies[index].category.location)
            for cookie in cookies[index].cookies.indices {
                cookies[index].cookies[cookie].location = move.apply(cookies[index].cookies[cookie].location)
            }
        }
        for index in retention.indices { retention[index].location = move.apply(retention[index].location) }
        for index in thirdParties.indices { thirdParties[index].sourceLocation = move.apply(thirdParties[index].sourceLocation) }
        for index in transfers.indices { transfers[index].location = move.apply(transfers[index].location) }
        if var section = rights {
            for index in section.items.indices { section.items[index].location = move.apply(section.items[index].location) }
            rights = section
        }
        for index in regionalRights.indices {
            regionalRights[index].location = move.apply(regionalRights[index].location)
            for item in regionalRights[index].items.indices {
                regionalRights[index].items[item].location = move.apply(regionalRights[index].items[item].location)
            }
        }
    }
}
