import PolicyDiagnostics
package import Yams

extension Decoder {
    /// Decodes one field, recording a problem instead of throwing, so that a bad value in one
    /// field does not hide problems in the fields after it. Returns nil when the field is
    /// absent or invalid; a missing `required` field is recorded too.
    ///
    /// Under any decoder but `StrictYAMLDecoder` it throws instead, as `decode` would: a value
    /// that breaks the model's rules is never dropped silently, whoever decodes it.
    public func lenient<T: Decodable>(_ type: T.Type, _ key: some CodingKey, required: Bool = false) throws -> T? {
        guard let decoder = self as? NodeDecoder, case .mapping(let mapping) = decoder.node else {
            let container = try container(keyedBy: NameKey.self)
            let name = NameKey(key.stringValue)
            return required ? try container.decode(T.self, forKey: name) : try container.decodeIfPresent(T.self, forKey: name)
        }
        let state = decoder.state
        guard let value = mapping.value(named: key.stringValue), !isNull(value) else {
            if required, mapping.value(named: key.stringValue) != nil || !state.isMisspelled(key.stringValue, in: decoder.node) {
                let place = pathText(decoder.codingPath + [NameKey(key.stringValue)])
                state.diagnostics.append(
                    .error(
                        .missingField, at: state.location(of: decoder.node), "missing required field '\(place)'",
                        expected: "expected a value for '\(key.stringValue)'; see docs/content-format.md"))
            }
            return nil
        }
        return record(state) { try decodeValue(T.self, node: value, path: decoder.codingPath + [NameKey(key.stringValue)], state: state) }
    }

    /// Decodes a list field element by element: a bad element is recorded and skipped, the
    /// others are still checked and kept.
    public func lenientList<T: Decodable>(_ type: T.Type, _ key: some CodingKey) throws -> [T] {
        guard let decoder = self as? NodeDecoder, case .mapping(let mapping) = decoder.node else {
            return try lenient([T].self, key) ?? []
        }
        let state = decoder.state
        guard let value = mapping.value(named: key.stringValue), !isNull(value) else { return [] }
        let path = decoder.codingPath + [NameKey(key.stringValue)]
        guard case .sequence(let sequence) = value else {
            state.diagnostics.append(
                state.failure(
                    .wrongType, value, "'\(pathText(path))' is \(describe(value))", expected: "expected a list (lines starting with '- ')"
                ).diagnostic)
            return []
        }
        return sequence.enumerated().compactMap { index, element in
            record(state) { try decodeValue(T.self, node: element, path: path + [IndexKey(index)], state: state) }
        }
    }
}

extension Node.Mapping {
    /// The value of the first field named `name`. By position: iterating a mapping copies all
    /// its pairs into a new array first, and decoding a struct asked once per field.
    package func value(named name: String) -> Node? {
        var index = startIndex
        while index < endIndex {
            let field = self[index]
            if field.key.string == name { return field.value }
            index = self.index(after: index)
        }
        return nil
    }
}

private func record<T>(_ state: DecodingState, _ body: () throws -> T) -> T? {
    do {
        return try body()
    } catch let failure as LocatedFailure {
        state.diagnostics.append(failure.diagnostic)
    } catch is AlreadyReported {
    } catch {
        state.diagnostics.append(.error(.invalidValue, at: SourceLocation(file: state.file), "\(error)"))
    }
    return nil
}

extension Decoder {
    /// A field that may hold one mapping or a list of them (`dpo:`), decoded as a list.
    public func lenientOneOrMany<T: Decodable>(_ type: T.Type, _ key: some CodingKey) throws -> [T] {
        if let decoder = self as? NodeDecoder, case .mapping(let mapping) = decoder.node,
            let value = mapping.value(named: key.stringValue), case .mapping = value
        {
            return try lenient(T.self, key).map { [$0] } ?? []
        }
        // Elsewhere: a list, or (for other decoders) a single mapping.
        if !(self is NodeDecoder), let one = try? lenient(T.self, key) { return [one] }
        return try lenientList(T.self, key)
    }
}
