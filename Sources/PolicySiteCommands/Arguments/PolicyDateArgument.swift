public import ArgumentParser
import Foundation
public import PolicyModel

extension PolicyDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
