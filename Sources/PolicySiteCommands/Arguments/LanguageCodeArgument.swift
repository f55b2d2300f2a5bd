public import ArgumentParser
import Foundation
public import PolicyModel

extension LanguageCode: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
