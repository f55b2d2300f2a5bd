/// The ids given to a page's headings so far, handing out the next unique one: `base`, then
/// `base-2`, `base-3`, …
struct AnchorRegister {
    private(set) var used: Set<String>
    /// Where each base's count stopped, so n headings with one title take linear time, not n².
    private var next: [String: Int] = [:]
    /// Candidate ids looked up so far: the work done, which tests bound.
    private(set) var probes = 0

    init(reserved: Set<String>) { used = reserved }

    func contains(_ id: String) -> Bool { used.contains(id) }

    mutating func insert(_ id: String) { used.insert(id) }

    /// `base`, or the first `base-N` no heading has yet; taken.
    mutating func claim(_ base: String) -> String {
        var id = base
        probes += 1
        if used.contains(id) {
            var counter = next[base] ?? 2
            repeat {
                id = "\(base)-\(counter)"
                counter += 1
                probes += 1
            } while used.contains(id)
            next[base] = counter
        }
        used.insert(id)
        return id
    }
}
