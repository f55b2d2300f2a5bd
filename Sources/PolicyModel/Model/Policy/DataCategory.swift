public struct DataCategory: Codable, Sendable, Equatable {
    public var category: String
    public var items: [String]
    public var source: DataSource?

    enum CodingKeys: String, CodingKey, CaseIterable { case category, items, source }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        category = try c.decode(String.self, forKey: .category)
        items = try c.decodeIfPresent([String].self, forKey: .items) ?? []
        source = try c.decodeIfPresent(DataSource.self, forKey: .source)
    }
}
