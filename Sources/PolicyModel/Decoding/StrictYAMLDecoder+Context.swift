public import PolicyYAML

extension StrictYAMLDecoder {
    /// The decoder with the site facts values are checked against.
    public init(file: String, lineOffset: Int = 0, context: DecodingContext = DecodingContext()) {
        self.init(file: file, lineOffset: lineOffset, userInfo: [.policyDecodingContext: context])
    }
}
