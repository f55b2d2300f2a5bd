import PolicySiteCommands
PolicySiteCommand.main()
