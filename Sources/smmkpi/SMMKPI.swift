import ArgumentParser

@main
struct SMMKPI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "smmkpi",
        abstract: "KPIs for social media marketing: import data, compute KPIs, score plans.",
        subcommands: [
            ImportCommand.self, ExportCommand.self, KPICommand.self, DemoCommand.self, AnomaliesCommand.self,
            PlanCommand.self, ScoreCommand.self,
            SentimentCommand.self, LabelCommand.self, ReclassifyCommand.self, CommentsCommand.self,
            ServeCommand.self, UserCommand.self, WorkspaceCommand.self,
            ReportCommand.self,
            ConnectCommand.self, SyncCommand.self,
            DBCommand.self,
        ])
}
