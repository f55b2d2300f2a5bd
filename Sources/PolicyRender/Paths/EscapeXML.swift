import Foundation
import PolicyHistory
import PolicyMarkdown
public import PolicyModel
import PolicyTranslations

/// Escapes text for XML content and attribute values (feeds, sitemaps); the same five
/// characters as HTML (`&#39;` is valid XML too).
public func escapeXML(_ text: String) -> String { escapeAttribute(text) }
