public import ArgumentParser
import Foundation
import PolicyBuild
import PolicyContent
import PolicyDiagnostics
import PolicyFiles
import PolicyHistory
public import PolicyModel

extension PolicyDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
