public import ArgumentParser
import Foundation
import PolicyFiles
public import PolicyModel
import PolicyScaffold

extension LanguageCode: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
