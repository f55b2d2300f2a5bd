import ArgumentParser
import PolicySiteCommands
PolicySiteCommand.main()
