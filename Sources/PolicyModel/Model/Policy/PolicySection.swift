import Foundation

/// The sections a theme renders from a policy's front matter (tables and lists), in page order.
/// Each is `<section id>` on the page; body headings never take these ids. The policy page,
/// its layout, the checks and the skeleton of a new policy all read this one list.
public enum PolicySection: String, CaseIterable, Sendable {
    case dataCollected = "data-collected"
    case purposes
    case thirdParties = "third-parties"
    case transfers
    case retention
    case cookies
    case rights
    case children
    case more
    case contact

    /// The section's id on the page (`<section id="data-collected">`).
    public var id: String { rawValue }

    /// The UI-string key of the section's title: `sections.data_collected`.
    public var titleKey: String { "sections." + rawValue.replacingOccurrences(of: "-", with: "_") }

    /// Whether `front` gives the section anything to show (contact always shows).
    public func isPresent(in front: PolicyFrontMatter) -> Bool {
        switch self {
        case .dataCollected: !front.dataCollected.isEmpty
        case .purposes: !front.purposes.isEmpty
        case .thirdParties: !front.thirdParties.isEmpty
        case .transfers: !front.transfers.isEmpty
        case .retention: !front.retention.isEmpty
        case .cookies: !front.cookies.isEmpty
        case .rights: front.rights != nil || !front.regionalRights.isEmpty
        case .children: front.childrenMinAge != nil
        case .more: front.dataRequired != nil || front.automatedDecisions != nil || front.sellsPersonalData == false
        case .contact: true
        }
    }
}
