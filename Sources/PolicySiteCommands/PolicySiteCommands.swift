import ArgumentParser
public struct PolicySiteCommand: ParsableCommand { public init() {} public func run() throws {} }
